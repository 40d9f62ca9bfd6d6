import type { Table } from 'dexie';
import { SYNCED_TABLE_NAMES, type SyncedTable } from '@shared/domain/tables';
import type { Change } from '@shared/sync/change';
import { parseHlc, receive } from '@shared/sync/hlc';
import { applyChanges, conflictKey, isCreated, recordKey, type SyncRecord } from '@shared/sync/merge';
import { checkChange } from '@shared/sync/validate';
import type { ConflictRow, TamDeskDb } from '../db';
import { firstSyncSummaries, flushCaseSummaryQueue, recoverFirstSyncSummaries, writeProjections, writeScope, type FirstSyncSummaries } from '../projections';
import { readClock, saveClock } from '../write';
import { pulledRow, type SetAsideRow } from './set-aside';
import { CURSOR_KEY } from './sync-config';
import type { PulledChange, Transport } from './transport';

export { pushOutbox } from './push';

/**
 * Pull: the team's changes after this device's cursor. (A sync round,
 * sync-round-work.ts, pushes the outbox first: push.ts.)
 *
 * Pull applies each page through the shared merge in ONE transaction with
 * the new cursor, so a page is applied whole or not at all and never twice.
 * Every pulled change passes the same check the server runs
 * (`checkChange`); one that fails is set aside with its reason and who sent
 * it (set-aside.ts), not applied, and the rest of the page lands: one
 * teammate's bad change never stops anyone's sync. Pulled changes do not go
 * to the outbox (they are already on the server).
 *
 * This device's own changes come back too and go through the merge like any
 * other: it leaves a change the record already holds as it is (merge.ts,
 * idempotence). They are not skipped by client id: a change under this
 * device's id may be another's (a copied profile, or another user who took
 * the id before this device first pushed), and the device only learns so on
 * its next push, after its cursor has moved past that change.
 *
 * A device's first sync (a pull from the beginning into a device that holds
 * no records) skips what an empty device cannot need: it reads back only the
 * records an earlier page of the same pull wrote (nothing else is stored),
 * and builds the case summaries once, at the end, from the records as its
 * pages wrote them (projections.ts, firstSyncSummaries), instead of queueing
 * every case and reading it all back.
 */
export type SyncProgress = { phase: 'push' | 'pull'; done: number; total: number };

export async function pullChanges(db: TamDeskDb, transport: Transport, onProgress?: (p: SyncProgress) => void): Promise<number> {
  const start = ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0;
  await recoverFirstSyncSummaries(db);
  const first = start === 0 && (await holdsNothing(db)) ? { written: new Set<string>(), summaries: firstSyncSummaries() } : undefined;
  let pulled = 0;
  // The next page is fetched while this one is applied, so the server's work
  // and the network overlap with IndexedDB's. Pages are still applied in order.
  const fetchPage = (cursor: number) => {
    const page = transport.pull(cursor);
    page.catch(() => {}); // awaited below; a page fetched in vain must not be an unhandled rejection
    return page;
  };
  let next = fetchPage(start);
  for (;;) {
    const page = await next;
    if (page.hasMore) next = fetchPage(page.cursor);
    await applyPage(db, page.changes, page.cursor, first);
    pulled += page.changes.length;
    onProgress?.({ phase: 'pull', done: page.cursor - start, total: Math.max(page.latest - start, 0) });
    if (!page.hasMore) break;
  }
  await first?.summaries.write(db);
  // Summaries queued by these pages, and by a pull interrupted earlier (the app closed mid-sync); never before the pull, so queued work cannot hold it up.
  await flushCaseSummaryQueue(db);
  return pulled;
}

type CheckedChange = PulledChange & { change: Change };

/** A first sync: the records its pages have written (by `recordKey`), and the summaries it builds. */
type FirstSync = { written: Set<string>; summaries: FirstSyncSummaries };

/** Whether the device holds no synced record, and so no conflict about one. */
async function holdsNothing(db: TamDeskDb): Promise<boolean> {
  const counts = await Promise.all([...SYNCED_TABLE_NAMES, 'conflicts'].map((table) => db.table(table).count()));
  return counts.every((n) => n === 0);
}

/** A page's changes that may land, and the rows of those set aside. */
function checkPage(changes: PulledChange[]): { incoming: CheckedChange[]; refused: SetAsideRow[] } {
  const incoming: CheckedChange[] = [];
  const refused: SetAsideRow[] = [];
  for (const pulled of changes) {
    const checked = checkChange(pulled.change);
    if (checked.ok) incoming.push({ ...pulled, change: checked.change });
    else refused.push(pulledRow(pulled.change, checked.problem, { author: pulled.author, clientId: pulled.clientId, serverSeq: pulled.serverSeq }));
  }
  return { incoming, refused };
}

async function applyPage(db: TamDeskDb, changes: PulledChange[], cursor: number, first?: FirstSync): Promise<void> {
  const { incoming, refused } = checkPage(changes);
  // On a first sync, only what an earlier page wrote can be stored, or be in conflict.
  const mayBeStored = first ? incoming.filter(({ change: c }) => first.written.has(recordKey(c.table, c.recordId))) : incoming;
  const tables = [...new Set(incoming.map((c) => c.change.table as SyncedTable))];
  // The page is merged in memory, in order, over the records it touches, then
  // written back in bulk: one round of reads and one of writes per page, each
  // issued at once (IndexedDB queues them), not a few awaited calls a change.
  await db.transaction('rw', [...writeScope(db, tables), db.conflicts, db.setAside], async () => {
    const now = new Date();
    const [clockState, current, known] = await Promise.all([readClock(db, now.getTime()), readTouched(db, tables, mayBeStored), conflictsOf(db, mayBeStored)]);
    let clock = clockState;
    for (const { change } of incoming) clock = receive(clock, parseHlc(change.hlc), now.getTime());
    const { records, conflicts } = applyChanges(current, incoming);

    // The clock is saved within the skew bound (write.ts): a teammate's clock far ahead does not drag this one along.
    const writes: Promise<unknown>[] = [saveClock(db, clock, now.getTime()), db.meta.put({ key: CURSOR_KEY, value: cursor })];
    if (refused.length > 0) writes.push(db.setAside.bulkPut(refused));
    for (const table of tables) {
      const changed = [...records].filter(([key, record]) => key.startsWith(`${table}/`) && record !== current.get(key)).map(([, r]) => r);
      if (changed.length === 0) continue;
      // An update can arrive before its create; such a partial record gets no
      // list entry until the create lands.
      writes.push(db.table(table).bulkPut(changed), writeProjections(db, table, changed.filter(isCreated), { deferred: first?.summaries ?? 'queue' }));
      if (first) for (const record of changed) first.written.add(recordKey(table, record.id));
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
async function readTouched(db: TamDeskDb, tables: SyncedTable[], incoming: CheckedChange[]): Promise<Map<string, SyncRecord>> {
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
function conflictsOf(db: TamDeskDb, incoming: CheckedChange[]): Promise<ConflictRow[]> {
  const keys = [...new Map(incoming.map(({ change: c }) => [recordKey(c.table, c.recordId), [c.table, c.recordId]])).values()];
  return keys.length === 0 ? Promise.resolve([]) : db.conflicts.where('[table+recordId]').anyOf(keys).toArray();
}

/** Whether one of the changes was made on top of either side of the conflict. */
function settledBy(incoming: CheckedChange[], conflict: ConflictRow): boolean {
  return incoming.some(
    ({ change }) =>
      change.table === conflict.table &&
      change.recordId === conflict.recordId &&
      conflict.field in change.patch &&
      [conflict.winner.hlc, conflict.loser.hlc].includes(change.base[conflict.field] ?? ''),
  );
}
