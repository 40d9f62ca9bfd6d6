import type { Account } from '../domain/account';
import { foldForSearch } from '../domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '../domain/case';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { slaDigest, targetsForCase, type SlaDigest, type SlaTargets } from './sla-clocks';
import { caseStatus } from './timeline';

/**
 * What the case list, the Escalations dashboard and the account page need of
 * a case, kept beside it (renderer/data/projections.ts) and rebuilt whenever
 * the case, one of its timeline entries, its account (name, business hours)
 * or the account's SLA policies change. `sla` is everything about the clocks
 * that does not depend on the time: rating it at `now` (slaSummary) is a few
 * comparisons, so 20,000 open cases are re-rated in milliseconds.
 *
 * It also keeps what the clocks were computed from (the timeline's dated
 * facts, the account's calendar, the policy's targets), so that a new
 * timeline entry, the most frequent write, is folded in without reading the
 * case's whole timeline, account and policies again (`withEntries`).
 */
export type CaseSummary = {
  id: string;
  accountId: string;
  accountName: string;
  /** The account's zone, for due times shown in the customer's local time. */
  timeZone: string;
  title: string;
  status: SupportCase['status'];
  priority: SupportCase['priority'];
  problemType: SupportCase['problemType'];
  channel: SupportCase['channel'];
  agent: string;
  escalated: boolean;
  reopenCount: number;
  openedAt: string;
  updatedAt: string;
  deletedAt: string | null;
  sla: SlaDigest;
  /** Lower case, accent-free: title, account, agent, escalation reason. */
  haystack: string;
  calendar: BusinessCalendar;
  targets: SlaTargets;
  entries: SummaryEntry[];
};

/** What the clocks read of a timeline entry. */
export type SummaryEntry = Pick<TimelineEntry, 'id' | 'kind' | 'at' | 'fromStatus' | 'toStatus' | 'deletedAt'>;
type Entry = SummaryEntry;

const compact = ({ id, kind, at, fromStatus, toStatus, deletedAt }: Entry): SummaryEntry => ({ id, kind, at, fromStatus, toStatus, deletedAt });

export function summarizeCase(
  c: SupportCase,
  account: Pick<Account, 'name' | 'calendar'>,
  entries: readonly Entry[],
  policies: readonly SlaPolicy[],
): CaseSummary {
  const targets = targetsForCase(c, policies);
  const kept = entries.map(compact);
  return {
    id: c.id,
    accountId: c.accountId,
    accountName: account.name,
    timeZone: account.calendar.timeZone,
    title: c.title,
    status: caseStatus(c, kept),
    priority: c.priority,
    problemType: c.problemType,
    channel: c.channel,
    agent: c.agent,
    escalated: c.escalated,
    reopenCount: c.reopenCount,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
    deletedAt: c.deletedAt,
    sla: slaDigest(c, kept.filter((e) => !e.deletedAt), targets, account.calendar),
    haystack: foldForSearch([c.title, account.name, c.agent, c.escalationReason].join(' ')),
    calendar: account.calendar,
    targets,
    entries: kept,
  };
}

/** The summary with timeline entries added or replaced (by id): the clocks recomputed from what it kept. */
export function withEntries(summary: CaseSummary, changed: readonly Entry[]): CaseSummary {
  const byId = new Map(summary.entries.map((e) => [e.id, e]));
  for (const e of changed) byId.set(e.id, compact(e));
  const entries = [...byId.values()];
  return { ...summary, entries, status: caseStatus(summary, entries), sla: slaDigest(summary, entries.filter((e) => !e.deletedAt), summary.targets, summary.calendar) };
}
