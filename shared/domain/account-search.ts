import type { Account } from './account';
import { accountIps, primaryContact } from './account-parts';

/**
 * The Accounts list and search-as-you-type. Each account is summarised once,
 * when it is written, into the few fields a row shows plus one lower-cased,
 * accent-free haystack (name, org id, domains, IPs, contacts, owner, tags,
 * ESP). The list loads only these small summaries, and a keystroke is a
 * string scan over them.
 */
export type AccountSummary = {
  id: string;
  name: string;
  orgId: string;
  ownerTam: string;
  tier: Account['tier'];
  timeZone: string;
  dailyVolume: number | null;
  tags: string[];
  archivedAt: string | null;
  deletedAt: string | null;
  updatedAt: string;
  primaryDomain: string | null;
  domainCount: number;
  ipCount: number;
  primaryContact: string | null;
  haystack: string;
};

/** Lower case without diacritics, so "wisla" finds "Wisła". */
export const foldForSearch = (s: string) =>
  s.toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');

export function summarizeAccount(account: Account): AccountSummary {
  const ips = accountIps(account);
  return {
    id: account.id,
    name: account.name,
    orgId: account.orgId,
    ownerTam: account.ownerTam,
    tier: account.tier,
    timeZone: account.timeZone,
    dailyVolume: account.dailyVolume,
    tags: account.tags,
    archivedAt: account.archivedAt,
    deletedAt: account.deletedAt,
    updatedAt: account.updatedAt,
    primaryDomain: account.sendingDomains[0]?.domain ?? null,
    domainCount: account.sendingDomains.length,
    ipCount: ips.length,
    primaryContact: primaryContact(account)?.name ?? null,
    haystack: foldForSearch(
      [
        account.name,
        account.orgId,
        account.ownerTam,
        account.migratingFromEsp,
        ...account.tags,
        ...account.sendingDomains.map((d) => d.domain),
        ...ips,
        ...account.contacts.flatMap((c) => [c.name, c.email, c.phone]),
      ].join('\u0000'),
    ),
  };
}

export type AccountFilter = {
  query: string;
  tags: string[];
  owner: string | null;
  includeArchived: boolean;
};

export const emptyAccountFilter: AccountFilter = { query: '', tags: [], owner: null, includeArchived: false };

/**
 * The summaries that pass the filter, in the order given (sort once, filter
 * per keystroke). Tombstoned (deleted) accounts never show.
 */
export function filterAccounts(summaries: readonly AccountSummary[], filter: AccountFilter): AccountSummary[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  const out: AccountSummary[] = [];
  for (const s of summaries) {
    if (s.deletedAt) continue;
    if (!filter.includeArchived && s.archivedAt) continue;
    if (filter.owner !== null && s.ownerTam !== filter.owner) continue;
    if (filter.tags.length > 0 && !filter.tags.every((t) => s.tags.includes(t))) continue;
    if (words.length > 0 && !words.every((w) => s.haystack.includes(w))) continue;
    out.push(s);
  }
  return out;
}

export type AccountSortKey = 'name' | 'ownerTam' | 'tier' | 'timeZone' | 'dailyVolume' | 'updatedAt';
export type SortDirection = 'ascending' | 'descending';
type Sortable = Pick<AccountSummary, AccountSortKey>;

const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

/** Sorts in place and returns the list; ties fall back to the name. */
export function sortAccounts<T extends Sortable>(accounts: T[], key: AccountSortKey, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: T, b: T): number => {
    if (key === 'dailyVolume') return ((a.dailyVolume ?? -1) - (b.dailyVolume ?? -1)) * sign;
    if (key === 'updatedAt') return a.updatedAt.localeCompare(b.updatedAt) * sign;
    return collator.compare(a[key], b[key]) * sign || collator.compare(a.name, b.name);
  };
  return accounts.sort(compare);
}
