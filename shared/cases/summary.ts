import type { Account } from '../domain/account';
import { foldForSearch } from '../domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '../domain/case';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { slaDigest, targetsForCase, type SlaDigest, type SlaTargets } from './sla-clocks';
import { caseStatus, isOpenStatus } from './timeline';

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
  /** Where the case stands for the lists that watch it (indexed, see CaseLane). */
  lane: CaseLane;
  /** Lower case, accent-free: title, account, agent, escalation reason. */
  haystack: string;
  calendar: BusinessCalendar;
  targets: SlaTargets;
  entries: SummaryEntry[];
};

/**
 * The case's lane, an indexed field, so that the alerts and the Escalations
 * dashboard read only the cases they watch (a few hundred) instead of every
 * case: 'escalated' is open (by its timeline), escalated and not deleted;
 * 'escalated-closed' was escalated and is resolved or closed; 'open' and
 * 'closed' the same for cases that are not escalated; 'deleted' a tombstone.
 */
export type CaseLane = 'escalated' | 'escalated-closed' | 'open' | 'closed' | 'deleted';

export function caseLane(c: Pick<CaseSummary, 'escalated' | 'deletedAt' | 'status'>): CaseLane {
  if (c.deletedAt) return 'deleted';
  const open = isOpenStatus(c.status);
  if (c.escalated) return open ? 'escalated' : 'escalated-closed';
  return open ? 'open' : 'closed';
}

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
  const status = caseStatus(c, kept);
  return {
    id: c.id,
    accountId: c.accountId,
    accountName: account.name,
    timeZone: account.calendar.timeZone,
    title: c.title,
    status,
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
    lane: caseLane({ escalated: c.escalated, deletedAt: c.deletedAt, status }),
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
  const status = caseStatus(summary, entries);
  return {
    ...summary,
    entries,
    status,
    lane: caseLane({ ...summary, status }),
    sla: slaDigest(summary, entries.filter((e) => !e.deletedAt), summary.targets, summary.calendar),
  };
}
