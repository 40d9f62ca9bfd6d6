import { accounts } from './accounts';
import { cases } from './cases';
import { common } from './common';
import { email } from './email';
import { palette } from './palette';
import { settings } from './settings';
import { sync } from './sync';

export const pl = { common, accounts, cases, settings, palette, sync, email };
