import type { Catalogue } from '../catalogue';
import type { settings as en } from '../en/settings';

export const settings: Catalogue<typeof en> = {
};
