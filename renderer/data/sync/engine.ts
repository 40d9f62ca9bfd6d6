import type { Table } from 'dexie';
import { SYNCED_TABLE_NAMES, type SyncedTable } from '@shared/domain/tables';
import type { Change } from '@shared/sync/change';
import { parseHlc, receive } from '@shared/sync/hlc';
import { applyChange, conflictKey, isCreated, type SyncRecord, type TextConflict } from '@shared/sync/merge';
import { MAX_PUSH_CHANGES, type ServerChange } from '@shared/sync/protocol';
import type { ConflictRow, TamDeskDb } from '../db';
import { writeProjections, writeScope } from '../projections';
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
  let cursor = start;
  let pulled = 0;
  for (;;) {
    const page = await transport.pull(cursor);
    await applyPage(db, clientId, page.changes, page.cursor);
    pulled += page.changes.length;
    cursor = page.cursor;
    onProgress?.({ phase: 'pull', done: cursor - start, total: Math.max(page.latest - start, 0) });
    if (!page.hasMore) return pulled;
  }
}

async function applyPage(db: TamDeskDb, clientId: string, changes: ServerChange[], cursor: number): Promise<void> {
  const tables = [...new Set(changes.map((c) => c.change.table as SyncedTable))].filter((t) => SYNCED_TABLE_NAMES.includes(t));
  await db.transaction('rw', [...writeScope(db, tables), db.conflicts], async () => {
    const now = new Date();
    let clock = await readClock(db);
    const conflicts: TextConflict[] = [];
    for (const { change, author, clientId: from } of changes) {
      if (from === clientId || !tables.includes(change.table as SyncedTable)) continue;
      clock = receive(clock, parseHlc(change.hlc), now.getTime());
      const result = await applyOne(db, change, author);
      conflicts.push(...result);
      await settleConflicts(db, change, now);
    }
    await saveClock(db, clock);
    if (conflicts.length > 0) {
      const rows: ConflictRow[] = conflicts.map((c) => ({ ...c, key: conflictKey(c), detectedAt: now.toISOString(), resolvedAt: null }));
      await db.conflicts.bulkPut(rows);
    }
    await db.meta.put({ key: CURSOR_KEY, value: cursor });
  });
}

/**
 * An edit made on top of one side of an open conflict (someone settled it on
 * another device) settles the conflict here too.
 */
async function settleConflicts(db: TamDeskDb, change: Change, now: Date): Promise<void> {
  await db.conflicts
    .where('[table+recordId]')
    .equals([change.table, change.recordId])
    .filter((c) => c.resolvedAt === null && c.field in change.patch && [c.winner.hlc, c.loser.hlc].includes(change.base[c.field] ?? ''))
    .modify({ resolvedAt: now.toISOString() });
}

async function applyOne(db: TamDeskDb, change: Change, author: string): Promise<TextConflict[]> {
  const table = change.table as SyncedTable;
  const records = db.table(table) as Table<SyncRecord, string>;
  const current = await records.get(change.recordId);
  const { record, conflicts, applied } = applyChange(current, change, author);
  if (applied && record) {
    await records.put(record);
    // An update can arrive before its create; such a partial record gets no
    // list entry until the create lands.
    if (isCreated(record)) await writeProjections(db, table, [record]);
  }
  return conflicts;
}
