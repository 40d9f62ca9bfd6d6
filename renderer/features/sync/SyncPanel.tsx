import { useLiveQuery } from 'dexie-react-hooks';
import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/database';
import { syncNow, useSync, type SyncStatus } from '../../data/sync/controller';
import { formatShortDateTime } from '../../ui/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SetAsideList } from './SetAsideList';

const SHOWN = 50;

/** The waiting changes, newest first, with the account's name where there is one. */
async function waitingChanges() {
  const total = await db.outbox.count();
  const entries = await db.outbox.orderBy('seq').reverse().limit(SHOWN).toArray();
  const ids = [...new Set(entries.filter((e) => e.table === 'accounts').map((e) => e.recordId))];
  const summaries = await db.accountSummaries.bulkGet(ids);
  const names = new Map(summaries.filter((s) => s !== undefined).map((s) => [s.id, s.name]));
  return {
    total,
    rows: entries.map((e) => ({
      seq: e.seq!,
      table: e.table,
      name: names.get(e.recordId) ?? (typeof e.patch.name === 'string' ? e.patch.name : null),
      op: e.op,
      at: e.at,
    })),
  };
}

type Props = { isOpen: boolean; onOpenChange: (open: boolean) => void; line: string; status: SyncStatus };

/** The sync panel: what the status means, "Sync now", the list of changes waiting to go, and those set aside. */
export function SyncPanel({ isOpen, onOpenChange, line, status }: Props) {
  const { t, i18n } = useTranslation('sync');
  const serverUrl = useSync((s) => s.serverUrl);
  const waiting = useLiveQuery(() => (isOpen ? waitingChanges() : undefined), [isOpen]);
  const retry = status.kind === 'error' && status.retryInMs !== null ? t('error.retry', { seconds: Math.ceil(status.retryInMs / 1000) }) : null;

  return (
    <Dialog title={t('panel.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <div className="sync-panel">
        <p className={status.kind === 'error' ? 'sync-panel-status error' : 'sync-panel-status'}>
          {line} {retry}
        </p>
        {serverUrl && <p className="muted">{t('panel.server', { url: serverUrl })}</p>}
        {status.kind === 'offline' && <p className="muted">{t('panel.offlineHelp')}</p>}
        <h3 id="sync-waiting-title">{t('panel.waitingTitle')}</h3>
        {waiting && waiting.total === 0 && <p className="muted">{t('panel.nothingWaiting')}</p>}
        {waiting && waiting.total > 0 && (
          <div className="sync-waiting-scroll">
            <table className="sync-waiting" aria-labelledby="sync-waiting-title">
              <thead>
                <tr>
                  <th scope="col">{t('panel.record')}</th>
                  <th scope="col">{t('panel.change')}</th>
                  <th scope="col">{t('panel.time')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.rows.map((row) => (
                  <tr key={row.seq}>
                    <td>
                      {row.table === 'accounts' ? t('panel.tables.accounts') : t('panel.tables.other')}: {row.name ?? t('panel.unnamed')}
                    </td>
                    <td>{t(`panel.ops.${row.op}`)}</td>
                    <td className="time">{formatShortDateTime(i18n.language, row.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {waiting && waiting.total > waiting.rows.length && <p className="muted">{t('panel.more', { count: waiting.total - waiting.rows.length })}</p>}
        <SetAsideList onNavigate={() => onOpenChange(false)} />
        <div className="dialog-actions">
          <Button onPress={() => onOpenChange(false)}>{t('common:action.close')}</Button>
          <Button variant="primary" onPress={syncNow} isDisabled={status.kind === 'syncing' || status.kind === 'offline'}>
            <RefreshCw aria-hidden /> {t('panel.syncNow')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
