import { SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import type { Change } from './change';
import type { Hlc } from './hlc';

export { checkClockSkew, MAX_CLOCK_SKEW_MS, type ClockSkewCheck } from './skew';

/**
 * The merge: how one change lands on one record. Pure (no I/O, no clock, no
 * globals), and the same code on the client and the server; every local and
 * remote change should go through `applyChange`.
 *
 * The rule is a last-writer-wins register per field: a record's
 * `clocks[field]` is the clock of the write that holds the field, and a
 * change's value for `field` is taken iff the change's clock is greater
 * (string order is clock order, see hlc.ts; a field without a clock is older
 * than any write).
 *
 * Precondition: no two different changes carry the same clock. hlc.ts
 * guarantees it as long as every device has its own node id; a second change
 * with an equal clock is taken for a replay of the first and ignored.
 *
 * Invariants (test/unit/shared/sync/merge*.test.ts checks them, by hand and
 * as fast-check properties):
 * 1. Convergence: applying any set of changes in any order, with any
 *    duplicates, gives the same record. Every field is the value of its
 *    greatest-clock write, and the derived fields are functions of those
 *    writes only:
 *    - `updatedAt` is the `at` of the record's greatest-clock change (or that
 *      change's `patch.updatedAt`, so an imported record keeps its date).
 *      A new write outranks every clock on the record (write.ts), so this is
 *      also "the time of the latest write". It is not "max of every `at`":
 *      `at` is a device's wall time, which need not follow clock order, and a
 *      change that lost everywhere must not move the record.
 *    - `createdAt` is a field like any other (a create stamps it); while no
 *      write has set it (an update arrived before its create) it mirrors
 *      `updatedAt`, and `isCreated` is false.
 *    - `deletedAt` is null until a write sets it.
 *    - `id` is the change's `recordId`; a patch cannot set `id`, `clocks` or
 *      (except as described) `updatedAt`.
 * 2. Idempotence: applying a change the record has already seen changes
 *    nothing (`applied` false, the same record object back).
 * 3. Old changes are inert: a change older than the record's clock of every
 *    field it sets changes nothing.
 * 4. Ops are only labels: 'delete' is a patch of `deletedAt`, 'archive' and
 *    'restore' are patches of `archivedAt` (or `deletedAt` for an undelete).
 *    So a delete and a concurrent edit of other fields both land (the edit
 *    survives in the tombstone, and an undelete brings it back), and a delete
 *    against a concurrent undelete is decided by clock like any field.
 * 5. Append-only tables merge by the same rule, so a duplicate or a stray
 *    later write is harmless and identical everywhere; they never report
 *    conflicts.
 *
 * Free-text conflicts (the table's `textFields`, tables.ts): the field still
 * takes the last writer's value (so replicas converge), and the change also
 * reports a TextConflict when it meets a value of the field that is
 * - written (has a clock), by another change (another clock),
 * - not the value the change was made on (change.base[field] differs),
 * - not from the same device (two writes of one device are always one after
 *   the other: the device saw its own first write), and
 * - different from the change's value.
 * The pair is ordered by clock (winner = later clock = the value that stays),
 * never by arrival, so two replicas that meet the same two writes report the
 * same conflict, whichever came first. What is guaranteed, given that every
 * change arrives after the write its base names (the protocol gives that: the
 * server serves in commit order, and a device can only build on a value it
 * has already pulled or written):
 * - Sequential edits, replays and identical values never conflict.
 * - Two concurrent single edits of a field report exactly one conflict, the
 *   same on every replica and in every order.
 * - Whatever the order, every losing branch's last write (a write of the
 *   field that no other write builds on, other than the final winner) is
 *   reported as a loser, and the final winner is never a loser.
 * Not guaranteed: with three or more concurrent writers, or a branch with
 * several writes, which *winner* a loser is paired with, and whether an
 * intermediate write that its own branch later superseded is reported, depend
 * on the order (only the field's current holder is known, not the history).
 * A replayed losing change reports its conflict again, and a change replayed
 * after a later write built on it (an ancestor delivered twice) is reported
 * as a loser though it is not one: callers should not replay (the server
 * skips known (clientId, seq); the client applies a pulled page and moves its
 * cursor in one transaction). So the UI should key
 * conflicts by `conflictKey`, and offer, per field, the record's current value
 * against the reported losers whose value still differs from it; a new write
 * of the field (made on top of the current value) settles it.
 */

export type SyncRecord = {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  clocks: Record<string, Hlc>;
  [field: string]: unknown;
};

export type ConflictSide = {
  value: unknown;
  hlc: Hlc;
  /** Who made this write, when the caller knew it (only ever the incoming change's side). Not part of the conflict's identity. */
  author?: string;
};

export type TextConflict = {
  table: string;
  recordId: string;
  field: string;
  winner: ConflictSide;
  loser: ConflictSide;
};

export type ApplyResult = { record: SyncRecord | undefined; conflicts: TextConflict[]; applied: boolean };

/** Keys a patch cannot write as fields: `id` and `clocks` are the record's own, `updatedAt` is derived. */
const RESERVED = new Set(['id', 'clocks', 'updatedAt']);

/** Clock order, with a missing clock older than any. */
export function compareHlc(a: Hlc | null | undefined, b: Hlc | null | undefined): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The greatest clock on a record (undefined for none). */
export function latestClock(record: Pick<SyncRecord, 'clocks'>): Hlc | undefined {
  let latest: Hlc | undefined;
  for (const clock of Object.values(record.clocks)) if (compareHlc(clock, latest) > 0) latest = clock;
  return latest;
}

/** Whether a write has set the record's `createdAt` (false while only updates have arrived). */
export const isCreated = (record: SyncRecord): boolean => record.clocks.createdAt !== undefined;

/** The identity of a conflict, to deduplicate reports (replays report again). */
export const conflictKey = (c: TextConflict): string => `${c.table}/${c.recordId}/${c.field}/${c.winner.hlc}/${c.loser.hlc}`;

/** The key of a record in the maps `applyChanges` works on. */
export const recordKey = (table: string, recordId: string): string => `${table}/${recordId}`;

function tableSpec(table: string) {
  if (!Object.hasOwn(SYNCED_TABLES, table)) throw new Error(`Not a synced table: ${table}`);
  return SYNCED_TABLES[table as SyncedTable];
}

/** The node id of a clock (everything after wall and counter; never throws). */
const nodeOf = (hlc: Hlc): string => hlc.split(':').slice(2).join(':');

/** Deep equality of stored (JSON-like) values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/**
 * Applies one change to the record it names (`current`, or undefined if this
 * replica has none yet). Returns the new record (a new object when `applied`,
 * else `current` itself), and the free-text conflicts the change met.
 * `author` (who made the change, as the server knows it) only annotates the
 * conflicts. Neither `current` nor `change` is modified; the record may share
 * patch values with the change, so treat both as immutable.
 */
export function applyChange(current: SyncRecord | undefined, change: Change, author?: string): ApplyResult {
  const spec = tableSpec(change.table);
  if (current && current.id !== change.recordId) throw new Error(`Change ${change.changeId} is for ${change.recordId}, not ${current.id}`);
  const textFields: readonly string[] = spec.merge === 'fields' ? spec.textFields : [];
  const conflicts: TextConflict[] = [];
  const clocks = current?.clocks ?? {};
  // The fields this change wins, as a list: building the record from it is
  // several times faster than spreading an object of them (a first sync merges 100,000).
  const won: [string, unknown][] = [];
  let anyField = false;

  for (const [field, value] of Object.entries(change.patch)) {
    if (RESERVED.has(field) || value === undefined) continue;
    anyField = true;
    const held = clocks[field];
    const order = compareHlc(change.hlc, held);
    if (order > 0) won.push([field, value]);
    if (order !== 0 && current && held !== undefined && textFields.includes(field)) {
      const conflict = textConflict(current, change, field, held, author);
      if (conflict) conflicts.push(conflict);
    }
  }
  if (!anyField || won.length === 0) return { record: current, conflicts, applied: false };

  const nextClocks = { ...clocks };
  // `id` and `clocks` are set below, after the fields (the key order a spread of them gave).
  const record = (current ? { ...current } : { createdAt: change.at, updatedAt: change.at, deletedAt: null }) as SyncRecord;
  for (const [field, value] of won) {
    record[field] = value;
    nextClocks[field] = change.hlc;
  }
  record.id = change.recordId;
  record.clocks = nextClocks;
  // The change that now holds the greatest clock sets updatedAt (invariant 1).
  const previousLatest = current ? latestClock(current) : undefined;
  if (compareHlc(change.hlc, previousLatest) > 0) {
    const stamped = change.patch.updatedAt;
    record.updatedAt = typeof stamped === 'string' ? stamped : change.at;
  }
  if (!isCreated(record)) record.createdAt = record.updatedAt;
  if (record.deletedAt === undefined) record.deletedAt = null;
  return { record, conflicts, applied: true };
}

/** The conflict of `change` with the value of `field` held at clock `held`, if the rule above calls it one. */
function textConflict(current: SyncRecord, change: Change, field: string, held: Hlc, author?: string): TextConflict | undefined {
  if ((change.base[field] ?? null) === held) return undefined; // made on top of our value
  if (nodeOf(change.hlc) === nodeOf(held)) return undefined; // one device's writes are sequential
  const ours: ConflictSide = { value: current[field], hlc: held };
  const theirs: ConflictSide = author === undefined ? { value: change.patch[field], hlc: change.hlc } : { value: change.patch[field], hlc: change.hlc, author };
  if (sameValue(ours.value, theirs.value)) return undefined;
  const theirsWins = compareHlc(change.hlc, held) > 0;
  return { table: change.table, recordId: change.recordId, field, winner: theirsWins ? theirs : ours, loser: theirsWins ? ours : theirs };
}

export type ChangeInput = Change | { change: Change; author?: string };

/**
 * Applies changes in order to a map of records keyed by `recordKey` (the
 * server's store, a test's replica). Returns a new map (the input is left as
 * it was), the conflicts met, and how many changes altered a record.
 */
export function applyChanges(
  records: ReadonlyMap<string, SyncRecord>,
  changes: Iterable<ChangeInput>,
): { records: Map<string, SyncRecord>; conflicts: TextConflict[]; applied: number } {
  const next = new Map(records);
  const conflicts: TextConflict[] = [];
  let applied = 0;
  for (const input of changes) {
    const { change, author } = 'change' in input ? input : { change: input, author: undefined };
    const key = recordKey(change.table, change.recordId);
    const result = applyChange(next.get(key), change, author);
    conflicts.push(...result.conflicts);
    if (result.applied && result.record) {
      next.set(key, result.record);
      applied += 1;
    }
  }
  return { records: next, conflicts, applied };
}
