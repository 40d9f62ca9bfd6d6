import { Download, FlaskConical, Languages, Monitor, Moon, Settings as SettingsIcon, Sun, Upload } from 'lucide-react';
import { db } from '../../data/database';
import { loadSettings, saveSettings } from '../../data/settings';
import type { AppCommand, FeatureContribution } from '../../ui/contribution';
import { showToast } from '../../ui/toast';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const themeCommand = (theme: 'system' | 'light' | 'dark', icon: AppCommand['icon']): AppCommand => ({
  id: `theme:${theme}`,
  icon,
  label: `palette:action.theme.${theme}`,
  keywords: 'palette:keywords.theme',
  offered: ({ settings }) => settings?.theme !== theme,
  run: () => void saveSettings({ theme }),
});

/** Settings: language, theme, the TAM's profile and hours, demo data and backups. */
export const settingsFeature: FeatureContribution = {
  screens: [{ path: 'settings', load: () => import('./SettingsPage').then((m) => m.SettingsPage) }],
  sidebar: [{ id: 'settings', to: '/settings', icon: SettingsIcon, label: 'common:nav.settings', keys: ['G', 'S'] }],
  // The data commands' code loads on first use (it is prefetched after start-up).
  commands: [
    { id: 'goSettings', icon: SettingsIcon, label: 'palette:action.goSettings', keywords: 'palette:keywords.goSettings', keys: ['G', 'S'], run: ({ navigate }) => navigate('/settings') },
    {
      id: 'loadDemo',
      icon: FlaskConical,
      label: 'palette:action.loadDemo',
      keywords: 'palette:keywords.loadDemo',
      // Demo data only ever goes into an empty database.
      offered: ({ accountCount }) => accountCount === 0,
      run: ({ t }) =>
        void import('./demo-data').then(({ loadDemoData }) => loadDemoData(db)).then(
          (count) => showToast(t('settings:data.demo.loaded', { count })),
          (e: unknown) => showToast(t('settings:data.demo.failed', { reason: reasonOf(e) })),
        ),
    },
    {
      id: 'exportBackup',
      icon: Download,
      label: 'palette:action.exportBackup',
      keywords: 'palette:keywords.exportBackup',
      run: ({ t }) =>
        void import('./export-backup').then(({ exportBackup }) => exportBackup(db)).then(
          (r) => r.saved && showToast(t('settings:backup.exported', { count: r.accounts, file: r.fileName })),
          (e: unknown) => showToast(t('settings:backup.exportFailed', { reason: reasonOf(e) })),
        ),
    },
    {
      id: 'importBackup',
      icon: Upload,
      label: 'palette:action.importBackup',
      keywords: 'palette:keywords.importBackup',
      run: ({ t, navigate }) => {
        // Ask for the file first, while the keypress still counts as a user
        // gesture; the Settings page then shows the refusal or the confirmation.
        void import('./import-store').then(({ useImport }) => useImport.getState().start(t('settings:backup.openTitle')));
        navigate('/settings');
      },
    },
    {
      id: 'switchLanguage',
      icon: Languages,
      label: 'palette:action.switchLanguage',
      keywords: 'palette:keywords.switchLanguage',
      labelValues: ({ settings }) => ({ language: settings?.language === 'pl' ? 'English' : 'Polski' }),
      run: () => void loadSettings().then((s) => saveSettings({ language: s.language === 'pl' ? 'en' : 'pl' })),
    },
    themeCommand('system', Monitor),
    themeCommand('light', Sun),
    themeCommand('dark', Moon),
  ],
  prefetch: () => [import('./demo-data'), import('./export-backup'), import('./import-store')],
};
