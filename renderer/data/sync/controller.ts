import { liveQuery, type Subscription } from 'dexie';
import { create } from 'zustand';
import { host } from '../../host';
import type { TamDeskDb } from '../db';
import { markJoined } from '../joined';
import type { SyncProgress } from './engine';
import { SyncScheduler, INTERVAL_MS, type Trigger } from './scheduler';
import { runSyncRound } from './sync-round';
import { ACKNOWLEDGED_SEQ_KEY, checkServerUrl, checkToken, CURSOR_KEY, LAST_SYNCED_KEY, loadLastSynced, loadServerUrl, saveServerUrl, TOKEN_SECRET } from './sync-config';
import { SyncError, type SyncErrorCode } from './sync-error';

// The transport and the protocol schemas load on first sign-in (rounds load
// them in the sync worker), so the app's first screen does not wait for them.
const loadTransport = () => import('./transport');

/**
 * The sync controller: when to sync (scheduler.ts) wired to the browser
 * (online events, a timer, the outbox growing) and to the sync round
 * (sync-round.ts, in a worker), and a small store with the status the top
 * bar shows. Data stays in the database; this
 * store holds only status.
 */
export type SyncStatus =
  | { kind: 'signed-out' }
  | { kind: 'offline' }
  | { kind: 'syncing'; progress: SyncProgress | null }
  | { kind: 'up-to-date' }
  | { kind: 'error'; code: SyncErrorCode; message: string; retryInMs: number | null };

type SyncState = {
  status: SyncStatus;
  serverUrl: string | null;
  lastSyncedAt: string | null;
};

export const useSync = create<SyncState>(() => ({ status: { kind: 'signed-out' }, serverUrl: null, lastSyncedAt: null }));

const set = (patch: Partial<SyncState>) => useSync.setState(patch);

const asSyncError = (error: unknown): SyncError =>
  error instanceof SyncError ? error : new SyncError('internal', error instanceof Error ? error.message : String(error));

type Session = {
  db: TamDeskDb;
  scheduler: SyncScheduler;
  dispose: () => void;
};

let session: Session | null = null;

/**
 * Every window of the app shares one database: their sync rounds take turns
 * under one Web Lock, so two never push the same outbox or apply the same
 * page at once. A round that waited runs after the other (its push finds
 * what is left; its pull starts from the cursor the other moved).
 */
const SYNC_LOCK = 'tam-desk-sync';
async function oneAtATime(round: () => Promise<void>): Promise<void> {
  if ('locks' in navigator) await navigator.locks.request(SYNC_LOCK, round);
  else await round();
}
let startedDb: TamDeskDb | null = null;

function begin(db: TamDeskDb, serverUrl: string, token: string): void {
  end();
  const scheduler = new SyncScheduler({
    isTransient: (error) => asSyncError(error).transient,
    run: async () => {
      if (!navigator.onLine) {
        set({ status: { kind: 'offline' } });
        throw new SyncError('offline', 'The device is offline');
      }
      set({ status: { kind: 'syncing', progress: null } });
      const onProgress = (progress: SyncProgress) => set({ status: { kind: 'syncing', progress } });
      // In a worker, so the window never waits on a sync (sync-round.ts); one tab at a time.
      await oneAtATime(() => runSyncRound(db, serverUrl, token, onProgress));
      const now = new Date().toISOString();
      await db.meta.put({ key: LAST_SYNCED_KEY, value: now });
      if (session?.scheduler === scheduler) set({ status: { kind: 'up-to-date' }, lastSyncedAt: now });
    },
    onError: (error, retryInMs) => {
      if (session?.scheduler !== scheduler) return;
      const e = asSyncError(error);
      if (!navigator.onLine) set({ status: { kind: 'offline' } });
      else set({ status: { kind: 'error', code: e.code, message: e.message, retryInMs } });
    },
  });

  const trigger = (kind: Trigger) => scheduler.trigger(kind);
  const online = () => trigger('online');
  const offline = () => {
    if (!scheduler.isRunning) set({ status: { kind: 'offline' } });
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const interval = setInterval(() => trigger('interval'), INTERVAL_MS);
  let lastCount: number | null = null;
  const outbox: Subscription = liveQuery(() => db.outbox.count()).subscribe({
    next: (count) => {
      if (lastCount !== null && count > lastCount) trigger('write');
      lastCount = count;
    },
    error: () => {},
  });

  session = {
    db,
    scheduler,
    dispose: () => {
      scheduler.stop();
      clearInterval(interval);
      outbox.unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    },
  };
  set({ serverUrl, status: navigator.onLine ? { kind: 'syncing', progress: null } : { kind: 'offline' } });
  trigger('start');
}

function end(): void {
  session?.dispose();
  session = null;
}

/** Starts syncing if this device is signed in; call once when the app starts (again with the same database does nothing). */
export async function startSync(db: TamDeskDb): Promise<void> {
  if (startedDb === db) return;
  startedDb = db;
  const [serverUrl, token, lastSyncedAt] = await Promise.all([loadServerUrl(db), host.getSecret(TOKEN_SECRET), loadLastSynced(db)]);
  set({ serverUrl, lastSyncedAt });
  if (serverUrl && token) begin(db, serverUrl, token);
}

/** Runs a sync now (the "Sync now" button). */
export function syncNow(): void {
  session?.scheduler.trigger('manual');
}

export type SignInResult = { ok: true } | { ok: false; field: 'url' | 'token'; reason: string } | { ok: false; error: SyncError };

/**
 * Checks the URL and the token with one small pull at this device's cursor
 * (it applies nothing), then keeps the URL in the meta table and the token in
 * the host's secret storage, and starts syncing. A different server than
 * before starts from its beginning.
 */
export async function signIn(db: TamDeskDb, urlInput: string, tokenInput: string): Promise<SignInResult> {
  const url = checkServerUrl(urlInput);
  if (!url.ok) return { ok: false, field: 'url', reason: url.error };
  const token = checkToken(tokenInput);
  if (!token.ok) return { ok: false, field: 'token', reason: token.error };
  const previous = await loadServerUrl(db);
  const cursor = previous === url.url ? (((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0) : 0;
  try {
    const { httpTransport } = await loadTransport();
    await httpTransport(url.url, token.token).pull(cursor, 1);
  } catch (error) {
    return { ok: false, error: asSyncError(error) };
  }
  if (previous !== url.url) {
    // Another server: pull its whole log, and number pushes from its start.
    // This device joins that team now: what its log brings from before is
    // history, not news to ring about (renderer/data/joined.ts).
    await markJoined(db, Date.now());
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: 0 },
      { key: ACKNOWLEDGED_SEQ_KEY, value: 0 },
    ]);
  }
  await saveServerUrl(db, url.url);
  await host.setSecret(TOKEN_SECRET, token.token);
  startedDb = db;
  begin(db, url.url, token.token);
  return { ok: true };
}

/** Forgets the token (the URL stays, for signing in again) and stops syncing; local data and the outbox stay. */
export async function signOut(): Promise<void> {
  end();
  await host.setSecret(TOKEN_SECRET, null);
  set({ status: { kind: 'signed-out' } });
}
