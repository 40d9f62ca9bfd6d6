import { useEffect, useRef } from 'react';
import type { MenuCommand } from '@shared/host';
import { onMenuCommand } from '../host';
import type { AppCommand } from './use-app-commands';

const FROM_MENU: Record<MenuCommand, AppCommand> = {
  'new-account': 'newAccount',
  'import-backup': 'importBackup',
  'export-backup': 'exportBackup',
  'keyboard-shortcuts': 'shortcuts',
};

/** Runs the desktop menu's commands (Electron only; the browser has no app menu). */
export function useMenuCommands(run: (command: AppCommand) => void) {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => onMenuCommand((command) => runRef.current(FROM_MENU[command])), []);
}
