import type { Catalogue } from '../catalogue';
import type { palette as en } from '../en/palette';

export const palette: Catalogue<typeof en> = {
};
