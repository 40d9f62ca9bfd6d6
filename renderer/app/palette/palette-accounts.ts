import { filterAccounts, foldForSearch, type AccountSummary } from '@shared/domain/account-search';

/** At most this many accounts are rendered; the rest are a keystroke away. */
export const PALETTE_ACCOUNT_LIMIT = 50;

export type AccountMatches = { shown: AccountSummary[]; total: number };

/**
 * The palette's own account search (cmdk's filter would score every item on
 * every keystroke, which is slow with thousands): the shared search over the
 * account summaries (sorted by name), names that start with the query first,
 * capped. Archived accounts are left out.
 */
export function matchAccounts(summaries: readonly AccountSummary[], query: string, limit = PALETTE_ACCOUNT_LIMIT): AccountMatches {
  const all = filterAccounts(summaries, { query, tags: [], owner: null, includeArchived: false });
  const q = foldForSearch(query.trim());
  if (!q) return { shown: all.slice(0, limit), total: all.length };
  const starts = (a: AccountSummary) => foldForSearch(a.name).startsWith(q);
  const first = all.filter(starts);
  const shown = first.length >= limit ? first.slice(0, limit) : [...first, ...all.filter((a) => !starts(a)).slice(0, limit - first.length)];
  return { shown, total: all.length };
}
