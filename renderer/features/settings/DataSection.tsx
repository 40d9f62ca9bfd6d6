import { useLiveQuery } from 'dexie-react-hooks';
import { Download, FlaskConical, Upload } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/database';
import { Button } from '../../ui/Button';
import { formatNumber } from '../../ui/format';
import { showToast } from '../../ui/toast';
import { loadDemoData, NotEmptyError } from './demo-data';
import { exportBackup } from './export-backup';
import { ImportConfirmDialog } from './ImportConfirmDialog';
import { ImportRefusal } from './ImportRefusal';
import { useImport } from './import-store';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Demo data, and the JSON backup out and in. */
export function DataSection() {
  const { t, i18n } = useTranslation('settings');
  const headingId = useId();
  const demoHelpId = useId();
  const accountCount = useLiveQuery(() => db.accounts.count(), []);
  const [busy, setBusy] = useState<'demo' | 'export' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importState = useImport((s) => s.state);
  const startImport = useImport((s) => s.start);
  const resetImport = useImport((s) => s.reset);

  const canLoadDemo = accountCount === 0 && busy !== 'demo';
  // Busy buttons are disabled and a status line says what is happening
  // (React Aria's isPending announces through a node that outlives the button's id).

  const loadDemo = async () => {
    setBusy('demo');
    setError(null);
    try {
      const count = await loadDemoData(db);
      showToast(t('data.demo.loaded', { count }));
    } catch (e) {
      setError(t('data.demo.failed', { reason: e instanceof NotEmptyError ? t('data.demo.notEmpty') : reasonOf(e) }));
    } finally {
      setBusy(null);
    }
  };

  const runExport = async () => {
    setBusy('export');
    setError(null);
    try {
      const result = await exportBackup(db);
      if (result.saved) showToast(t('backup.exported', { count: result.accounts, file: result.fileName }));
    } catch (e) {
      setError(t('backup.exportFailed', { reason: reasonOf(e) }));
    } finally {
      setBusy(null);
    }
  };

  const runImport = () => {
    setError(null);
    resetImport();
    void startImport(t('backup.openTitle'));
  };

  const count = accountCount ?? 0;
  const shown = formatNumber(i18n.language, count);

  return (
    <section className="form-section settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('data.title')}</h2>
      <p className="muted">
        {t('data.intro')} {accountCount !== undefined && (count === 0 ? t('data.empty') : t('data.count', { count, shown }))}
      </p>

      <div className="settings-row">
        <div className="settings-row-text">
          <h3>{t('data.demo.load')}</h3>
          <p className="muted" id={demoHelpId}>
            {accountCount === undefined || accountCount === 0 ? t('data.demo.help') : t('data.demo.disabled')}
          </p>
        </div>
        <Button onPress={() => void loadDemo()} isDisabled={!canLoadDemo} aria-describedby={demoHelpId}>
          <FlaskConical aria-hidden /> {t('data.demo.load')}
        </Button>
      </div>

      <div className="settings-row">
        <div className="settings-row-text">
          <h3>{t('backup.title')}</h3>
          <p className="muted">{t('backup.intro')}</p>
        </div>
        <div className="settings-row-actions">
          <Button onPress={() => void runExport()} isDisabled={busy === 'export'}>
            <Download aria-hidden /> {t('backup.export')}
          </Button>
          <Button onPress={runImport} isDisabled={importState.phase === 'importing'}>
            <Upload aria-hidden /> {t('backup.import')}
          </Button>
        </div>
      </div>

      <p className="sr-only" role="status">
        {busy === 'demo' ? t('data.demo.loading') : busy === 'export' ? t('backup.exporting') : importState.phase === 'importing' ? t('backup.importing') : ''}
      </p>
      {error && (
        <p role="alert" className="callout danger">
          {error}
        </p>
      )}
      {importState.phase === 'refused' && <ImportRefusal fileName={importState.fileName} problems={importState.problems} onDismiss={resetImport} />}
      {importState.phase === 'failed' && (
        <p role="alert" className="callout danger">
          {t('backup.failed', { reason: importState.reason })}
        </p>
      )}
      <ImportConfirmDialog />
    </section>
  );
}
