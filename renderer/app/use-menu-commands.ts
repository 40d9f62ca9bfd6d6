import { useEffect, useRef } from 'react';
import type { MenuCommand } from '@shared/host';
import { onMenuCommand } from '../host';

/** The app command each menu command runs. */
const FROM_MENU: Record<MenuCommand, string> = {
  'new-account': 'newAccount',
  'import-backup': 'importBackup',
  'export-backup': 'exportBackup',
  'keyboard-shortcuts': 'shortcuts',
};

/** Runs the desktop menu's commands (Electron only; the browser has no app menu). */
export function useMenuCommands(run: (command: string) => void) {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => onMenuCommand((command) => runRef.current(FROM_MENU[command])), []);
}
