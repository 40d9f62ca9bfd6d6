import type { TamDeskDb } from '../db';
import { pullChanges, pushOutbox, type SyncProgress } from './engine';
import type { SyncRoundMessage } from './sync-round';
import { SyncError } from './sync-error';
import { httpTransport } from './transport';

/** One sync round, on whichever thread calls it: push the outbox, then pull. */
export async function syncRound(db: TamDeskDb, serverUrl: string, token: string, onProgress: (p: SyncProgress) => void): Promise<void> {
  const transport = httpTransport(serverUrl, token);
  await pushOutbox(db, transport, onProgress);
  await pullChanges(db, transport, onProgress);
}

/** A failure as the worker sends it: a SyncError's code, or 'internal'. */
export const describeFailure = (error: unknown): Extract<SyncRoundMessage, { kind: 'failed' }>['error'] =>
  error instanceof SyncError
    ? { code: error.code, message: error.message, status: error.status }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error), status: null };
