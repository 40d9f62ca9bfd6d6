import { useTranslation } from 'react-i18next';
import { SYNCED_TABLE_NAMES } from '@shared/domain/tables';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import type { ImportSummary, TableImportCounts } from '../../data/backup-import';
import { useImport } from './import-store';

/** Everything but accounts, added up (the other tables are small until their features arrive). */
function otherTables(summary: ImportSummary): TableImportCounts {
  const total = { added: 0, updated: 0, upToDate: 0 };
  for (const table of SYNCED_TABLE_NAMES) {
    if (table === 'accounts') continue;
    total.added += summary[table].added;
    total.updated += summary[table].updated;
    total.upToDate += summary[table].upToDate;
  }
  return total;
}

/** "Import N accounts?": the policy, what this file would change, then the import. */
export function ImportConfirmDialog() {
  const { t, i18n } = useTranslation('settings');
  const state = useImport((s) => s.state);
  const confirm = useImport((s) => s.confirm);
  const reset = useImport((s) => s.reset);
  const open = state.phase === 'confirm' || state.phase === 'importing';
  if (!open) return null;

  const importing = state.phase === 'importing';
  const accounts = state.tables.accounts?.length ?? 0;
  const others = otherTables(state.preview);
  const exported = formatDateTime(i18n.language, state.exportedAt);

  const run = async () => {
    const summary = await confirm();
    if (!summary) return;
    const rest = otherTables(summary);
    const text = t('backup.imported', summary.accounts);
    showToast(rest.added + rest.updated > 0 ? `${text}. ${t('backup.importedOther', rest)}` : text);
  };

  return (
    <Dialog title={t('backup.confirm.title', { count: accounts })} isOpen onOpenChange={(isOpen) => !isOpen && !importing && reset()}>
      <div className="import-confirm">
        <p>{t('backup.confirm.file', { file: state.fileName, date: exported })}</p>
        <div>
          <p className="strong">{t('backup.confirm.policy')}</p>
          <ul className="policy-list">
            <li>{t('backup.confirm.policyAdd')}</li>
            <li>{t('backup.confirm.policyReplace')}</li>
            <li>{t('backup.confirm.policyKeep')}</li>
          </ul>
        </div>
        <p className="callout">
          {t('backup.confirm.preview', state.preview.accounts)}
          {others.added + others.updated + others.upToDate > 0 && (
            <>
              <br />
              {t('backup.confirm.previewOther', others)}
            </>
          )}
        </p>
        <div className="dialog-actions">
          <Button onPress={reset} isDisabled={importing}>
            {t('common:action.cancel')}
          </Button>
          <Button variant="primary" onPress={() => void run()} isDisabled={importing} autoFocus>
            {importing ? t('backup.importing') : t('backup.confirm.submit')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
