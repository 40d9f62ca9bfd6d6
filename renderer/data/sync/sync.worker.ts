import { openDb } from '../db';
import type { SyncRoundMessage, SyncRoundRequest } from './sync-round';
import { describeFailure, syncRound } from './sync-round-work';

/**
 * The sync worker (sync-round.ts): runs the rounds the page asks for, one
 * at a time (the page's scheduler never asks for two at once), on its own
 * connection to the app's database.
 */
const db = openDb();
const post = (message: SyncRoundMessage) => postMessage(message);

addEventListener('message', (event: MessageEvent<SyncRoundRequest>) => {
  const { id, serverUrl, token } = event.data;
  syncRound(db, serverUrl, token, (progress) => post({ id, kind: 'progress', progress })).then(
    () => post({ id, kind: 'done' }),
    (error: unknown) => post({ id, kind: 'failed', error: describeFailure(error) }),
  );
});
