import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccountFields, type Account, type AccountFields } from '@shared/domain/account';
import { CASE_STATUSES, PRIORITIES, type SupportCase, type TimelineEntry } from '@shared/domain/case';
import type { SyncedTable } from '@shared/domain/tables';
import { newId } from '@shared/ids';
import { createAccount, updateAccount } from '../../renderer/data/accounts';
import { openDb, type TamDeskDb } from '../../renderer/data/db';
import { writeRecord } from '../../renderer/data/write';
import { pullChanges, pushOutbox } from '../../renderer/data/sync/engine';
import { httpTransport, SyncError, type Transport } from '../../renderer/data/sync/transport';
import { addUserWithCli, startServerProcess, type ServerProcess } from './server-process';

/**
 * Randomised convergence: three devices (real IndexedDB via fake-indexeddb)
 * and a real server process on loopback (`npm run server`, PGlite). Each run
 * is a random mix of
 * - offline edits of accounts and cases (fields, including free text that
 *   conflicts) and timeline entries appended to cases (append-only),
 *   on devices whose clocks are skewed by up to ±2 minutes;
 * - syncs whose push reply is lost after the server stored it, whose push is
 *   sent twice, whose push arrives reordered (the later half of the batch
 *   first), or whose pull reply is lost;
 * - devices "killed" between a write and its push (database closed and
 *   reopened);
 * - one server crash (SIGKILL) in the middle of a push, and a restart on the
 *   same data.
 * At the end every device holds the same records, every field holds the
 * value of its latest write (by clock), and every appended timeline entry is
 * everywhere: no acknowledged edit is lost.
 *
 * Reproduce a failure with the seed it prints: CONVERGENCE_SEED=… ; more runs
 * with CONVERGENCE_RUNS=….
 */
const SEED = Number(process.env.CONVERGENCE_SEED ?? 20261125);
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 3);
/** The test's time limit; the long run in `npm run bench` sizes it to its runs. */
const TIME_LIMIT_MS = Number(process.env.CONVERGENCE_TIME_LIMIT_MS ?? 240_000);
const CLIENTS = 3;
const ACCOUNTS = 2;
const CASES = 2;

type AccountField = 'name' | 'notes' | 'migratingFromEsp' | 'tier';
type CaseField = 'status' | 'priority' | 'description';
const ACCOUNT_FIELDS: AccountField[] = ['name', 'notes', 'migratingFromEsp', 'tier'];
const CASE_FIELDS: CaseField[] = ['status', 'priority', 'description'];
const TIERS = ['premium', 'enterprise', 'starter'] as const;
const FAULTS = ['none', 'none', 'drop-push-reply', 'duplicate-push', 'reorder-push', 'drop-pull-reply'] as const;
type Fault = (typeof FAULTS)[number];

type Step =
  | { kind: 'edit-account'; client: number; target: number; field: AccountField; value: number }
  | { kind: 'edit-case'; client: number; target: number; field: CaseField; value: number }
  | { kind: 'append'; client: number; target: number; value: number }
  | { kind: 'sync'; client: number; fault: Fault }
  | { kind: 'kill'; client: number };

const client = fc.nat(CLIENTS - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit-account' as const), client, target: fc.nat(ACCOUNTS - 1), field: fc.constantFrom(...ACCOUNT_FIELDS), value: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit-case' as const), client, target: fc.nat(CASES - 1), field: fc.constantFrom(...CASE_FIELDS), value: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('append' as const), client, target: fc.nat(CASES - 1), value: fc.nat(999) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client, fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), client }) },
);

const scenarioArb = fc.record({
  steps: fc.array(stepArb, { minLength: 20, maxLength: 45 }),
  crashAt: fc.nat(44),
  crashAfterMs: fc.nat(30),
  skewsMs: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: CLIENTS, maxLength: CLIENTS }),
});

const accountValue = (field: AccountField, n: number): string => (field === 'tier' ? TIERS[n % TIERS.length]! : `${field} ${n}`);
const caseValue = (field: CaseField, n: number): string =>
  field === 'status' ? CASE_STATUSES[n % CASE_STATUSES.length]! : field === 'priority' ? PRIORITIES[n % PRIORITIES.length]! : `description ${n}`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transport whose requests reach the server but whose replies can be lost, that sends a push twice, or out of order. */
function faulty(url: () => string, token: string, fault: Fault): Transport {
  const real = () => httpTransport(url(), token);
  return {
    push: async (request) => {
      if (fault === 'reorder-push' && request.changes.length >= 2) {
        const half = Math.ceil(request.changes.length / 2);
        // The later half arrives first. The server acknowledges only a gap-free
        // prefix: never a seq it was not given (the earlier half may already
        // be there from a push whose reply was lost, so it may cover this half).
        const early = await real().push({ ...request, changes: request.changes.slice(half) });
        expect(early.acknowledgedSeq).toBeLessThanOrEqual(request.changes.at(-1)!.seq);
        await real().push({ ...request, changes: request.changes.slice(0, half) });
        return real().push(request);
      }
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

type Written = { hlc: string; value: unknown };

describe('randomised convergence of devices through the server', () => {
  it(`converges and loses no edit (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ steps, crashAt, crashAfterMs, skewsMs }) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'tam-desk-convergence-'));
        const token = await addUserWithCli(dataDir, 'anna', 'warsaw');
        const start = () => startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
        let server: ServerProcess = await start();
        const url = () => server.url;
        const names = Array.from({ length: CLIENTS }, () => `convergence-${crypto.randomUUID()}`);
        const dbs: TamDeskDb[] = names.map((n) => openDb(n));
        /** Every write made, per record and field: its clock and value. */
        const writes = new Map<string, Written[]>();
        const remember = (table: SyncedTable, record: { id: string; clocks: Record<string, string> }, fields: readonly string[]) => {
          for (const f of fields) {
            const key = `${table}/${record.id}/${f}`;
            writes.set(key, [...(writes.get(key) ?? []), { hlc: record.clocks[f]!, value: (record as Record<string, unknown>)[f] }]);
          }
        };
        const appended: string[] = [];
        const now = (c: number) => new Date(Date.now() + skewsMs[c]!);
        const syncClean = async (c: number) => {
          await pushOutbox(dbs[c]!, faulty(url, token, 'none'));
          await pullChanges(dbs[c]!, faulty(url, token, 'none'));
        };
        /** A push during which the server is killed, then started again on the same data. */
        let crashedMidPush = false;
        const crashing: Transport = {
          push: async (request) => {
            crashedMidPush = true;
            const pushing = httpTransport(url(), token).push(request);
            pushing.catch(() => {});
            // The fault itself: a crash at a random moment of the push, not a wait for an event.
            await delay(crashAfterMs);
            await server.crash();
            server = await start();
            return pushing;
          },
          pull: (cursor, limit) => httpTransport(url(), token).pull(cursor, limit),
        };
        try {
          const accounts: Account[] = [];
          for (let i = 0; i < ACCOUNTS; i++) {
            const fields: AccountFields = { ...emptyAccountFields('Europe/Warsaw'), name: `Account ${i}` };
            const a = await createAccount(dbs[0]!, fields, { now: now(0) });
            accounts.push(a);
            remember('accounts', a, ACCOUNT_FIELDS);
          }
          const cases: SupportCase[] = [];
          for (let i = 0; i < CASES; i++) {
            const opened = now(0).toISOString();
            const c = await writeRecord<SupportCase>(dbs[0]!, 'cases', 'create', newId(), {
              accountId: accounts[i % ACCOUNTS]!.id, title: `Case ${i}`, description: 'Deferrals at a provider.', problemType: 'service-problem',
              priority: 'normal', channel: 'designated-email', agent: 'Agent', status: 'new', escalated: true, escalationReason: '',
              slaPolicyId: null, slaPolicyVersion: null, openedAt: opened, reopenCount: 0,
            }, { now: now(0) });
            cases.push(c);
            remember('cases', c, CASE_FIELDS);
          }
          for (let c = 0; c < CLIENTS; c++) await syncClean(c);

          let crashed = false;
          for (const [index, step] of steps.entries()) {
            const db = dbs[step.client]!;
            if (!crashed && index >= Math.min(crashAt, steps.length - 1)) {
              crashed = true;
              try {
                await pushOutbox(db, crashing);
              } catch (error) {
                if (!(error instanceof SyncError) || error.code !== 'offline') throw error;
              }
              if (!crashedMidPush) {
                // Nothing to push: crash and restart between requests instead.
                await server.crash();
                server = await start();
              }
            }
            if (step.kind === 'edit-account') {
              const id = accounts[step.target]!.id;
              const current = (await db.accounts.get(id))!;
              const updated = await updateAccount(db, id, { ...current, [step.field]: accountValue(step.field, step.value) }, { now: now(step.client) });
              if (updated.clocks[step.field] !== current.clocks[step.field]) remember('accounts', updated, [step.field]);
            } else if (step.kind === 'edit-case') {
              const id = cases[step.target]!.id;
              const current = (await db.cases.get(id))!;
              const updated = await writeRecord<SupportCase>(db, 'cases', 'update', id, { [step.field]: caseValue(step.field, step.value) }, { now: now(step.client) });
              if (updated.clocks[step.field] !== current.clocks[step.field]) remember('cases', updated, [step.field]);
            } else if (step.kind === 'append') {
              const target = cases[step.target]!;
              const entry = await writeRecord<TimelineEntry>(db, 'timeline', 'create', newId(), {
                accountId: target.accountId, caseId: target.id, kind: 'note', at: now(step.client).toISOString(), author: `device ${step.client}`,
                body: `note ${step.value}`, fromStatus: null, toStatus: null,
              }, { now: now(step.client) });
              appended.push(entry.id);
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

          for (const table of ['accounts', 'cases', 'timeline'] as const) {
            const snapshots = await Promise.all(dbs.map(async (db) => (await db.table(table).orderBy('id').toArray()).map(({ clocks: _c, ...rest }) => rest)));
            for (let c = 1; c < CLIENTS; c++) expect(snapshots[c], table).toEqual(snapshots[0]);
          }
          for (const db of dbs) expect(await db.outbox.count()).toBe(0);
          const latest = (key: string) => [...(writes.get(key) ?? [])].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).at(-1)!.value;
          for (const account of accounts) {
            const final = (await dbs[0]!.accounts.get(account.id))! as unknown as Record<string, unknown>;
            for (const field of ACCOUNT_FIELDS) expect(final[field], `${account.id} ${field}`).toEqual(latest(`accounts/${account.id}/${field}`));
          }
          for (const c of cases) {
            const final = (await dbs[0]!.cases.get(c.id))! as unknown as Record<string, unknown>;
            for (const field of CASE_FIELDS) expect(final[field], `${c.id} ${field}`).toEqual(latest(`cases/${c.id}/${field}`));
          }
          const entries = (await dbs[0]!.timeline.toArray()).map((e) => e.id).sort();
          expect(entries).toEqual([...appended].sort());
        } finally {
          for (const db of dbs) db.close();
          for (const n of names) await Dexie.delete(n);
          await server.kill();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, TIME_LIMIT_MS);
});
