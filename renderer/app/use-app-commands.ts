import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { db } from '../data/database';
import { loadSettings, saveSettings } from '../data/settings';
import { showToast } from '../ui/toast';
import { useUi } from './ui-store';

/**
 * The app's commands, run the same way from the command palette, the
 * keyboard shortcuts and the desktop menu.
 */
export type AppCommand =
  | 'newAccount'
  | 'goAccounts'
  | 'goCases'
  | 'goSettings'
  | 'shortcuts'
  | 'palette'
  | 'loadDemo'
  | 'exportBackup'
  | 'importBackup'
  | 'switchLanguage'
  | 'theme:system'
  | 'theme:light'
  | 'theme:dark';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useAppCommands(): (command: AppCommand) => void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setHelpOpen, setPaletteOpen } = useUi();
  return (command) => {
    switch (command) {
      case 'newAccount':
        return void navigate('/accounts/new');
      case 'goAccounts':
        return void navigate('/accounts');
      case 'goCases':
        return void navigate('/cases');
      case 'goSettings':
        return void navigate('/settings');
      case 'shortcuts':
        return setHelpOpen(true);
      case 'palette':
        return setPaletteOpen(true);
      // The data commands' code loads on first use (it is prefetched after start-up).
      case 'loadDemo':
        return void import('../features/settings/demo-data').then(({ loadDemoData }) => loadDemoData(db)).then(
          (count) => showToast(t('settings:data.demo.loaded', { count })),
          (e: unknown) => showToast(t('settings:data.demo.failed', { reason: reasonOf(e) })),
        );
      case 'exportBackup':
        return void import('../features/settings/export-backup').then(({ exportBackup }) => exportBackup(db)).then(
          (r) => r.saved && showToast(t('settings:backup.exported', { count: r.accounts, file: r.fileName })),
          (e: unknown) => showToast(t('settings:backup.exportFailed', { reason: reasonOf(e) })),
        );
      case 'importBackup':
        // Ask for the file first, while the keypress still counts as a user
        // gesture; the Settings page then shows the refusal or the confirmation.
        void import('../features/settings/import-store').then(({ useImport }) => useImport.getState().start(t('settings:backup.openTitle')));
        return void navigate('/settings');
      case 'switchLanguage':
        return void loadSettings().then((s) => saveSettings({ language: s.language === 'pl' ? 'en' : 'pl' }));
      case 'theme:system':
      case 'theme:light':
      case 'theme:dark':
        return void saveSettings({ theme: command.slice('theme:'.length) as 'system' | 'light' | 'dark' });
    }
  };
}
