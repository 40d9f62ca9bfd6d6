import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, compareHlc, conflictKey, isCreated, latestClock, recordKey, type SyncRecord } from '@shared/sync/merge';
import type { Change } from '@shared/sync/change';
import { change, clock, RECORD_ID } from './helpers';

const isChange = (c: Partial<Change>): c is Change => typeof c.changeId === 'string';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const A = (s: number, n = 0) => clock(T0 + s * 1000, 'deviceA', n);
const B = (s: number, n = 0) => clock(T0 + s * 1000, 'deviceB', n);
const C = (s: number, n = 0) => clock(T0 + s * 1000, 'deviceC', n);

const create = change({
  op: 'create',
  hlc: A(0),
  patch: { createdAt: new Date(T0).toISOString(), deletedAt: null, name: 'Acme', tier: 'premium', notes: 'first', archivedAt: null },
});

function apply(changes: (Change | Parameters<typeof change>[0])[], start?: SyncRecord) {
  let record = start;
  const conflicts = [];
  for (const c of changes) {
    const result = applyChange(record, isChange(c) ? c : change(c));
    record = result.record;
    conflicts.push(...result.conflicts);
  }
  return { record, conflicts };
}

describe('compareHlc', () => {
  it('orders clocks as text, with a missing clock older than any', () => {
    expect(compareHlc(A(1), A(2))).toBe(-1);
    expect(compareHlc(A(2, 1), A(2))).toBe(1);
    expect(compareHlc(A(2), B(2))).toBe(-1); // the node breaks ties
    expect(compareHlc(A(2), A(2))).toBe(0);
    expect(compareHlc(undefined, A(0))).toBe(-1);
    expect(compareHlc(A(0), null)).toBe(1);
    expect(compareHlc(null, undefined)).toBe(-1);
    expect(compareHlc(undefined, undefined)).toBe(0);
  });
});

describe('applyChange: last writer wins per field', () => {
  it('creates a record from a create change', () => {
    const { record, applied, conflicts } = applyChange(undefined, create);
    expect(applied).toBe(true);
    expect(conflicts).toEqual([]);
    expect(record).toMatchObject({ id: RECORD_ID, name: 'Acme', notes: 'first', deletedAt: null, createdAt: create.at, updatedAt: create.at });
    expect(record?.clocks).toEqual({ createdAt: A(0), deletedAt: A(0), name: A(0), tier: A(0), notes: A(0), archivedAt: A(0) });
    expect(isCreated(record!)).toBe(true);
  });

  it('merges concurrent edits of different fields from both sides', () => {
    const name = change({ hlc: A(5), patch: { name: 'Acme Corp' }, base: { name: A(0) } });
    const tier = change({ hlc: B(3), patch: { tier: 'enterprise' }, base: { tier: A(0) } });
    const one = apply([create, name, tier]).record;
    const two = apply([create, tier, name]).record;
    expect(one).toEqual(two);
    expect(one).toMatchObject({ name: 'Acme Corp', tier: 'enterprise' });
    expect(one?.clocks).toMatchObject({ name: A(5), tier: B(3), notes: A(0) });
    expect(one?.updatedAt).toBe(name.at); // the greatest clock's write
  });

  it('takes the later of two writes of one field, whatever the arrival order', () => {
    const early = change({ hlc: B(2), patch: { name: 'B' }, base: { name: A(0) } });
    const late = change({ hlc: A(4), patch: { name: 'A' }, base: { name: A(0) } });
    expect(apply([create, early, late]).record).toEqual(apply([create, late, early]).record);
    expect(apply([create, late, early]).record?.name).toBe('A');
  });

  it('ignores a change older than the field it sets', () => {
    const first = apply([create, { hlc: A(9), patch: { name: 'new' }, base: { name: A(0) } }]).record!;
    const result = applyChange(first, change({ hlc: B(5), patch: { name: 'old', tier: 'x' }, base: { name: A(0), tier: A(0) } }));
    // name is older than the record's, tier is newer: only tier lands.
    expect(result.record).toMatchObject({ name: 'new', tier: 'x' });
    expect(result.record?.updatedAt).toBe(first.updatedAt); // not the latest write
    const stale = applyChange(first, change({ hlc: B(5), patch: { name: 'old' }, base: { name: A(0) } }));
    expect(stale.applied).toBe(false);
    expect(stale.record).toBe(first);
  });

  it('is idempotent: a replayed change is a no-op', () => {
    const edit = change({ hlc: B(1), patch: { name: 'x', notes: 'n' }, base: { name: A(0), notes: A(0) } });
    const once = apply([create, edit]).record!;
    const again = applyChange(once, edit);
    expect(again.applied).toBe(false);
    expect(again.record).toBe(once);
    expect(again.conflicts).toEqual([]);
    expect(applyChange(once, create).record).toBe(once);
  });

  it('builds the same record when an update arrives before its create', () => {
    const edit = change({ hlc: A(3), patch: { name: 'Renamed' }, base: { name: A(0) } });
    const early = applyChange(undefined, edit).record!;
    expect(isCreated(early)).toBe(false);
    expect(early).toMatchObject({ id: RECORD_ID, name: 'Renamed', deletedAt: null, createdAt: edit.at, updatedAt: edit.at });
    const inOrder = apply([create, edit]).record;
    const reversed = apply([edit, create]).record;
    expect(reversed).toEqual(inOrder);
    expect(reversed).toMatchObject({ name: 'Renamed', tier: 'premium', createdAt: create.at, updatedAt: edit.at });
  });

  it('keeps an imported updatedAt and never lets a patch write id or clocks', () => {
    const imported = change({
      op: 'create',
      hlc: A(1),
      patch: { id: 'other', clocks: { name: 'x' }, createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z', name: 'Old' },
    });
    const { record } = applyChange(undefined, imported);
    expect(record).toMatchObject({ id: RECORD_ID, createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z', name: 'Old' });
    expect(Object.keys(record!.clocks).sort()).toEqual(['createdAt', 'name']);
  });

  it('ignores a change with nothing to set', () => {
    expect(applyChange(undefined, change({ hlc: A(1), patch: {} }))).toEqual({ record: undefined, conflicts: [], applied: false });
    expect(applyChange(undefined, change({ hlc: A(1), patch: { updatedAt: '2021-01-01T00:00:00.000Z' } })).applied).toBe(false);
  });

  it('refuses a change for another record or an unknown table', () => {
    const record = applyChange(undefined, create).record!;
    expect(() => applyChange(record, { ...create, recordId: '01890000-0000-7000-8000-000000000002' })).toThrow(/not/);
    expect(() => applyChange(undefined, { ...create, table: 'nope' })).toThrow(/Not a synced table/);
  });

  it('leaves its inputs untouched', () => {
    const record = applyChange(undefined, create).record!;
    const snapshot = structuredClone(record);
    const edit = change({ hlc: B(1), patch: { name: 'x' }, base: { name: A(0) } });
    const editSnapshot = structuredClone(edit);
    applyChange(record, edit);
    expect(record).toEqual(snapshot);
    expect(edit).toEqual(editSnapshot);
  });
});

describe('applyChange: tombstones, archive and restore', () => {
  it('converges a delete and a concurrent edit: deleted, with the edit kept in the tombstone', () => {
    const del = change({ op: 'delete', hlc: A(5), patch: { deletedAt: new Date(T0 + 5000).toISOString() }, base: { deletedAt: A(0) } });
    const edit = change({ hlc: B(6), patch: { name: 'Edited' }, base: { name: A(0) } });
    const one = apply([create, del, edit]).record;
    const two = apply([create, edit, del]).record;
    expect(one).toEqual(two);
    expect(one).toMatchObject({ deletedAt: del.patch.deletedAt, name: 'Edited' });
  });

  it('decides a delete against a concurrent undelete by clock', () => {
    const del = change({ op: 'delete', hlc: A(5), patch: { deletedAt: new Date(T0 + 5000).toISOString() }, base: { deletedAt: A(0) } });
    const undo = change({ op: 'restore', hlc: B(7), patch: { deletedAt: null }, base: { deletedAt: A(0) } });
    expect(apply([create, del, undo]).record?.deletedAt).toBeNull();
    expect(apply([create, undo, del]).record?.deletedAt).toBeNull();
  });

  it('archives and restores as patches of archivedAt', () => {
    const archive = change({ op: 'archive', hlc: A(1), patch: { archivedAt: new Date(T0 + 1000).toISOString() }, base: { archivedAt: A(0) } });
    const restore = change({ op: 'restore', hlc: A(2), patch: { archivedAt: null }, base: { archivedAt: A(1) } });
    expect(apply([create, archive]).record?.archivedAt).toBe(archive.patch.archivedAt);
    expect(apply([create, archive, restore]).record?.archivedAt).toBeNull();
    expect(apply([create, restore, archive]).record?.archivedAt).toBeNull();
  });
});

describe('applyChange: append-only tables', () => {
  const entry = change({
    table: 'timeline',
    op: 'create',
    hlc: A(1),
    patch: { createdAt: new Date(T0).toISOString(), caseId: 'c', body: 'Called the customer' },
  });

  it('writes an entry once; duplicates and stray writes never conflict and converge', () => {
    const first = applyChange(undefined, entry).record!;
    expect(applyChange(first, entry)).toEqual({ record: first, conflicts: [], applied: false });
    const stray = change({ table: 'timeline', hlc: B(2), patch: { body: 'Called the customer twice' }, base: { body: null } });
    const one = applyChange(first, stray);
    expect(one.conflicts).toEqual([]);
    const two = apply([stray, entry]);
    expect(two.conflicts).toEqual([]);
    expect(two.record).toEqual(one.record);
  });
});

describe('applyChange: free-text conflicts', () => {
  const base = applyChange(undefined, create).record!;
  const ours = change({ hlc: A(10), patch: { notes: 'ours' }, base: { notes: A(0) } });
  const theirs = change({ hlc: B(12), patch: { notes: 'theirs' }, base: { notes: A(0) } });
  const expected = {
    table: 'accounts',
    recordId: RECORD_ID,
    field: 'notes',
    winner: { value: 'theirs', hlc: B(12) },
    loser: { value: 'ours', hlc: A(10) },
  };

  it('reports two concurrent edits of notes as the same pair on both replicas, and keeps the later value', () => {
    const onA = apply([ours, theirs], base);
    const onB = apply([theirs, ours], base);
    expect(onA.record).toEqual(onB.record);
    expect(onA.record?.notes).toBe('theirs');
    expect(onA.conflicts).toEqual([expected]);
    expect(onB.conflicts).toEqual([expected]);
  });

  it('annotates the incoming side with its author', () => {
    const mine = applyChange(base, ours).record!;
    expect(applyChange(mine, theirs, 'bea@example.com').conflicts[0]?.winner).toEqual({ value: 'theirs', hlc: B(12), author: 'bea@example.com' });
    expect(conflictKey(applyChange(mine, theirs, 'bea').conflicts[0]!)).toBe(`accounts/${RECORD_ID}/notes/${B(12)}/${A(10)}`);
  });

  it('does not report a sequential edit (made on top of the value it replaces)', () => {
    const next = change({ hlc: B(12), patch: { notes: 'theirs' }, base: { notes: A(10) } });
    expect(apply([ours, next], base).conflicts).toEqual([]);
  });

  it('does not report two writes of one device, nor equal values, nor a replay', () => {
    const again = change({ hlc: A(11), patch: { notes: 'ours again' }, base: { notes: A(0) } });
    expect(apply([again, ours], base).conflicts).toEqual([]); // late arrival of its own earlier write
    const same = change({ hlc: B(12), patch: { notes: 'ours' }, base: { notes: A(0) } });
    expect(apply([ours, same], base).conflicts).toEqual([]);
    expect(apply([ours, ours], base).conflicts).toEqual([]);
  });

  it('does not report a field nobody had written, nor fields that are not free text', () => {
    const noNotes = applyChanges(new Map(), [change({ op: 'create', hlc: A(0), patch: { name: 'x' } })]).records.get(recordKey('accounts', RECORD_ID))!;
    expect(applyChange(noNotes, theirs).conflicts).toEqual([]);
    const n1 = change({ hlc: A(10), patch: { name: 'one' }, base: { name: A(0) } });
    const n2 = change({ hlc: B(12), patch: { name: 'two' }, base: { name: A(0) } });
    expect(apply([n1, n2], base).conflicts).toEqual([]);
  });

  it('reports every losing branch head among three concurrent writers', () => {
    const third = change({ hlc: C(11), patch: { notes: 'third' }, base: { notes: A(0) } });
    for (const order of [
      [ours, theirs, third],
      [third, ours, theirs],
      [theirs, third, ours],
    ]) {
      const { record, conflicts } = apply(order, base);
      expect(record?.notes).toBe('theirs');
      expect(new Set(conflicts.map((c) => c.loser.hlc))).toEqual(new Set([A(10), C(11)]));
      expect(conflicts.every((c) => c.winner.hlc > c.loser.hlc)).toBe(true);
    }
  });

  it('reports conflicts on cases and remediation descriptions too', () => {
    for (const table of ['cases', 'remediationRequests']) {
      const made = applyChange(undefined, change({ table, op: 'create', hlc: A(0), patch: { description: 'd' } })).record!;
      const x = change({ table, hlc: A(1), patch: { description: 'x' }, base: { description: A(0) } });
      const y = change({ table, hlc: B(1), patch: { description: 'y' }, base: { description: A(0) } });
      expect(apply([x, y], made).conflicts).toHaveLength(1);
    }
  });
});

describe('applyChanges', () => {
  it('applies a list to a map of records, leaving the input map alone', () => {
    const start = new Map<string, SyncRecord>();
    const other = change({ op: 'create', hlc: B(1), recordId: '01890000-0000-7000-8000-000000000002', patch: { name: 'Other' } });
    const edit = change({ hlc: A(2), patch: { notes: 'x' }, base: { notes: A(0) } });
    const { records, applied, conflicts } = applyChanges(start, [create, { change: other, author: 'bea' }, edit, edit]);
    expect(start.size).toBe(0);
    expect(applied).toBe(3);
    expect(conflicts).toEqual([]);
    expect(records.get(recordKey('accounts', RECORD_ID))?.notes).toBe('x');
    expect(records.get(recordKey('accounts', other.recordId))?.name).toBe('Other');
    expect(latestClock(records.get(recordKey('accounts', RECORD_ID))!)).toBe(A(2));
  });
});
