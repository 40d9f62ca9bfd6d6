import type { Table } from 'dexie';
import { SYNCED_TABLE_NAMES, type SyncedTable } from '@shared/domain/tables';
import { parseHlc, receive } from '@shared/sync/hlc';
import { applyChanges, conflictKey, isCreated, recordKey, type SyncRecord } from '@shared/sync/merge';
import { MAX_PUSH_CHANGES, type ServerChange } from '@shared/sync/protocol';
import type { ConflictRow, TamDeskDb } from '../db';
import { markJoined } from '../joined';
import { flushCaseSummaryQueue, writeProjections, writeScope } from '../projections';
import { deviceId, readClock, saveClock } from '../write';
import { CURSOR_KEY } from './sync-config';
import type { Transport } from './transport';

/**
 * One sync round: push the outbox, then pull the team's changes.
 *
 * - Push sends outbox entries in order, numbered by their outbox key: this
 *   device's per-client sequence, gap-free from 1 because keys are never
 *   reused, an aborted write rolls the key generator back (IndexedDB does),
 *   and only an acknowledged prefix is ever deleted. The server acknowledges
 *   the longest gap-free prefix it holds, so it relies on that. A push lost
 *   on the way is simply sent again: the server skips what it already has.
 * - Pull applies each page through the shared merge in ONE transaction with
 *   the new cursor, so a page is applied whole or not at all and never twice.
 *   Pulled changes do not go to the outbox (they are already on the server),
 *   and this device's own changes coming back are skipped.
 */
export type SyncProgress = { phase: 'push' | 'pull'; done: number; total: number };

/** The meta row holding the server cursor of the last applied pull page. */

export async function pendingChanges(db: TamDeskDb): Promise<number> {
  return db.outbox.count();
}

export async function pushOutbox(db: TamDeskDb, transport: Transport, onProgress?: (p: SyncProgress) => void): Promise<number> {
  const clientId = await deviceId(db);
  const total = await db.outbox.count();
  let pushed = 0;
  for (;;) {
    const entries = await db.outbox.orderBy('seq').limit(MAX_PUSH_CHANGES).toArray();
    if (entries.length === 0) return pushed;
    const response = await transport.push({
      clientId,
      changes: entries.map(({ seq, ...change }) => ({ seq: seq!, change })),
    });
    const acknowledged = entries.filter((e) => e.seq! <= response.acknowledgedSeq).length;
    await db.outbox.where('seq').belowOrEqual(response.acknowledgedSeq).delete();
    pushed += acknowledged;
    onProgress?.({ phase: 'push', done: pushed, total });
    // The server must acknowledge progress; if it did not, stop rather than loop.
    if (acknowledged === 0) return pushed;
  }
}

export async function pullChanges(db: TamDeskDb, transport: Transport, onProgress?: (p: SyncProgress) => void): Promise<number> {
  const clientId = await deviceId(db);
  const start = ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0;
  let pulled = 0;
  // The next page is fetched while this one is applied, so the server's work
  // and the network overlap with IndexedDB's. Pages are still applied in order.
  const fetchPage = (cursor: number) => {
    const page = transport.pull(cursor);
    page.catch(() => {}); // awaited below; a page fetched in vain must not be an unhandled rejection
    return page;
  };
  let next = fetchPage(start);
  // A pull from the beginning is this device's first sync with the server: what it brings is history (renderer/data/joined.ts).
  if (start === 0) await markJoined(db, Date.now());
  for (;;) {
    const page = await next;
    if (page.hasMore) next = fetchPage(page.cursor);
    await applyPage(db, clientId, page.changes, page.cursor);
    pulled += page.changes.length;
    onProgress?.({ phase: 'pull', done: page.cursor - start, total: Math.max(page.latest - start, 0) });
    if (!page.hasMore) break;
  }
  // Summaries queued by these pages, and by a pull interrupted earlier (the app closed mid-sync); never before the pull, so queued work cannot hold it up.
  await flushCaseSummaryQueue(db);
  return pulled;
}

async function applyPage(db: TamDeskDb, clientId: string, changes: ServerChange[], cursor: number): Promise<void> {
  // This device's own changes coming back are already here.
  const incoming = changes.filter((c) => c.clientId !== clientId && SYNCED_TABLE_NAMES.includes(c.change.table as SyncedTable));
  const tables = [...new Set(incoming.map((c) => c.change.table as SyncedTable))];
  // The page is merged in memory, in order, over the records it touches, then
  // written back in bulk: one round of reads and one of writes per page, each
  // issued at once (IndexedDB queues them), not a few awaited calls a change.
  await db.transaction('rw', [...writeScope(db, tables), db.conflicts], async () => {
    const now = new Date();
    const [stored, current, known] = await Promise.all([readClock(db), readTouched(db, tables, incoming), conflictsOf(db, incoming)]);
    let clock = stored;
    for (const { change } of incoming) clock = receive(clock, parseHlc(change.hlc), now.getTime());
    const { records, conflicts } = applyChanges(current, incoming);

    const writes: Promise<unknown>[] = [saveClock(db, clock), db.meta.put({ key: CURSOR_KEY, value: cursor })];
    for (const table of tables) {
      const changed = [...records].filter(([key, record]) => key.startsWith(`${table}/`) && record !== current.get(key)).map(([, r]) => r);
      if (changed.length === 0) continue;
      // An update can arrive before its create; such a partial record gets no
      // list entry until the create lands.
      writes.push(db.table(table).bulkPut(changed), writeProjections(db, table, changed.filter(isCreated), { deferred: true }));
    }
    // New conflicts get a row; one reported again (a replay) keeps its row,
    // resolved or not. Then an edit made on top of either side of an open
    // conflict (someone settled it on another device) settles it here too.
    const knownKeys = new Set(known.map((c) => c.key));
    const reported = new Map(conflicts.map((c) => [conflictKey(c), { ...c, key: conflictKey(c), detectedAt: now.toISOString(), resolvedAt: null }]));
    const open: ConflictRow[] = [...known.filter((c) => c.resolvedAt === null), ...[...reported.values()].filter((c) => !knownKeys.has(c.key))];
    const rows = open.flatMap((c) => {
      if (settledBy(incoming, c)) return [{ ...c, resolvedAt: now.toISOString() }];
      return knownKeys.has(c.key) ? [] : [c];
    });
    if (rows.length > 0) writes.push(db.conflicts.bulkPut(rows));
    await Promise.all(writes);
  });
}

/** The stored records a page's changes name, keyed by `recordKey`. */
async function readTouched(db: TamDeskDb, tables: SyncedTable[], incoming: ServerChange[]): Promise<Map<string, SyncRecord>> {
  const touched = new Map<string, SyncRecord>();
  await Promise.all(
    tables.map(async (table) => {
      const ids = [...new Set(incoming.filter((c) => c.change.table === table).map((c) => c.change.recordId))];
      const found = await (db.table(table) as Table<SyncRecord, string>).bulkGet(ids);
      for (const record of found) if (record) touched.set(recordKey(table, record.id), record);
    }),
  );
  return touched;
}

/** Every conflict row, open or resolved, of the records a page's changes name. */
function conflictsOf(db: TamDeskDb, incoming: ServerChange[]): Promise<ConflictRow[]> {
  const keys = [...new Map(incoming.map(({ change: c }) => [recordKey(c.table, c.recordId), [c.table, c.recordId]])).values()];
  return keys.length === 0 ? Promise.resolve([]) : db.conflicts.where('[table+recordId]').anyOf(keys).toArray();
}

/** Whether one of the changes was made on top of either side of the conflict. */
function settledBy(incoming: ServerChange[], conflict: ConflictRow): boolean {
  return incoming.some(
    ({ change }) =>
      change.table === conflict.table &&
      change.recordId === conflict.recordId &&
      conflict.field in change.patch &&
      [conflict.winner.hlc, conflict.loser.hlc].includes(change.base[conflict.field] ?? ''),
  );
}
