import type { Table } from 'dexie';
import type { Account } from '@shared/domain/account';
import { summarizeAccount } from '@shared/domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '@shared/domain/case';
import type { SyncedTable } from '@shared/domain/tables';
import { summarizeCase, withEntries } from '@shared/cases/summary';
import type { TamDeskDb } from './db';

/**
 * Local read models derived from synced records, rewritten in the same
 * transaction as the records they come from (a local write or a pulled page).
 * They never sync: every device derives its own.
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

const accountSummaries: Projection = {
  stores: ['accountSummaries'],
  reads: [],
  update: (db, records) => db.accountSummaries.bulkPut((records as Account[]).map(summarizeAccount)).then(() => {}),
};

/** Case summaries of the given cases, rebuilt from the case, its timeline, its account and the account's SLA policies. */
async function refreshCaseSummaries(db: TamDeskDb, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const cases = (await db.cases.bulkGet([...new Set(caseIds)])).filter((c): c is SupportCase => c !== undefined);
  const accountIds = [...new Set(cases.map((c) => c.accountId))];
  const [accounts, timelines, policies] = await Promise.all([
    db.accounts.bulkGet(accountIds),
    Promise.all(cases.map((c) => db.timeline.where('caseId').equals(c.id).toArray())),
    Promise.all(accountIds.map((id) => db.slaPolicies.where('accountId').equals(id).toArray())),
  ]);
  const accountById = new Map(accounts.flatMap((a, i) => (a ? [[accountIds[i]!, a] as const] : [])));
  const policiesOf = new Map(accountIds.map((id, i) => [id, policies[i]!]));
  // A case pulled before its account gets its summary when the account lands.
  const summaries = cases.flatMap((c, i) => {
    const account = accountById.get(c.accountId);
    return account ? [summarizeCase(c, account, timelines[i]!, policiesOf.get(c.accountId) ?? [])] : [];
  });
  await db.caseSummaries.bulkPut(summaries);
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
  const updated = summaries.flatMap((s) => (s ? [withEntries(s, byCase.get(s.id)!)] : []));
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
 * large team builds 18,000 summaries once instead of once a page.
 */
export async function flushCaseSummaryQueue(db: TamDeskDb, batch = 500): Promise<void> {
  for (;;) {
    const done = await db.transaction('rw', writeScope(db, ['cases']), async () => {
      const ids = await db.caseSummaryQueue.limit(batch).primaryKeys();
      await refreshCaseSummaries(db, ids);
      await db.caseSummaryQueue.bulkDelete(ids);
      return ids.length < batch;
    });
    if (done) return;
  }
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
 * caller's transaction); `deferred` (a pulled page) queues the ones that can
 * be queued instead.
 */
export async function writeProjections(db: TamDeskDb, table: SyncedTable, records: readonly unknown[], { deferred = false } = {}): Promise<void> {
  if (records.length === 0) return;
  for (const projection of PROJECTIONS[table] ?? []) {
    if (deferred && projection.enqueue) await projection.enqueue(db, records);
    else await projection.update(db, records);
  }
}
