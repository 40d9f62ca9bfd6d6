import { accounts } from './accounts';
import { common } from './common';
import { palette } from './palette';
import { settings } from './settings';
import { sync } from './sync';

export const en = { common, accounts, settings, palette, sync };
