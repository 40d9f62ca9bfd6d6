import type { Table } from 'dexie';
import type { Account } from '@shared/domain/account';
import { summarizeAccount } from '@shared/domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '@shared/domain/case';
import type { SyncedTable } from '@shared/domain/tables';
import { summarizeCase, withEntries, type CaseSummary, type SummaryEntry } from '@shared/cases/summary';
import type { TamDeskDb } from './db';

/**
 * Local read models derived from synced records, rewritten in the same
 * transaction as the records they come from; a pulled page queues its case
 * summaries in its transaction instead (see flushCaseSummaryQueue). They
 * never sync: every device derives its own.
 *
 * A projection names the stores it writes and the synced tables it reads, so
 * that every transaction that writes a source table also holds them.
 */
type Projection = {
  stores: string[];
  reads: SyncedTable[];
  update: (db: TamDeskDb, records: readonly unknown[]) => Promise<void>;
  /** For a pulled page: note what to rebuild instead (see flushCaseSummaryQueue). */
  enqueue?: (db: TamDeskDb, records: readonly unknown[]) => Promise<void>;
};

/**
 * `derive` of each record that it can derive: a record another version
 * stored in a shape this one cannot read (an account with `calendar: null`)
 * is skipped, with a warning, and never fails the projection of the others.
 */
function eachSound<T, R>(records: readonly T[], derive: (record: T) => R, what: string): R[] {
  return records.flatMap((record) => {
    try {
      return [derive(record)];
    } catch (error) {
      console.warn(`Skipped the ${what} of ${String((record as { id?: unknown }).id)}:`, error);
      return [];
    }
  });
}

const accountSummaries: Projection = {
  stores: ['accountSummaries'],
  reads: [],
  update: (db, records) => db.accountSummaries.bulkPut(eachSound(records as Account[], summarizeAccount, 'account summary')).then(() => {}),
};

/**
 * The meta row that changes once whenever case summaries have changed: in
 * the transaction of a local write, and once after a sync has rebuilt the
 * summaries its pages queued (never once a page or a batch). Screens and
 * the SLA alerts re-read summaries when it changes, instead of watching the
 * summaries table itself, which a first sync rewrites in many transactions.
 */
export const CASE_SUMMARIES_REVISION = 'caseSummariesRevision';

async function bumpSummariesRevision(db: TamDeskDb): Promise<void> {
  const current = (await db.meta.get(CASE_SUMMARIES_REVISION))?.value;
  await db.meta.put({ key: CASE_SUMMARIES_REVISION, value: (typeof current === 'number' ? current : 0) + 1 });
}

/** Case summaries of the given cases, rebuilt from the case, its timeline, its account and the account's SLA policies. */
async function refreshCaseSummaries(db: TamDeskDb, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const cases = (await db.cases.bulkGet([...new Set(caseIds)])).filter((c) => c !== undefined);
  const accountIds = [...new Set(cases.flatMap((c) => (typeof c.accountId === 'string' ? [c.accountId] : [])))];
  const [accounts, timelines, policies] = await Promise.all([
    db.accounts.bulkGet(accountIds),
    timelinesOf(db, cases.map((c) => c.id)),
    // The policies table is small (a few versions an account): read it whole for many accounts.
    accountIds.length > 50
      ? db.slaPolicies.toArray()
      : Promise.all(accountIds.map((id) => db.slaPolicies.where('accountId').equals(id).toArray())).then((p) => p.flat()),
  ]);
  const accountById = new Map(accounts.flatMap((a, i) => (a ? [[accountIds[i]!, a] as const] : [])));
  await db.caseSummaries.bulkPut(buildCaseSummaries(cases, accountById, timelines, groupBy(policies, (p) => p.accountId)));
}

/**
 * The summaries of the given cases, from what they are built of. A case
 * without an account id (stored by an older version) cannot be summarised,
 * and a case pulled before its account gets its summary when the account lands.
 */
function buildCaseSummaries(
  cases: readonly SupportCase[],
  accountById: ReadonlyMap<string, Account>,
  timelines: ReadonlyMap<string, readonly SummaryEntry[]>,
  policiesOf: ReadonlyMap<string, readonly SlaPolicy[]>,
): CaseSummary[] {
  const summarized = cases.filter((c) => typeof c.accountId === 'string' && accountById.has(c.accountId));
  return eachSound(summarized, (c) => summarizeCase(c, accountById.get(c.accountId)!, timelines.get(c.id) ?? [], policiesOf.get(c.accountId) ?? []), 'case summary');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The timeline entries of the given cases, by case. When the cases are every
 * case in their id range (a first sync rebuilds all of them, in id order),
 * one walk of the caseId index over that range reads them all; otherwise a
 * lookup per case.
 */
async function timelinesOf(db: TamDeskDb, caseIds: readonly string[]): Promise<Map<string, TimelineEntry[]>> {
  if (caseIds.length === 0) return new Map();
  const sorted = [...caseIds].sort();
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  if (sorted.length > 50 && (await db.cases.where(':id').between(first, last, true, true).count()) === sorted.length) {
    return groupBy(await db.timeline.where('caseId').between(first, last, true, true).toArray(), (e) => e.caseId);
  }
  const lists = await Promise.all(sorted.map((id) => db.timeline.where('caseId').equals(id).toArray()));
  return new Map(sorted.map((id, i) => [id, lists[i]!]));
}

/**
 * New or changed timeline entries: folded into their cases' summaries, which
 * keep what the clocks need; a case without a summary yet is built in full.
 */
async function addEntriesToSummaries(db: TamDeskDb, entries: readonly TimelineEntry[]): Promise<void> {
  const byCase = new Map<string, TimelineEntry[]>();
  for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const ids = [...byCase.keys()];
  const summaries = await db.caseSummaries.bulkGet(ids);
  const updated = eachSound(summaries.filter((s) => s !== undefined), (s) => withEntries(s, byCase.get(s.id)!), 'case summary');
  await Promise.all([db.caseSummaries.bulkPut(updated), refreshCaseSummaries(db, ids.filter((_, i) => !summaries[i]))]);
}

const caseIdsOfAccounts = async (db: TamDeskDb, accountIds: readonly string[]) =>
  (await Promise.all([...new Set(accountIds)].map((id) => db.cases.where('accountId').equals(id).primaryKeys()))).flat();

const enqueueCases = async (db: TamDeskDb, ids: readonly string[]) => {
  if (ids.length > 0) await db.caseSummaryQueue.bulkPut([...new Set(ids)].map((id) => ({ id })));
};

type CaseIds = (db: TamDeskDb, records: readonly unknown[]) => Promise<string[]> | string[];
const caseSummaries = (idsOf: CaseIds, update?: Projection['update']): Projection => ({
  stores: ['caseSummaries', 'caseSummaryQueue'],
  reads: ['cases', 'timeline', 'accounts', 'slaPolicies'],
  update: update ?? (async (db, records) => refreshCaseSummaries(db, await idsOf(db, records))),
  enqueue: async (db, records) => enqueueCases(db, await idsOf(db, records)),
});

/**
 * A pulled page only notes which case summaries to rebuild (in the page's
 * transaction, so nothing is forgotten); the sync rebuilds them after the
 * pull, each case once however many pages touched it. A first sync of a
 * large team builds 18,000 summaries once instead of once a page, in
 * batches, and tells the readers of summaries once, at the end.
 *
 * Queued work never blocks a sync: a case whose summary cannot be built is
 * skipped (see eachSound), and a batch that fails as a whole is retried one
 * case at a time, a case that still fails leaving the queue with a warning.
 * Its summary is rebuilt by the next change to it. Only a failing database
 * makes this throw.
 */
export async function flushCaseSummaryQueue(db: TamDeskDb, batch = 200): Promise<void> {
  // Every sync round calls this; most find nothing queued and need no write transaction.
  if ((await db.caseSummaryQueue.count()) === 0) return;
  for (;;) {
    const ids = await db.caseSummaryQueue.limit(batch).primaryKeys();
    if (ids.length === 0) break;
    await rebuildQueued(db, ids).catch(() => rebuildOneByOne(db, ids));
  }
  await bumpSummariesRevision(db);
}

const rebuildQueued = (db: TamDeskDb, ids: readonly string[]) =>
  db.transaction('rw', writeScope(db, ['cases']), async () => {
    await refreshCaseSummaries(db, ids);
    await db.caseSummaryQueue.bulkDelete([...ids]);
  });

async function rebuildOneByOne(db: TamDeskDb, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await rebuildQueued(db, [id]).catch(async (error: unknown) => {
      console.warn(`Skipped the case summary of ${id}:`, error);
      await db.caseSummaryQueue.delete(id);
    });
  }
}

/**
 * The meta row that says a first sync's summaries are not all written yet:
 * set by its first page, cleared with the summaries. A first sync that was
 * cut short (the app closed) leaves it, and the next pull queues every case
 * (recoverFirstSyncSummaries).
 */
const FIRST_SYNC_SUMMARIES = 'firstSyncSummariesPending';

/**
 * The case summaries of a first sync into an empty device, built from the
 * records its pages wrote, kept in memory as they pass (the cases, their
 * timelines reduced to what the clocks read, the accounts, the policies),
 * and written once, when the pull is done. Nothing is queued, and nothing
 * read back: on a device that held no records, what the pages wrote is all
 * there is. Should this device write locally meanwhile (the outbox is no
 * longer empty), the summaries are rebuilt from the database instead.
 */
export type FirstSyncSummaries = ReturnType<typeof firstSyncSummaries>;

export function firstSyncSummaries() {
  const cases = new Map<string, SupportCase>();
  const accounts = new Map<string, Account>();
  const policies = new Map<string, SlaPolicy>();
  const timelines = new Map<string, Map<string, SummaryEntry>>();
  const keep: Partial<Record<SyncedTable, (record: never) => void>> = {
    cases: (c: SupportCase) => cases.set(c.id, c),
    accounts: (a: Account) => accounts.set(a.id, a),
    slaPolicies: (p: SlaPolicy) => policies.set(p.id, p),
    timeline: (e: TimelineEntry) => {
      const { id, caseId, kind, at, fromStatus, toStatus, deletedAt } = e;
      const timeline = timelines.get(caseId) ?? new Map<string, SummaryEntry>();
      timelines.set(caseId, timeline.set(id, { id, kind, at, fromStatus, toStatus, deletedAt }));
    },
  };
  return {
    /** In the page's transaction: notes that it wrote these records, and that summaries are pending. */
    async collect(db: TamDeskDb, table: SyncedTable, records: readonly unknown[]): Promise<void> {
      const add = keep[table] as ((record: unknown) => void) | undefined;
      if (!add || records.length === 0) return;
      for (const record of records) add(record);
      if (cases.size > 0) await db.meta.put({ key: FIRST_SYNC_SUMMARIES, value: true });
    },
    /**
     * Writes every summary, a chunk a transaction (a transaction's changes
     * reach the window's live queries as one message: 18,000 keys in one
     * would hold its thread); the readers of summaries are told once, at the end.
     */
    async write(db: TamDeskDb, chunk = 1000): Promise<void> {
      if (cases.size === 0) return;
      // As a pulled page does (writeProjections): a case whose create has not arrived gets no summary.
      const created = [...cases.values()].filter((c) => c.clocks.createdAt !== undefined);
      const byAccount = groupBy([...policies.values()], (p) => p.accountId);
      for (let from = 0; from < created.length || from === 0; from += chunk) {
        const last = from + chunk >= created.length;
        const done = await db.transaction('rw', writeScope(db, ['cases']), async () => {
          if ((await db.outbox.count()) > 0) {
            await enqueueCases(db, created.slice(from).map((c) => c.id));
          } else {
            const some = created.slice(from, from + chunk);
            const entries = new Map(some.map((c) => [c.id, [...(timelines.get(c.id)?.values() ?? [])]]));
            await db.caseSummaries.bulkPut(buildCaseSummaries(some, accounts, entries, byAccount));
            if (!last) return false;
            await bumpSummariesRevision(db);
          }
          await db.meta.delete(FIRST_SYNC_SUMMARIES);
          return true;
        });
        if (done) return;
      }
    },
  };
}

/** Queues every case for its summary if a first sync was cut short before it wrote them (see FIRST_SYNC_SUMMARIES). */
export async function recoverFirstSyncSummaries(db: TamDeskDb): Promise<void> {
  if (!(await db.meta.get(FIRST_SYNC_SUMMARIES))) return;
  await db.transaction('rw', [db.cases, db.caseSummaryQueue, db.meta], async () => {
    await enqueueCases(db, await db.cases.toCollection().primaryKeys());
    await db.meta.delete(FIRST_SYNC_SUMMARIES);
  });
}

export const PROJECTIONS: Partial<Record<SyncedTable, Projection[]>> = {
  accounts: [accountSummaries, caseSummaries((db, rs) => caseIdsOfAccounts(db, (rs as Account[]).map((a) => a.id)))],
  cases: [caseSummaries((_db, rs) => (rs as SupportCase[]).map((c) => c.id))],
  timeline: [caseSummaries((_db, rs) => (rs as TimelineEntry[]).map((e) => e.caseId), (db, rs) => addEntriesToSummaries(db, rs as TimelineEntry[]))],
  slaPolicies: [caseSummaries((db, rs) => caseIdsOfAccounts(db, (rs as SlaPolicy[]).map((p) => p.accountId)))],
};

/** Every table a write to `tables` touches: the records, what their projections read and write, the outbox, the clock. */
export function writeScope(db: TamDeskDb, tables: readonly SyncedTable[]): Table[] {
  const projections = tables.flatMap((t) => PROJECTIONS[t] ?? []);
  const names = new Set<string>([...tables, ...projections.flatMap((p) => [...p.reads, ...p.stores]), 'outbox', 'meta']);
  return [...names].map((name) => db.table(name));
}

/**
 * Rewrites the projections of records of `table` just written (in the
 * caller's transaction). For a pulled page (`deferred`), the ones that can
 * wait are queued instead, or collected by a first sync, which writes them
 * when its pull is done.
 */
export async function writeProjections(
  db: TamDeskDb,
  table: SyncedTable,
  records: readonly unknown[],
  { deferred }: { deferred?: 'queue' | FirstSyncSummaries } = {},
): Promise<void> {
  if (records.length === 0) return;
  let summariesChanged = false;
  for (const projection of PROJECTIONS[table] ?? []) {
    if (deferred && projection.enqueue) {
      if (deferred === 'queue') await projection.enqueue(db, records);
    } else {
      await projection.update(db, records);
      summariesChanged ||= projection.stores.includes('caseSummaries');
    }
  }
  if (deferred && deferred !== 'queue') await deferred.collect(db, table, records);
  if (summariesChanged) await bumpSummariesRevision(db);
}
