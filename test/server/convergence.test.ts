import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccountFields, type Account, type AccountFields } from '@shared/domain/account';
import { CASE_STATUSES, PRIORITIES, type SupportCase, type TimelineEntry } from '@shared/domain/case';
import type { SyncedTable } from '@shared/domain/tables';
import { newId } from '@shared/ids';
import type { Change } from '@shared/sync/change';
import { MAX_PUSH_BYTES, type ServerChange } from '@shared/sync/protocol';
import { createAccount, updateAccount } from '../../renderer/data/accounts';
import { openDb, type TamDeskDb } from '../../renderer/data/db';
import { deviceId, writeRecord } from '../../renderer/data/write';
import { pullChanges, pushOutbox } from '../../renderer/data/sync/engine';
import { ACKNOWLEDGED_SEQ_KEY } from '../../renderer/data/sync/sync-config';
import { httpTransport, SyncError, type Transport } from '../../renderer/data/sync/transport';
import { Client, rawRequest } from './helpers';
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
 *   same data;
 * - a hostile teammate (another user of the team, over raw HTTP) pushing
 *   fields of the wrong type, text too long or no replica can store, unknown
 *   fields, a rewrite of a stored timeline entry, a clock far ahead, a body
 *   over the size limit, and changes under an honest device's id at seqs it
 *   used or will use. Each gets its refusal; a forged push under an id no
 *   honest device has pushed under yet is taken (the id is the hostile's
 *   now), and its edit counts like any other.
 * At the end every honest device holds the same records, every field holds
 * the value of its latest write (by clock), every appended timeline entry is
 * everywhere, and nothing waits in an outbox or is set aside: no edit is lost,
 * not to a forged seq either.
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

const ATTACKS = [
  'wrong-tags', 'wrong-contacts', 'wrong-calendar', 'long-text', 'nul-text', 'lone-surrogate', 'unknown-field',
  'rewrite-timeline', 'skewed-clock', 'oversized-body', 'forged-seq', 'forged-seq',
] as const;
type Attack = (typeof ATTACKS)[number];

type Step =
  | { kind: 'edit-account'; client: number; target: number; field: AccountField; value: number }
  | { kind: 'edit-case'; client: number; target: number; field: CaseField; value: number }
  | { kind: 'append'; client: number; target: number; value: number }
  | { kind: 'sync'; client: number; fault: Fault }
  | { kind: 'kill'; client: number }
  | { kind: 'hostile'; client: number; attack: Attack; value: number };

const client = fc.nat(CLIENTS - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit-account' as const), client, target: fc.nat(ACCOUNTS - 1), field: fc.constantFrom(...ACCOUNT_FIELDS), value: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit-case' as const), client, target: fc.nat(CASES - 1), field: fc.constantFrom(...CASE_FIELDS), value: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('append' as const), client, target: fc.nat(CASES - 1), value: fc.nat(999) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client, fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), client }) },
);

/** Every attack, once a run, each before a random step (the forged seq twice: once may meet an id no one holds yet, once a taken one). */
const attacksArb = fc.tuple(
  ...ATTACKS.map((attack) => fc.record({ before: fc.nat(44), step: fc.record({ kind: fc.constant('hostile' as const), client, attack: fc.constant(attack), value: fc.nat(999) }) })),
);

const scenarioArb = fc
  .record({
    steps: fc.array(stepArb, { minLength: 20, maxLength: 45 }),
    attacks: attacksArb,
    crashAt: fc.nat(44),
    crashAfterMs: fc.nat(30),
    skewsMs: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: CLIENTS, maxLength: CLIENTS }),
  })
  .map(({ steps, attacks, ...rest }) => ({
    ...rest,
    steps: steps.flatMap((step, i): Step[] => [...attacks.filter((a) => Math.min(a.before, steps.length - 1) === i).map((a) => a.step), step]),
  }));

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

/** What the server should answer a hostile push: a status, and for a refusal its code, the change it names and the field. */
type Answer = { status: number; code?: string; changeId?: string | null; field?: string };

/**
 * The hostile teammate: another user of the team, who pushes over raw HTTP
 * and reads the team's log like any device.
 */
class Hostile {
  readonly id = `hostile-${crypto.randomUUID()}`;
  /** The team's log as this user has read it. */
  readonly log: ServerChange[] = [];
  private counter = 0;

  constructor(
    private readonly url: () => string,
    readonly token: string,
  ) {}

  /** A change stamped with this user's clock (or one `aheadMs` fast). */
  change(over: Partial<Change> & Pick<Change, 'table' | 'recordId' | 'patch'>, aheadMs = 0): Change {
    this.counter += 1;
    const wall = Date.now() + aheadMs;
    return {
      changeId: crypto.randomUUID(), op: 'update', base: Object.fromEntries(Object.keys(over.patch).map((f) => [f, null])),
      hlc: `${String(wall).padStart(15, '0')}:${String(this.counter).padStart(5, '0')}:${this.id}`, at: new Date(wall).toISOString(), ...over,
    };
  }

  /** One change pushed under `clientId` at `seq`; the answer as an `Answer`. */
  async push(change: Change, clientId = this.id, seq = 1): Promise<Answer> {
    const reply = await new Client(this.url(), this.token, clientId).push([{ seq, change }]);
    return answerOf(reply.status, reply.body);
  }

  /** A push body over the size limit, declared by its Content-Length. */
  async pushOversized(change: Change): Promise<Answer> {
    const body = JSON.stringify({ protocol: 1, clientId: this.id, changes: [{ seq: 1, change: { ...change, patch: { notes: 'x'.repeat(MAX_PUSH_BYTES) } } }] });
    const reply = await rawRequest(this.url(), { method: 'POST', path: '/sync/push', headers: { authorization: `Bearer ${this.token}` }, body });
    return answerOf(reply.status, reply.body);
  }

  /** Reads the log up to now. */
  async catchUp(): Promise<void> {
    const client = new Client(this.url(), this.token, this.id);
    for (;;) {
      const reply = await client.pull(this.log.at(-1)?.serverSeq ?? 0);
      expect(reply.status).toBe(200);
      this.log.push(...reply.body.changes);
      if (!reply.body.hasMore) return;
    }
  }
}

function answerOf(status: number, body: unknown): Answer {
  if (status === 200) return { status };
  const error = (body as { error?: { code?: string; change?: { changeId?: string | null; field?: string } } }).error;
  return { status, code: error?.code, ...(error?.change ? { changeId: error.change.changeId ?? null, field: error.change.field } : {}) };
}

describe('randomised convergence of devices through the server', () => {
  it(`converges and loses no edit (seed ${SEED}, ${RUNS} runs)`, async () => {
    // The team (the honest user and the hostile one) is made once; each run starts from a copy of its data folder.
    const template = mkdtempSync(join(tmpdir(), 'tam-desk-convergence-team-'));
    const token = await addUserWithCli(template, 'anna', 'warsaw');
    const hostileToken = await addUserWithCli(template, 'mallory', 'warsaw');
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ steps, crashAt, crashAfterMs, skewsMs }) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'tam-desk-convergence-'));
        cpSync(template, dataDir, { recursive: true });
        const start = () => startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
        let server: ServerProcess = await start();
        const url = () => server.url;
        const hostile = new Hostile(url, hostileToken);
        /** The hostile's forged pushes the server took (under an id no honest device had pushed under yet). */
        const forgedTaken: string[] = [];
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
        const accounts: Account[] = [];
        const cases: SupportCase[] = [];
        /** One hostile push, and the answer it must get. */
        const attack = async ({ attack: kind, client: c, value }: Extract<Step, { kind: 'hostile' }>) => {
          const account = accounts[value % ACCOUNTS]!.id;
          const onAccount = (patch: Record<string, unknown>, aheadMs = 0) => hostile.change({ table: 'accounts', recordId: account, patch }, aheadMs);
          const refused = (change: Change, field: string, code = 'change_refused'): Answer => ({ status: 400, code, changeId: change.changeId, field });
          let change: Change;
          let expected: Answer;
          if (kind === 'wrong-tags' || kind === 'wrong-contacts' || kind === 'wrong-calendar') {
            const [field, wrong] = kind === 'wrong-tags' ? ['tags', 5] : kind === 'wrong-contacts' ? ['contacts', 'x'] : ['calendar', null];
            change = onAccount({ [field]: wrong });
            expected = refused(change, field);
          } else if (kind === 'long-text') {
            change = onAccount({ notes: 'x'.repeat(20_001) });
            expected = refused(change, 'notes');
          } else if (kind === 'nul-text') {
            change = onAccount({ notes: `note ${value}\u0000with a NUL` });
            expected = refused(change, 'notes');
          } else if (kind === 'lone-surrogate') {
            change = onAccount({ notes: `cut in an emoji \uD83D` });
            expected = refused(change, 'notes');
          } else if (kind === 'unknown-field') {
            change = onAccount({ vip: true });
            expected = refused(change, 'vip');
          } else if (kind === 'skewed-clock') {
            change = onAccount({ notes: 'from an hour ahead' }, 3_600_000);
            expected = refused(change, 'hlc', 'clock_skew');
          } else if (kind === 'oversized-body') {
            expect(await hostile.pushOversized(onAccount({}))).toEqual({ status: 413, code: 'payload_too_large' });
            return;
          } else if (kind === 'rewrite-timeline') {
            // An entry the team's log holds, written again: a create under its id (or any other op).
            await hostile.catchUp();
            const stored = hostile.log.filter((s) => s.change.table === 'timeline' && s.author === 'anna');
            const target = stored[value % Math.max(stored.length, 1)];
            const op = target && value % 2 === 0 ? 'create' : 'update';
            change = hostile.change({ table: 'timeline', recordId: target?.change.recordId ?? newId(), op, patch: { body: 'rewritten' } });
            expected = refused(change, op === 'create' ? 'id' : 'op');
          } else {
            // Under an honest device's id, at a seq it has used or will use.
            const db = dbs[c]!;
            const id = await deviceId(db);
            const acknowledged = ((await db.meta.get(ACKNOWLEDGED_SEQ_KEY))?.value as number | undefined) ?? 0;
            const waiting = await db.outbox.count();
            const seq = value % 2 === 0 && acknowledged > 0 ? 1 + (value % acknowledged) : acknowledged + 1 + (value % Math.max(waiting, 1));
            // Tags: a field only forged pushes write, so a device that skipped one would show it.
            // Stamped 3 minutes ahead (within the skew bound): it outranks every honest write of the field.
            change = onAccount({ tags: [`forged-${value}`] }, 180_000);
            await hostile.catchUp();
            const under = hostile.log.filter((s) => s.clientId === id);
            // The id is the first pusher's: the honest user's, or (taken earlier) the hostile's own, where a stored seq is still not overwritten.
            const owner = under[0]?.author ?? 'mallory';
            expected = owner === 'anna' || under.some((s) => s.clientSeq === seq) ? { status: 409, code: 'device_conflict' } : { status: 200 };
            const answer = await hostile.push(change, id, seq);
            expect(answer, `forged seq ${seq} under ${id}`).toMatchObject(expected);
            if (answer.status === 200) {
              forgedTaken.push(change.changeId);
              const key = `accounts/${account}/tags`;
              writes.set(key, [...(writes.get(key) ?? []), { hlc: change.hlc, value: change.patch.tags }]);
            }
            return;
          }
          expect(await hostile.push(change), kind).toEqual(expected);
        };
        try {
          for (let i = 0; i < ACCOUNTS; i++) {
            const fields: AccountFields = { ...emptyAccountFields('Europe/Warsaw'), name: `Account ${i}` };
            const a = await createAccount(dbs[0]!, fields, { now: now(0) });
            accounts.push(a);
            remember('accounts', a, [...ACCOUNT_FIELDS, 'tags']);
          }
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
            } else if (step.kind === 'hostile') {
              await attack(step);
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
          for (const db of dbs) expect({ waiting: await db.outbox.count(), setAside: await db.setAside.toArray() }).toEqual({ waiting: 0, setAside: [] });
          // Of the hostile's pushes, the log holds only the forged ones it took.
          await hostile.catchUp();
          expect(hostile.log.filter((s) => s.author === 'mallory').map((s) => s.change.changeId).sort()).toEqual([...forgedTaken].sort());
          // Every field written (a forged edit the server took included) holds its latest write.
          for (const [key, written] of writes) {
            const [table, id, field] = key.split('/') as [SyncedTable, string, string];
            const latest = [...written].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).at(-1)!.value;
            const final = (await dbs[0]!.table(table).get(id)) as Record<string, unknown>;
            expect(final[field], key).toEqual(latest);
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
    ).finally(() => rmSync(template, { recursive: true, force: true }));
  }, TIME_LIMIT_MS);
});
