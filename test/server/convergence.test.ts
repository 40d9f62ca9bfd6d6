import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccountFields, type Account, type AccountFields } from '@shared/domain/account';
import { startServer, type RunningServer } from '../../server/server';
import { addUser } from '../../server/users';
import { createAccount, getAccount, updateAccount } from '../../renderer/data/accounts';
import { openDb, type TamDeskDb } from '../../renderer/data/db';
import { pendingChanges, pullChanges, pushOutbox } from '../../renderer/data/sync/engine';
import { httpTransport, SyncError, type Transport } from '../../renderer/data/sync/transport';
import { freshConfig } from './helpers';

/**
 * Randomised convergence: three devices (real IndexedDB via fake-indexeddb)
 * and a real server on loopback. Each run is a random mix of offline edits
 * with skewed device clocks, syncs whose requests are dropped after reaching
 * the server or sent twice, devices "killed" between a write and its push
 * (the database closed and reopened), and one server restart in the middle.
 * At the end every device holds the same accounts, and every field holds the
 * value of its latest write (by clock): no acknowledged edit is lost.
 *
 * Reproduce a failure with the seed it prints: CONVERGENCE_SEED=… ; more runs
 * with CONVERGENCE_RUNS=….
 */
const SEED = Number(process.env.CONVERGENCE_SEED ?? 20261125);
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 3);
const CLIENTS = 3;
const ACCOUNTS = 3;

type Field = 'name' | 'notes' | 'migratingFromEsp' | 'tier';
const FIELDS: Field[] = ['name', 'notes', 'migratingFromEsp', 'tier'];
const TIERS = ['premium', 'enterprise', 'starter'] as const;

type Step =
  | { kind: 'edit'; client: number; account: number; field: Field; value: number }
  | { kind: 'sync'; client: number; fault: 'none' | 'drop-push-reply' | 'duplicate-push' | 'drop-pull-reply' }
  | { kind: 'kill'; client: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(CLIENTS - 1), account: fc.nat(ACCOUNTS - 1), field: fc.constantFrom(...FIELDS), value: fc.nat(999) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      client: fc.nat(CLIENTS - 1),
      fault: fc.constantFrom('none' as const, 'none' as const, 'drop-push-reply' as const, 'duplicate-push' as const, 'drop-pull-reply' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), client: fc.nat(CLIENTS - 1) }) },
);

const scenarioArb = fc.record({
  steps: fc.array(stepArb, { minLength: 20, maxLength: 45 }),
  restartAt: fc.nat(44),
  skewsMs: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: CLIENTS, maxLength: CLIENTS }),
});

const valueFor = (field: Field, n: number): string => (field === 'tier' ? TIERS[n % TIERS.length]! : `${field} ${n}`);

/** A transport whose requests reach the server but whose replies can be lost, or that sends a push twice. */
function faulty(url: () => string, token: string, fault: Extract<Step, { kind: 'sync' }>['fault']): Transport {
  const real = () => httpTransport(url(), token);
  return {
    push: async (request) => {
      const reply = await real().push(request);
      if (fault === 'duplicate-push') return real().push(request);
      if (fault === 'drop-push-reply') throw new SyncError('offline', 'reply lost');
      return reply;
    },
    pull: async (cursor, limit) => {
      const reply = await real().pull(cursor, limit);
      if (fault === 'drop-pull-reply') throw new SyncError('offline', 'reply lost');
      return reply;
    },
  };
}

describe('randomised convergence of devices through the server', () => {
  it(`converges and loses no edit (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ steps, restartAt, skewsMs }) => {
        const { config, drop } = await freshConfig({ name: 'pglite' });
        let server: RunningServer = await startServer(config, { logger: false });
        const token = await addUser(server.db, 'anna', 'warsaw');
        const url = () => server.url;
        const names = Array.from({ length: CLIENTS }, () => `convergence-${crypto.randomUUID()}`);
        const dbs: TamDeskDb[] = names.map((n) => openDb(n));
        /** Every write made, per account and field: its clock and value. */
        const writes = new Map<string, { hlc: string; value: unknown }[]>();
        const record = (account: Account, fields: readonly string[]) => {
          for (const f of fields) {
            const key = `${account.id}/${f}`;
            writes.set(key, [...(writes.get(key) ?? []), { hlc: account.clocks[f]!, value: (account as Record<string, unknown>)[f] }]);
          }
        };
        const now = (client: number) => new Date(Date.now() + skewsMs[client]!);
        const syncClean = async (client: number) => {
          await pushOutbox(dbs[client]!, faulty(url, token, 'none'));
          await pullChanges(dbs[client]!, faulty(url, token, 'none'));
        };
        try {
          const fields = (n: number): AccountFields => ({ ...emptyAccountFields('Europe/Warsaw'), name: `Account ${n}` });
          const accounts: Account[] = [];
          for (let i = 0; i < ACCOUNTS; i++) {
            const a = await createAccount(dbs[0]!, fields(i), { now: now(0) });
            accounts.push(a);
            record(a, FIELDS);
          }
          for (let c = 0; c < CLIENTS; c++) await syncClean(c);

          for (const [index, step] of steps.entries()) {
            if (index === restartAt) {
              await server.close();
              server = await startServer(config, { logger: false });
            }
            const db = dbs[step.client]!;
            if (step.kind === 'edit') {
              const id = accounts[step.account]!.id;
              const current = (await getAccount(db, id))!;
              const updated = await updateAccount(db, id, { ...current, [step.field]: valueFor(step.field, step.value) }, { now: now(step.client) });
              if (updated.clocks[step.field] !== current.clocks[step.field]) record(updated, [step.field]);
            } else if (step.kind === 'sync') {
              const transport = faulty(url, token, step.fault);
              try {
                await pushOutbox(db, transport);
                await pullChanges(db, transport);
              } catch (error) {
                if (!(error instanceof SyncError) || error.code !== 'offline') throw error;
              }
            } else {
              // Killed between a write and its push: what was written survives a restart.
              db.close();
              dbs[step.client] = openDb(names[step.client]!);
            }
          }

          // Everyone back online: two clean rounds bring every device up to date.
          for (let round = 0; round < 2; round++) for (let c = 0; c < CLIENTS; c++) await syncClean(c);

          const snapshots = await Promise.all(dbs.map(async (db) => (await db.accounts.orderBy('id').toArray()).map(({ clocks: _c, ...rest }) => rest)));
          for (let c = 1; c < CLIENTS; c++) expect(snapshots[c]).toEqual(snapshots[0]);
          for (const db of dbs) expect(await pendingChanges(db)).toBe(0);
          for (const account of accounts) {
            const final = (await getAccount(dbs[0]!, account.id))! as unknown as Record<string, unknown>;
            for (const field of FIELDS) {
              const latest = [...(writes.get(`${account.id}/${field}`) ?? [])].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).at(-1)!;
              expect(final[field], `${account.id} ${field}`).toEqual(latest.value);
            }
          }
        } finally {
          for (const db of dbs) db.close();
          for (const n of names) await Dexie.delete(n);
          await server.close();
          await drop();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
