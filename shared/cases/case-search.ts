import type { SupportCase } from '../domain/case';
import { foldForSearch } from '../domain/account-search';
import { slaSummary, type SlaState, type SlaSummary } from './sla-clocks';
import type { CaseSummary } from './summary';

/**
 * The case list's filters and search-as-you-type, over case summaries (the
 * same idea as the Accounts list: rate and sort once per data change or
 * minute, then a keystroke is a scan of small rows).
 */
export type CaseFilter = {
  query: string;
  statuses: SupportCase['status'][];
  accountId: string | null;
  problemTypes: SupportCase['problemType'][];
  priorities: SupportCase['priority'][];
  slaStates: SlaState[];
  escalatedOnly: boolean;
};

export const emptyCaseFilter: CaseFilter = { query: '', statuses: [], accountId: null, problemTypes: [], priorities: [], slaStates: [], escalatedOnly: false };

/** A case summary with its SLA rated at one instant. */
export type RatedCase = { summary: CaseSummary; rating: SlaSummary };

/** Rates every case's SLA at `now`, dropping tombstones. */
export function rateCases(summaries: readonly CaseSummary[], now: Date | number): RatedCase[] {
  const out: RatedCase[] = [];
  for (const summary of summaries) if (!summary.deletedAt) out.push({ summary, rating: slaSummary(summary.sla, now) });
  return out;
}

export function filterCases(cases: readonly RatedCase[], filter: CaseFilter): RatedCase[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  const out: RatedCase[] = [];
  for (const rated of cases) {
    const c = rated.summary;
    if (filter.escalatedOnly && !c.escalated) continue;
    if (filter.accountId !== null && c.accountId !== filter.accountId) continue;
    if (filter.statuses.length > 0 && !filter.statuses.includes(c.status)) continue;
    if (filter.problemTypes.length > 0 && !filter.problemTypes.includes(c.problemType)) continue;
    if (filter.priorities.length > 0 && !filter.priorities.includes(c.priority)) continue;
    if (filter.slaStates.length > 0 && !filter.slaStates.includes(rated.rating.state)) continue;
    if (words.length > 0 && !words.every((w) => c.haystack.includes(w))) continue;
    out.push(rated);
  }
  return out;
}

/** Nearest due first (cases with no clock due last, newest first among them): the Escalations order. */
export function byNearestDue(cases: RatedCase[]): RatedCase[] {
  const due = (c: RatedCase) => c.rating.nextDueAt?.getTime() ?? Infinity;
  return cases.sort((a, b) => due(a) - due(b) || b.summary.openedAt.localeCompare(a.summary.openedAt));
}
