import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '@shared/sync/change';
import { applyChange, applyChanges, conflictKey, recordKey, type SyncRecord, type TextConflict } from '@shared/sync/merge';
import { clock } from './helpers';

/**
 * Properties of the merge (shared/sync/merge.ts), with fast-check. Runs are
 * seeded: FC_SEED=<n> replays a run (fast-check prints the seed and path of a
 * failure), FC_RUNS=<n> asks for more runs.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20260302;
const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 300;
const params = { seed, numRuns };

const NODES = ['r0', 'r1', 'r2'] as const;
const RECORDS = ['01890000-0000-7000-8000-00000000000a', '01890000-0000-7000-8000-00000000000b'];
const TABLES = ['accounts', 'timeline'] as const;
const FIELDS = ['name', 'notes', 'tier', 'deletedAt', 'archivedAt', 'createdAt', 'updatedAt'] as const;
const WALL0 = 1_000_000;

type Write = { node: number; table: number; record: number; wall: number; patch: Partial<Record<(typeof FIELDS)[number], string | null>>; baseFrom: number; at: number };

const writeArb: fc.Arbitrary<Write> = fc.record({
  node: fc.integer({ min: 0, max: 2 }),
  table: fc.integer({ min: 0, max: 1 }),
  record: fc.integer({ min: 0, max: 1 }),
  wall: fc.integer({ min: 0, max: 30 }),
  patch: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.constantFrom('a', 'b', 'c', '2026-01-01T00:00:00.000Z'), fc.constant(null)), { maxKeys: 4 }),
  baseFrom: fc.integer({ min: -1, max: 40 }),
  at: fc.integer({ min: 0, max: 10_000 }),
});

/** Turns random writes into changes from three replicas: each replica's clocks strictly increase, so no two changes share a clock. */
function toChanges(writes: Write[]): Change[] {
  const counters = [0, 0, 0];
  const changes: Change[] = [];
  writes.forEach((w, i) => {
    const counter = (counters[w.node] = (counters[w.node] ?? 0) + 1);
    const hlc = clock(WALL0 + w.wall, NODES[w.node]!, counter);
    // A base: none, or the clock of some earlier change (random on purpose: convergence must not depend on it).
    const basis = w.baseFrom >= 0 ? changes[w.baseFrom % Math.max(changes.length, 1)]?.hlc ?? null : null;
    changes.push({
      changeId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      table: TABLES[w.table]!,
      recordId: RECORDS[w.record]!,
      op: 'update',
      patch: w.patch,
      base: Object.fromEntries(Object.keys(w.patch).map((f) => [f, basis])),
      hlc,
      at: new Date(WALL0 + w.at).toISOString(),
    });
  });
  return changes;
}

/** Changes, and an arrival order: a permutation of them with some delivered again. */
const scenarioArb = fc.array(writeArb, { minLength: 1, maxLength: 24 }).chain((writes) => {
  const changes = toChanges(writes);
  const n = changes.length;
  return fc
    .tuple(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 8 }), fc.array(fc.double({ noNaN: true }), { minLength: n + 8, maxLength: n + 8 }))
    .map(([dups, keys]) => {
      const deliveries = [...changes.map((_, i) => i), ...dups];
      const order = deliveries.map((index, k) => ({ index, key: keys[k]! })).sort((a, b) => a.key - b.key).map((d) => changes[d.index]!);
      return { changes, order };
    });
});

const byClock = (changes: Change[]) => [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));

function checkConflictShape(conflicts: TextConflict[], final: Map<string, SyncRecord>) {
  for (const c of conflicts) {
    expect(c.table).toBe('accounts'); // the only text-field table here; never the append-only one
    expect(c.field).toBe('notes');
    expect(c.winner.hlc > c.loser.hlc).toBe(true);
    expect(c.winner.value).not.toEqual(c.loser.value);
    expect(c.loser.hlc).not.toBe(final.get(recordKey(c.table, c.recordId))?.clocks[c.field]);
  }
}

describe('merge properties', () => {
  it('converges: any order, with duplicates, gives the same records as clock order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ changes, order }) => {
        const reference = applyChanges(new Map(), byClock(changes));
        const arrived = applyChanges(new Map(), order);
        expect(arrived.records).toEqual(reference.records);
        checkConflictShape(arrived.conflicts, arrived.records);
        // Every field holds the value of its greatest-clock write.
        for (const record of arrived.records.values()) {
          for (const [field, hlc] of Object.entries(record.clocks)) {
            const writer = changes.find((c) => c.hlc === hlc)!;
            expect(record[field]).toEqual(writer.patch[field]);
          }
        }
      }),
      params,
    );
  });

  it('is idempotent: a change applied twice is applied once', () => {
    fc.assert(
      fc.property(scenarioArb, ({ order }) => {
        let records = new Map<string, SyncRecord>();
        for (const change of order) {
          const key = recordKey(change.table, change.recordId);
          const once = applyChange(records.get(key), change);
          const twice = applyChange(once.record, change);
          expect(twice.applied).toBe(false);
          expect(twice.record).toBe(once.record);
          expect(new Set(twice.conflicts.map(conflictKey))).toEqual(new Set(once.conflicts.filter((c) => c.loser.hlc === change.hlc).map(conflictKey)));
          records = applyChanges(records, [change]).records;
        }
      }),
      params,
    );
  });

  it('ignores a change older than the record on every field it sets', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: 999 }),
        fc.subarray([...FIELDS]),
        fc.constantFrom('x', null),
        ({ changes }, wall, fields, value) => {
          const { records } = applyChanges(new Map(), changes);
          for (const record of records.values()) {
            const patch = Object.fromEntries(fields.filter((f) => record.clocks[f] !== undefined).map((f) => [f, value]));
            const stale: Change = {
              changeId: '00000000-0000-4000-8000-999999999999',
              table: changes.find((c) => c.recordId === record.id && recordKey(c.table, c.recordId) === [...records.entries()].find(([, r]) => r === record)![0])!.table,
              recordId: record.id,
              op: 'update',
              patch,
              base: Object.fromEntries(Object.keys(patch).map((f) => [f, null])),
              hlc: clock(wall, 'late'),
              at: new Date(9e12).toISOString(),
            };
            const result = applyChange(record, stale);
            expect(result.applied).toBe(false);
            expect(result.record).toBe(record);
          }
        },
      ),
      params,
    );
  });

  describe('text conflicts, with every change after the write it was made on', () => {
    /** A create, then per replica a chain of edits of `notes`, each on top of the one before (the first on the create). */
    const chainsArb = fc
      .array(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
      .map((walls) => {
        const id = RECORDS[0]!;
        const create: Change = {
          changeId: '00000000-0000-4000-8000-000000000000',
          table: 'accounts',
          recordId: id,
          op: 'create',
          patch: { createdAt: new Date(WALL0).toISOString(), notes: 'start', name: 'n' },
          base: { createdAt: null, notes: null, name: null },
          hlc: clock(WALL0, 'r0'),
          at: new Date(WALL0).toISOString(),
        };
        const chains = walls.map((ws, r) => {
          let previous = create.hlc;
          return [...ws].sort((a, b) => a - b).map((w, j): Change => {
            const hlc = clock(WALL0 + w, NODES[r]!, j + 1);
            const edit: Change = {
              changeId: `00000000-0000-4000-8001-0000000${r}${String(j).padStart(4, '0')}`,
              table: 'accounts',
              recordId: id,
              op: 'update',
              patch: { notes: `${NODES[r]}-${j}` },
              base: { notes: previous },
              hlc,
              at: new Date(WALL0 + w).toISOString(),
            };
            previous = hlc;
            return edit;
          });
        });
        return { create, chains };
      })
      .chain(({ create, chains }) => {
        const total = chains.reduce((n, c) => n + c.length, 0);
        // An interleaving keeping each chain's order, with replays of already delivered changes.
        return fc
          .tuple(fc.array(fc.integer({ min: 0, max: chains.length - 1 }), { minLength: total * 3, maxLength: total * 3 }), fc.array(fc.nat(), { maxLength: 4 }))
          .map(([picks, replays]) => {
            const next = chains.map(() => 0);
            const order: Change[] = [create];
            for (const p of picks) {
              const chain = chains[p]!;
              if (next[p]! < chain.length) order.push(chain[next[p]!++]!);
            }
            chains.forEach((chain, r) => order.push(...chain.slice(next[r])));
            // Replays: a change delivered again later (after its first delivery, so still causal).
            const replayed = [...order];
            for (const at of replays) {
              const from = at % replayed.length;
              replayed.splice(from + 1 + (at % (replayed.length - from)), 0, replayed[from]!);
            }
            return { create, chains, order, replayed };
          });
      });

    it('keeps the same value everywhere, reports every losing branch head, and never the winner', () => {
      fc.assert(
        fc.property(chainsArb, ({ create, chains, order, replayed }) => {
          const all = [create, ...chains.flat()];
          const reference = applyChanges(new Map(), byClock(all));
          const heads = chains.map((chain) => chain.at(-1)!.hlc).sort();
          const winner = heads.at(-1)!;
          for (const arrival of [order, replayed]) {
            const arrived = applyChanges(new Map(), arrival);
            expect(arrived.records).toEqual(reference.records);
            checkConflictShape(arrived.conflicts, arrived.records);
            const losers = new Set(arrived.conflicts.map((c) => c.loser.hlc));
            for (const head of heads.slice(0, -1)) expect(losers.has(head)).toBe(true);
            expect(losers.has(winner)).toBe(false);
            if (chains.length === 1) expect(arrived.conflicts).toEqual([]);
          }
          // Two single concurrent edits, each delivered once: exactly one conflict, the same in every order.
          if (chains.length === 2 && chains.every((c) => c.length === 1)) {
            const keys = new Set(applyChanges(new Map(), order).conflicts.map(conflictKey));
            expect(keys).toEqual(new Set(reference.conflicts.map(conflictKey)));
            expect(keys.size).toBe(1);
          }
        }),
        params,
      );
    });
  });
});
