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
  const { escalatedOnly, accountId } = filter;
  const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const problemTypes = filter.problemTypes.length > 0 ? new Set(filter.problemTypes) : null;
  const priorities = filter.priorities.length > 0 ? new Set(filter.priorities) : null;
  const slaStates = filter.slaStates.length > 0 ? new Set(filter.slaStates) : null;
  const out: RatedCase[] = [];
  // A plain loop with the checks hoisted: this runs over every case per keystroke.
  rows: for (let i = 0; i < cases.length; i++) {
    const rated = cases[i]!;
    const c = rated.summary;
    if (escalatedOnly && !c.escalated) continue;
    if (accountId !== null && c.accountId !== accountId) continue;
    if (statuses && !statuses.has(c.status)) continue;
    if (problemTypes && !problemTypes.has(c.problemType)) continue;
    if (priorities && !priorities.has(c.priority)) continue;
    if (slaStates && !slaStates.has(rated.rating.state)) continue;
    for (let w = 0; w < words.length; w++) if (!c.haystack.includes(words[w]!)) continue rows;
    out.push(rated);
  }
  return out;
}

/** Nearest due first (cases with no clock due last, newest first among them): the Escalations order. */
export function byNearestDue(cases: RatedCase[]): RatedCase[] {
  const due = (c: RatedCase) => c.rating.nextDueAt?.getTime() ?? Infinity;
  return cases.sort((a, b) => due(a) - due(b) || b.summary.openedAt.localeCompare(a.summary.openedAt));
}
