import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Account } from '@shared/domain/account';
import { summarizeAccount, type AccountSummary } from '@shared/domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '@shared/domain/case';
import { caseLane, summarizeCase, type CaseSummary } from '@shared/cases/summary';
import type { Evidence, RemediationRequest } from '@shared/domain/remediation';
import type { WarmupActual, WarmupPlan, WarmupPlanRevision } from '@shared/domain/warmup';
import type { OutboxEntry } from '@shared/sync/change';
import type { TextConflict } from '@shared/sync/merge';
import { cleanValue } from '@shared/text';
import type { SetAsideRow } from './sync/set-aside';
import { ACKNOWLEDGED_SEQ_KEY } from './sync/sync-config';

/** A text conflict sync found, until the user settles it. */
export type ConflictRow = TextConflict & { key: string; detectedAt: string; resolvedAt: string | null };

/** Small key-value facts about this device: its id, its clock, its settings. */
export type MetaRow = { key: string; value: unknown };

/**
 * The local database. Every schema change is a new entry in SCHEMA_VERSIONS
 * with, where data must change shape, an upgrade function; a unit test opens
 * data written by the previous version. Never edit a version that shipped.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      accounts: 'id, name, ownerTam, archivedAt, updatedAt, *tags',
      outbox: '++seq, changeId, recordId',
      meta: 'key',
    },
  },
  {
    // Version 2 adds the tables of the later capabilities (cases, warm-up
    // plans, remediation) and per-field clocks, which version 1's accounts
    // lacked: they are backfilled from the record's updatedAt.
    version: 2,
    stores: {
      accounts: 'id, name, ownerTam, archivedAt, updatedAt, *tags',
      cases: 'id, accountId, status, priority, updatedAt',
      timeline: 'id, caseId, accountId, at',
      slaPolicies: 'id, accountId, [accountId+version]',
      warmupPlans: 'id, accountId, status',
      warmupRevisions: 'id, planId, accountId',
      warmupActuals: 'id, planId, accountId, [planId+date]',
      remediationRequests: 'id, accountId, status',
      evidence: 'id, requestId, accountId',
      outbox: '++seq, changeId, recordId',
      meta: 'key',
    },
    upgrade: async (tx: Transaction) => {
      await tx
        .table('accounts')
        .toCollection()
        .modify((account: Record<string, unknown>) => {
          if (account.clocks) return;
          account.deletedAt ??= null;
          const stamp = `${String(Date.parse(String(account.updatedAt))).padStart(15, '0')}:00000:upgrade`;
          account.clocks = Object.fromEntries(Object.keys(account).map((field) => [field, stamp]));
        });
    },
  },
  {
    // Version 3 adds accountSummaries: the few fields the Accounts list shows
    // and its search text, kept beside each account in the same transaction,
    // so that the list loads small rows instead of whole accounts.
    version: 3,
    stores: { accountSummaries: 'id, name' },
    upgrade: async (tx: Transaction) => {
      const accounts = (await tx.table('accounts').toArray()) as Account[];
      await tx.table('accountSummaries').bulkPut(accounts.map(summarizeAccount));
    },
  },
  {
    // Version 4 adds the conflicts inbox: concurrent edits of a free-text
    // field that sync kept both of, for the user to settle.
    version: 4,
    stores: { conflicts: 'key, [table+recordId], resolvedAt' },
  },
  {
    // Version 5 adds caseSummaries: what the case list, the Escalations
    // dashboard and the account page show of a case, with its SLA clocks
    // digested (shared/cases/summary.ts), kept in the same transaction as
    // the case, its timeline, its account and the account's SLA policies.
    version: 5,
    stores: { caseSummaries: 'id, accountId' },
    upgrade: async (tx: Transaction) => {
      const [cases, accounts, entries, policies] = await Promise.all(
        ['cases', 'accounts', 'timeline', 'slaPolicies'].map((t) => tx.table(t).toArray()),
      );
      const accountById = new Map((accounts as Account[]).map((a) => [a.id, a]));
      const summaries = (cases as SupportCase[]).flatMap((c) => {
        const account = accountById.get(c.accountId);
        if (!account) return [];
        const own = (entries as TimelineEntry[]).filter((e) => e.caseId === c.id);
        return [summarizeCase(c, account, own, (policies as SlaPolicy[]).filter((p) => p.accountId === c.accountId))];
      });
      await tx.table('caseSummaries').bulkPut(summaries);
    },
  },
  {
    // Version 6 adds the queue of case summaries to rebuild after a pull
    // (renderer/data/projections.ts, flushCaseSummaryQueue).
    version: 6,
    stores: { caseSummaryQueue: 'id' },
  },
  {
    // Version 7 keeps the changes sync set aside (sync/set-aside.ts), and
    // numbers pushes apart from the outbox key (sync/push.ts) so that a
    // change set aside leaves no gap in the seqs the server acknowledges.
    // Outbox rows from version 1 get their `base`, and text no replica can
    // store is cleaned (in the row and in the record it wrote).
    version: 7,
    stores: { setAside: 'id, direction, [table+recordId]' },
    upgrade: upgradeOutboxTo7,
  },
  {
    // Version 8 indexes each case summary by its lane (shared/cases/summary.ts)
    // and id, so that the SLA alerts and the Escalations dashboard read the
    // open escalated cases alone, not every summary, in chunks by id.
    version: 8,
    stores: { caseSummaries: 'id, accountId, [lane+id]' },
    upgrade: async (tx: Transaction) => {
      await tx
        .table('caseSummaries')
        .toCollection()
        .modify((summary: CaseSummary) => {
          summary.lane = caseLane(summary);
        });
    },
  },
] as const;

async function upgradeOutboxTo7(tx: Transaction): Promise<void> {
  const outbox = tx.table('outbox');
  const entries = (await outbox.orderBy(':id').toArray()) as Required<OutboxEntry>[];
  // Until now the outbox key was the push seq, and a row was deleted only once
  // the server acknowledged it: the server holds every seq before the first
  // row, or, with none left, every key handed out (found by adding a row).
  let acknowledged: number;
  if (entries.length > 0) acknowledged = entries[0]!.seq - 1;
  else {
    const probe = (await outbox.add({})) as number;
    await outbox.delete(probe);
    acknowledged = probe - 1;
  }
  await tx.table('meta').put({ key: ACKNOWLEDGED_SEQ_KEY, value: acknowledged });

  for (const entry of entries) {
    const patch = cleanValue(entry.patch);
    const base = (entry.base as OutboxEntry['base'] | undefined) ?? Object.fromEntries(Object.keys(patch).map((field) => [field, null]));
    if (patch === entry.patch && base === entry.base) continue;
    await outbox.put({ ...entry, patch, base });
    if (patch === entry.patch) continue;
    // The record shows what its change will bring to the team.
    const records = tx.table(entry.table);
    const record = (await records.get(entry.recordId)) as { clocks?: Record<string, string> } | undefined;
    if (!record?.clocks) continue;
    const cleaned = Object.keys(patch).filter((field) => patch[field] !== entry.patch[field] && record.clocks![field] === entry.hlc);
    if (cleaned.length > 0) await records.put({ ...record, ...Object.fromEntries(cleaned.map((field) => [field, patch[field]])) });
  }
}

export type TamDeskDb = Dexie & {
  accounts: EntityTable<Account, 'id'>;
  accountSummaries: EntityTable<AccountSummary, 'id'>;
  caseSummaries: EntityTable<CaseSummary, 'id'>;
  caseSummaryQueue: EntityTable<{ id: string }, 'id'>;
  cases: EntityTable<SupportCase, 'id'>;
  timeline: EntityTable<TimelineEntry, 'id'>;
  slaPolicies: EntityTable<SlaPolicy, 'id'>;
  warmupPlans: EntityTable<WarmupPlan, 'id'>;
  warmupRevisions: EntityTable<WarmupPlanRevision, 'id'>;
  warmupActuals: EntityTable<WarmupActual, 'id'>;
  remediationRequests: EntityTable<RemediationRequest, 'id'>;
  evidence: EntityTable<Evidence, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  conflicts: EntityTable<ConflictRow, 'key'>;
  setAside: EntityTable<SetAsideRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'tam-desk';

/** Opens the database with every schema version up to `upTo` (tests open older ones). */
export function openDb(name = DB_NAME, upTo = SCHEMA_VERSIONS.at(-1)!.version): TamDeskDb {
  const db = new Dexie(name) as TamDeskDb;
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    if ('upgrade' in v) version.upgrade(v.upgrade);
  }
  return db;
}
