import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../data/sync/controller';
import type { SyncProgress } from '../../data/sync/engine';
import type { SyncErrorCode } from '../../data/sync/sync-error';
import { formatAgo } from '../../ui/format';

/** Percent done of a sync in progress, or null while the total is unknown. */
export function progressPercent(progress: SyncProgress | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** The words of a sync error: specific, and saying what to do ("sign in again"), never just "sync failed". */
export function errorText(t: TFunction<'sync'>, code: SyncErrorCode, url: string | null, message = ''): string {
  return t(`error.${code}`, { url: url ?? '', message });
}

type Inputs = {
  status: SyncStatus;
  pending: number;
  /** Changes set aside (data/sync/set-aside.ts): said on every line, so none is forgotten. */
  setAside?: number;
  lastSyncedAt: string | null;
  serverUrl: string | null;
  language: string;
  now?: number;
};

/** The one line the top bar shows for a signed-in device. */
export function statusLine(t: TFunction<'sync'>, offlineText: string, inputs: Inputs): string {
  const line = statusWithoutSetAside(t, offlineText, inputs);
  const setAside = inputs.setAside ?? 0;
  return setAside > 0 && line ? `${line} · ${t('status.setAside', { count: setAside })}` : line;
}

function statusWithoutSetAside(t: TFunction<'sync'>, offlineText: string, { status, pending, lastSyncedAt, serverUrl, language, now }: Inputs): string {
  const waiting = pending > 0 ? t('status.waiting', { count: pending }) : null;
  const synced = lastSyncedAt ? t('status.syncedAgo', { ago: formatAgo(language, lastSyncedAt, now) }) : t('status.neverSynced');
  switch (status.kind) {
    case 'signed-out':
      return '';
    case 'offline':
      return [offlineText, waiting].filter(Boolean).join(' · ');
    case 'syncing': {
      const percent = progressPercent(status.progress);
      return percent === null ? t('status.syncing') : t('status.syncingPercent', { percent });
    }
    case 'up-to-date':
      return waiting ? `${waiting} · ${synced}` : `${t('status.upToDate')} · ${synced}`;
    case 'error':
      return [errorText(t, status.code, serverUrl, status.message), waiting].filter(Boolean).join(' · ');
  }
}
