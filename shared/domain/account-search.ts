import type { Account } from './account';
import { accountIps } from './account';

/**
 * Search-as-you-type over accounts: each account is indexed once into one
 * lower-cased haystack (name, org id, domains, IPs, contacts, owner, tags);
 * a query matches when every one of its words occurs in it. Rebuilding the
 * index only when the accounts change keeps a keystroke to a string scan.
 */
export type AccountIndexEntry = { account: Account; haystack: string };

const fold = (s: string) => s.toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');

export function indexAccounts(accounts: readonly Account[]): AccountIndexEntry[] {
  return accounts.map((account) => ({
    account,
    haystack: fold(
      [
        account.name,
        account.orgId,
        account.ownerTam,
        account.migratingFromEsp,
        ...account.tags,
        ...account.sendingDomains.map((d) => d.domain),
        ...accountIps(account),
        ...account.contacts.flatMap((c) => [c.name, c.email, c.phone]),
      ].join('\u0000'),
    ),
  }));
}

export type AccountFilter = {
  query: string;
  tags: string[];
  owner: string | null;
  includeArchived: boolean;
};

export const emptyAccountFilter: AccountFilter = { query: '', tags: [], owner: null, includeArchived: false };

export function filterAccounts(index: readonly AccountIndexEntry[], filter: AccountFilter): Account[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const out: Account[] = [];
  for (const { account, haystack } of index) {
    if (!filter.includeArchived && account.archivedAt) continue;
    if (filter.owner !== null && account.ownerTam !== filter.owner) continue;
    if (filter.tags.length > 0 && !filter.tags.every((t) => account.tags.includes(t))) continue;
    if (words.length > 0 && !words.every((w) => haystack.includes(w))) continue;
    out.push(account);
  }
  return out;
}

export type AccountSortKey = 'name' | 'ownerTam' | 'tier' | 'timeZone' | 'dailyVolume' | 'updatedAt';
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

export function sortAccounts(accounts: Account[], key: AccountSortKey, direction: SortDirection): Account[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: Account, b: Account): number => {
    if (key === 'dailyVolume') return ((a.dailyVolume ?? -1) - (b.dailyVolume ?? -1)) * sign;
    if (key === 'updatedAt') return a.updatedAt.localeCompare(b.updatedAt) * sign;
    return collator.compare(a[key], b[key]) * sign || collator.compare(a.name, b.name);
  };
  return accounts.sort(compare);
}
