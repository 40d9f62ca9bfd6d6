import type { Table } from 'dexie';
import { SYNCED_TABLE_NAMES } from '@shared/domain/tables';
import type { OutboxEntry } from '@shared/sync/change';
import { formatHlc, parseHlc, tick, type Hlc } from '@shared/sync/hlc';
import { checkClockSkew } from '@shared/sync/skew';
import type { TamDeskDb } from '../db';
import { DEVICE_KEY, newDeviceId, readClock, saveClock } from '../write';
import { ACKNOWLEDGED_SEQ_KEY } from './sync-config';

/**
 * New clocks for changes still in the outbox, everywhere the old ones are:
 * the entry's `hlc`, a later entry's `base` that names it, and the record's
 * `clocks` where the field still holds it (a later edit may have replaced
 * it). Nothing of these changes is on the server yet, so no other replica
 * knows the old clocks. One transaction: either every place moves or none.
 */
async function restamp(db: TamDeskDb, newClocks: (entries: OutboxEntry[]) => Promise<Map<Hlc, Hlc>>): Promise<number> {
  const tables = SYNCED_TABLE_NAMES.map((t) => db.table(t));
  return db.transaction('rw', [db.outbox, db.meta, ...tables], async () => {
    const entries = await db.outbox.orderBy('seq').toArray();
    const renamed = await newClocks(entries);
    if (renamed.size === 0) return 0;
    const rename = (hlc: Hlc | null) => (hlc === null ? null : (renamed.get(hlc) ?? hlc));
    const outbox: OutboxEntry[] = [];
    const records = new Map<string, { table: Table; record: { id: string; clocks: Record<string, Hlc> } }>();
    for (const entry of entries) {
      const base = Object.fromEntries(Object.entries(entry.base).map(([field, hlc]) => [field, rename(hlc)]));
      const hlc = rename(entry.hlc)!;
      if (hlc === entry.hlc && Object.entries(base).every(([field, h]) => h === entry.base[field])) continue;
      outbox.push({ ...entry, hlc, base });
      if (hlc === entry.hlc) continue;
      const key = `${entry.table}/${entry.recordId}`;
      const table = db.table(entry.table);
      const held = records.get(key) ?? { table, record: await table.get(entry.recordId) };
      if (!held.record) continue;
      const clocks = Object.fromEntries(Object.entries(held.record.clocks).map(([field, h]) => [field, h === entry.hlc ? hlc : h]));
      records.set(key, { table, record: { ...held.record, clocks } });
    }
    await db.outbox.bulkPut(outbox);
    await Promise.all([...records.values()].map(({ table, record }) => table.put(record)));
    return renamed.size;
  });
}

/**
 * After a `clock_skew` refusal: every waiting change whose clock runs ahead
 * of now plus the skew bound (made while this computer's clock was ahead)
 * gets a fresh clock, in outbox order. Returns how many; none means the
 * computer's clock itself is ahead of the server's.
 */
export function restampAhead(db: TamDeskDb, now = Date.now()): Promise<number> {
  return restamp(db, async (entries) => {
    const renamed = new Map<Hlc, Hlc>();
    let clock = await readClock(db, now);
    for (const entry of entries) {
      if (checkClockSkew(entry.hlc, now).ok) continue;
      clock = tick(clock, now);
      renamed.set(entry.hlc, formatHlc(clock));
    }
    if (renamed.size > 0) await saveClock(db, clock, now);
    return renamed;
  });
}

/**
 * After a `device_conflict`: this device id is another's (a copied profile,
 * or an id someone forged). Take a new id, and re-stamp every waiting change
 * with it as the clock's node (same time and counter), so that no two
 * devices share clocks; the server has acknowledged nothing under the new id.
 */
export function takeNewDeviceId(db: TamDeskDb): Promise<string> {
  const device = newDeviceId();
  return restamp(db, async (entries) => {
    const clock = await readClock(db);
    await db.meta.bulkPut([
      { key: DEVICE_KEY, value: device },
      { key: ACKNOWLEDGED_SEQ_KEY, value: 0 },
    ]);
    await saveClock(db, { ...clock, node: device });
    return new Map(entries.map((e) => [e.hlc, formatHlc({ ...parseHlc(e.hlc), node: device })]));
  }).then(() => device);
}
