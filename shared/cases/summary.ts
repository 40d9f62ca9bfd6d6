import type { Account } from '../domain/account';
import { foldForSearch } from '../domain/account-search';
import type { SlaPolicy, SupportCase, TimelineEntry } from '../domain/case';
import { slaDigest, targetsForCase, type SlaDigest } from './sla-clocks';

/**
 * What the case list, the Escalations dashboard and the account page need of
 * a case, kept beside it (renderer/data/projections.ts) and rebuilt whenever
 * the case, one of its timeline entries, its account (name, business hours)
 * or the account's SLA policies change. `sla` is everything about the clocks
 * that does not depend on the time: rating it at `now` (slaSummary) is a few
 * comparisons, so 20,000 open cases are re-rated in milliseconds.
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
};

type Entry = Pick<TimelineEntry, 'kind' | 'at' | 'fromStatus' | 'toStatus' | 'deletedAt'>;

export function summarizeCase(
  c: SupportCase,
  account: Pick<Account, 'name' | 'calendar'>,
  entries: readonly Entry[],
  policies: readonly SlaPolicy[],
): CaseSummary {
  return {
    id: c.id,
    accountId: c.accountId,
    accountName: account.name,
    timeZone: account.calendar.timeZone,
    title: c.title,
    status: c.status,
    priority: c.priority,
    problemType: c.problemType,
    channel: c.channel,
    agent: c.agent,
    escalated: c.escalated,
    reopenCount: c.reopenCount,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
    deletedAt: c.deletedAt,
    sla: slaDigest(c, entries.filter((e) => !e.deletedAt), targetsForCase(c, policies), account.calendar),
    haystack: foldForSearch([c.title, account.name, c.agent, c.escalationReason].join(' ')),
  };
}
