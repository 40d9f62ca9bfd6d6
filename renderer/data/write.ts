import type { Table } from 'dexie';
import { newId } from '@shared/ids';
import { formatHlc, parseHlc, receive, tick, type HlcState } from '@shared/sync/hlc';
import type { Change } from '@shared/sync/change';
import { applyChange, sameValue, type SyncRecord } from '@shared/sync/merge';
import type { SyncedTable } from '@shared/domain/tables';
import { MAX_CLOCK_SKEW_MS } from '@shared/sync/skew';
import { cleanValue } from '@shared/text';
import type { TamDeskDb } from './db';
import { writeProjections, writeScope } from './projections';

/**
 * The one way to write a synced record. In a single Dexie transaction it
 * reads the record, stamps every changed field with a new hybrid logical
 * clock, writes the record and appends the change to the outbox. If any part
 * fails, none of it happened: no record without its outbox entry, and no
 * outbox entry without its record. Every string is cleaned first (no NUL, no
 * half of a character: shared/text.ts), so no local write makes a change
 * that another replica cannot store.
 */

type AnyRecord = { id: string; createdAt: string; updatedAt: string; deletedAt: string | null; clocks: Record<string, string> };

export const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';

/** A new device id: 16 characters of a UUIDv7's random tail. */
export const newDeviceId = (): string => newId().replaceAll('-', '').slice(-16);

/** This device's id: its node in every clock, and its client id on the sync server. */
export async function deviceId(db: TamDeskDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    let device = (await db.meta.get(DEVICE_KEY))?.value as string | undefined;
    if (!device) {
      device = newDeviceId();
      await db.meta.put({ key: DEVICE_KEY, value: device });
    }
    return device;
  });
}

/**
 * The clock never runs ahead of now plus the skew bound the server enforces
 * (shared/sync/skew.ts): a clock left there by an edit made while this
 * computer's clock was ahead, or by a teammate's clock, starts again from
 * now. Otherwise every later change would carry it and be refused as
 * `clock_skew`, for good. Each write still outranks the clocks of the record
 * it writes (writeRecord), so no edit loses to an older one.
 */
const bounded = (state: HlcState, now: number): HlcState =>
  state.wall > now + MAX_CLOCK_SKEW_MS ? { wall: now, counter: 0, node: state.node } : state;

/** This device's clock; call inside a transaction that includes `meta`. */
export async function readClock(db: TamDeskDb, now = Date.now()): Promise<HlcState> {
  const stored = (await db.meta.get(CLOCK_KEY))?.value as string | undefined;
  if (stored) return bounded(parseHlc(stored), now);
  return { wall: 0, counter: 0, node: await deviceId(db) };
}

export const saveClock = (db: TamDeskDb, state: HlcState, now = Date.now()) => db.meta.put({ key: CLOCK_KEY, value: formatHlc(bounded(state, now)) });

export type WriteOptions = {
  now?: Date;
  /**
   * Fields written even when their value does not change: settling a
   * conflict by keeping the current text is an edit of it, made on top of it,
   * so that every other device settles the conflict too.
   */
  rewrite?: readonly string[];
};

/**
 * Applies `fields` to record `id` of `table` (creating it when `op` is
 * 'create'). Only fields whose value changes go into the patch; a write that
 * changes nothing writes nothing. Returns the record as stored.
 */
export async function writeRecord<T extends AnyRecord>(
  db: TamDeskDb,
  table: SyncedTable,
  op: Change['op'],
  id: string,
  fields: Partial<Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'clocks'>>,
  { now = new Date(), rewrite = [] }: WriteOptions = {},
): Promise<T> {
  const records = db.table(table) as Table<T, string>;
  return db.transaction('rw', writeScope(db, [table]), async () => {
    const existing = await records.get(id);
    if (op === 'create' ? existing : !existing) {
      throw new Error(op === 'create' ? `${table} ${id} already exists` : `${table} ${id} not found`);
    }
    const at = now.toISOString();
    // Only fields whose value changes go into the patch. Deep equality: a
    // record that came back from a server or an older version with its keys
    // reordered is still the same value, and must not get a fresh clock.
    const patch: Record<string, unknown> = {};
    for (const [field, raw] of Object.entries(fields)) {
      if (raw === undefined) continue;
      const value = cleanValue(raw);
      if (!existing || rewrite.includes(field) || !sameValue((existing as Record<string, unknown>)[field], value)) patch[field] = value;
    }
    if (existing && Object.keys(patch).length === 0) return existing;
    // A new write must outrank every clock already on the record (an upgraded
    // or pulled record may carry clocks ahead of this device's wall time).
    let clock = await readClock(db, now.getTime());
    const latest = Object.values(existing?.clocks ?? {}).sort().at(-1);
    if (latest && latest > formatHlc(clock)) clock = receive(clock, parseHlc(latest), now.getTime());
    clock = tick(clock, now.getTime());
    await saveClock(db, clock, now.getTime());
    if (!existing) Object.assign(patch, { createdAt: at, deletedAt: null, ...patch });
    const base = Object.fromEntries(Object.keys(patch).map((field) => [field, existing?.clocks[field] ?? null]));
    const change: Change = { changeId: newId(), table, recordId: id, op, patch, base, hlc: formatHlc(clock), at };
    // The same merge as a pulled change: one code path for every write.
    const record = applyChange(existing as SyncRecord | undefined, change).record as unknown as T;
    await records.put(record);
    await writeProjections(db, table, [record]);
    await db.outbox.add(change);
    return record;
  });
}

/**
 * Writes many new records at once (demo data, backup import), each with its
 * outbox entry, all in one transaction: either every record lands or none.
 */
export async function createRecords<T extends AnyRecord>(db: TamDeskDb, table: SyncedTable, rows: T[], { now = new Date() }: WriteOptions = {}): Promise<number> {
  const records = db.table(table) as Table<T, string>;
  return db.transaction('rw', writeScope(db, [table]), async () => {
    const at = now.toISOString();
    const stamped: T[] = [];
    const changes: Change[] = [];
    let clock = await readClock(db, now.getTime());
    for (const row of rows) {
      clock = tick(clock, now.getTime());
      const { clocks: _ignored, ...patch } = cleanValue(row);
      const base = Object.fromEntries(Object.keys(patch).map((f) => [f, null]));
      const change: Change = { changeId: newId(), table, recordId: row.id, op: 'create', patch, base, hlc: formatHlc(clock), at };
      stamped.push(applyChange(undefined, change).record as unknown as T);
      changes.push(change);
    }
    await saveClock(db, clock, now.getTime());
    await records.bulkAdd(stamped);
    await writeProjections(db, table, stamped);
    await db.outbox.bulkAdd(changes);
    return stamped.length;
  });
}
