import { useLiveQuery } from 'dexie-react-hooks';
import { ChevronDown } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/use-online';
import { db } from '../../data/database';
import { startSync, useSync, type SyncStatus } from '../../data/sync/controller';
import { Button } from '../../ui/Button';
import { statusLine } from './sync-text';
import { SyncPanel } from './SyncPanel';
import { useNow } from '../../ui/use-now';
import './sync.css';

const dotClass = (status: SyncStatus, pending: number, setAside: number) => {
  if (status.kind === 'offline') return 'dot offline';
  if (status.kind === 'syncing') return 'dot syncing';
  if (status.kind === 'error') return 'dot error';
  return pending > 0 || setAside > 0 ? 'dot waiting' : 'dot';
};

/**
 * The top bar's connection and sync status. Signed out it is the plain
 * Online/Offline pill; signed in it says offline, syncing 45%, up to date ·
 * synced 2 min ago, N changes waiting, or the specific error, and a "Sync
 * status" button opens the panel with the waiting changes and "Sync now".
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const { t: tc } = useTranslation();
  const online = useOnline();
  const { status, serverUrl, lastSyncedAt } = useSync();
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const setAside = useLiveQuery(() => db.setAside.count(), []) ?? 0;
  const now = useNow().getTime();
  const [open, setOpen] = useState(false);
  const statusId = useId();

  useEffect(() => {
    void startSync(db);
  }, []);

  if (status.kind === 'signed-out') {
    return (
      <span className="status-pill" role="status">
        <span className={online ? 'dot' : 'dot offline'} aria-hidden />
        {online ? tc('connection.online') : tc('connection.offline')}
      </span>
    );
  }
  const shown: SyncStatus = online ? status : { kind: 'offline' };
  const line = statusLine(t, tc('connection.offline'), { status: shown, pending, setAside, lastSyncedAt, serverUrl, language: i18n.language, now });
  return (
    <span className="sync-indicator">
      <span className={shown.kind === 'error' ? 'status-pill error' : 'status-pill'} role="status" id={statusId} onClick={() => setOpen(true)} title={line}>
        <span className={dotClass(shown, pending, setAside)} aria-hidden />
        {line}
      </span>
      <Button variant="ghost" size="small" aria-label={t('status.button')} aria-describedby={statusId} onPress={() => setOpen(true)}>
        <ChevronDown aria-hidden />
      </Button>
      <SyncPanel isOpen={open} onOpenChange={setOpen} line={line} status={shown} />
    </span>
  );
}
