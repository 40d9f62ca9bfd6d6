import type { TamDeskDb } from '../db';
import type { SyncProgress } from './engine';
import type { syncRound } from './sync-round-work';
import { SyncError, type SyncErrorCode } from './sync-error';

type SyncRound = typeof syncRound;

/**
 * One sync round (push the outbox, then pull), run in a Web Worker
 * (sync.worker.ts) so that the window never waits on it: validating,
 * merging and writing a first sync's 100,000 records and building its
 * thousands of case summaries take the worker's thread, not the page's.
 * The worker opens the same database; what it writes reaches the page's
 * live queries as any other tab's writes do (Dexie tells every context).
 * Where a worker cannot start, the round runs on the page's thread.
 */
export type SyncRoundRequest = { id: number; serverUrl: string; token: string };
export type SyncRoundMessage =
  | { id: number; kind: 'progress'; progress: SyncProgress }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'failed'; error: { code: SyncErrorCode; message: string; status: number | null } };

/** The round on this thread (loaded only where no worker can run it). */
const syncRoundHere: SyncRound = (...args) => import('./sync-round-work').then(({ syncRound }) => syncRound(...args));

let worker: Worker | null | undefined;
let nextId = 0;

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'function' ? new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' }) : null;
  } catch {
    worker = null;
  }
  return worker;
}

/** Runs a sync round in the worker (or here, where there is none); rejects with the round's SyncError. */
export function runSyncRound(db: TamDeskDb, serverUrl: string, token: string, onProgress: (p: SyncProgress) => void): Promise<void> {
  const thread = startWorker();
  if (!thread) return syncRoundHere(db, serverUrl, token, onProgress);
  const id = ++nextId;
  return new Promise<void>((resolve, reject) => {
    const stop = () => {
      thread.removeEventListener('message', onMessage);
      thread.removeEventListener('error', onError);
    };
    const onMessage = ({ data }: MessageEvent<SyncRoundMessage>) => {
      if (data.id !== id) return;
      if (data.kind === 'progress') return onProgress(data.progress);
      stop();
      if (data.kind === 'done') resolve();
      else reject(new SyncError(data.error.code, data.error.message, data.error.status));
    };
    // The worker's script failed to load or start (an old browser, a refused
    // module worker): this and every later round run on the page's thread.
    const onError = (event: Event) => {
      event.preventDefault();
      stop();
      thread.terminate();
      worker = null;
      syncRoundHere(db, serverUrl, token, onProgress).then(resolve, reject);
    };
    thread.addEventListener('message', onMessage);
    thread.addEventListener('error', onError);
    thread.postMessage({ id, serverUrl, token } satisfies SyncRoundRequest);
  });
}
