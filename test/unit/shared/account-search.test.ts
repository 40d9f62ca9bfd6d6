import { describe, expect, it } from 'vitest';
import { emptyAccountFilter, filterAccounts, sortAccounts, summarizeAccount } from '@shared/domain/account-search';
import { emptyAccountFields, type Account } from '@shared/domain/account';

let n = 0;
function account(over: Partial<Account>): Account {
  n++;
  return {
    id: `01932c4e-7d1a-7cc3-9e3b-${String(n).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    archivedAt: null,
    clocks: {},
    ...emptyAccountFields('Europe/Warsaw'),
    ...over,
  };
}

const names = (accounts: { name: string }[]) => accounts.map((a) => a.name);

describe('sortAccounts', () => {
  it('sorts names the Polish way, numbers by value, case-insensitively', () => {
    const list = ['Mazury', 'łódź Media', 'Lublin', 'Zorza 10', 'Zorza 2', 'Ćma', 'Cyfra', 'Dąb'].map((name) => account({ name }));
    expect(names(sortAccounts(list, 'name', 'ascending'))).toEqual(['Cyfra', 'Ćma', 'Dąb', 'Lublin', 'łódź Media', 'Mazury', 'Zorza 2', 'Zorza 10']);
    expect(names(sortAccounts(list, 'name', 'descending'))).toEqual(['Zorza 10', 'Zorza 2', 'Mazury', 'łódź Media', 'Lublin', 'Dąb', 'Ćma', 'Cyfra']);
  });

  it('sorts by daily volume with unknown volumes lowest', () => {
    const list = [account({ name: 'A', dailyVolume: 500 }), account({ name: 'B', dailyVolume: null }), account({ name: 'C', dailyVolume: 0 }), account({ name: 'D', dailyVolume: 90_000 })];
    expect(names(sortAccounts(list, 'dailyVolume', 'ascending'))).toEqual(['B', 'C', 'A', 'D']);
    expect(names(sortAccounts(list, 'dailyVolume', 'descending'))).toEqual(['D', 'A', 'C', 'B']);
  });

  it('sorts by last update', () => {
    const list = [
      account({ name: 'old', updatedAt: '2025-05-01T00:00:00.000Z' }),
      account({ name: 'new', updatedAt: '2026-05-01T00:00:00.000Z' }),
      account({ name: 'mid', updatedAt: '2025-12-01T00:00:00.000Z' }),
    ];
    expect(names(sortAccounts(list, 'updatedAt', 'descending'))).toEqual(['new', 'mid', 'old']);
  });

  it('breaks ties by name, A to Z, in both directions', () => {
    const list = [account({ name: 'Beta', ownerTam: 'Ewa' }), account({ name: 'Alfa', ownerTam: 'Ewa' }), account({ name: 'Gamma', ownerTam: 'Adam' })];
    expect(names(sortAccounts(list, 'ownerTam', 'ascending'))).toEqual(['Gamma', 'Alfa', 'Beta']);
    expect(names(sortAccounts(list, 'ownerTam', 'descending'))).toEqual(['Alfa', 'Beta', 'Gamma']);
  });
});

describe('filterAccounts', () => {
  const list = [
    account({ name: 'Żuraw Łączność S.A.', tags: ['fintech'], ownerTam: 'Ewa Lis' }),
    account({ name: 'Northwind Retail Inc.', tags: ['retail', 'b2c'], ownerTam: 'Marcus Reed', migratingFromEsp: 'SendGrid' }),
    account({ name: 'Old Account', archivedAt: '2026-02-01T00:00:00.000Z', ownerTam: 'Ewa Lis' }),
  ];
  const index = list.map(summarizeAccount);

  it('shows every live account for an empty filter', () => {
    expect(names(filterAccounts(index, emptyAccountFilter))).toEqual(['Żuraw Łączność S.A.', 'Northwind Retail Inc.']);
  });

  it('needs every word of the query, in any order and any case', () => {
    expect(names(filterAccounts(index, { ...emptyAccountFilter, query: 'RETAIL north' }))).toEqual(['Northwind Retail Inc.']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, query: 'retail zuraw' }))).toEqual([]);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, query: '  ŁĄCZNOŚĆ  ' }))).toEqual(['Żuraw Łączność S.A.']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, query: 'lacznosc zuraw' }))).toEqual(['Żuraw Łączność S.A.']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, query: 'sendgrid' }))).toEqual(['Northwind Retail Inc.']);
  });

  it('combines owner, tags and archived filters', () => {
    expect(names(filterAccounts(index, { ...emptyAccountFilter, owner: 'Ewa Lis' }))).toEqual(['Żuraw Łączność S.A.']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, owner: 'Ewa Lis', includeArchived: true }))).toEqual(['Żuraw Łączność S.A.', 'Old Account']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, tags: ['retail', 'b2c'] }))).toEqual(['Northwind Retail Inc.']);
    expect(names(filterAccounts(index, { ...emptyAccountFilter, tags: ['retail', 'fintech'] }))).toEqual([]);
  });
});

describe('summarizeAccount', () => {
  it('keeps what a row shows and finds the account by anything a TAM would type', () => {
    const a = account({
      name: 'Wisła Media Sp. z o.o.',
      orgId: 'ORG-123456',
      sendingDomains: [
        { id: '01932c4e-7d1a-7cc3-9e3b-100000000001', domain: 'wisla-media.example.com' },
        { id: '01932c4e-7d1a-7cc3-9e3b-100000000002', domain: 'news.wisla-media.example.com' },
      ],
      ipPools: [{ id: '01932c4e-7d1a-7cc3-9e3b-100000000003', name: 'default', ips: ['192.0.2.7', '2001:db8::7'] }],
      contacts: [
        { id: '01932c4e-7d1a-7cc3-9e3b-100000000004', name: 'Ewa Łęcka', role: 'billing', email: 'ewa@wisla-media.example.com', phone: '', primary: false },
        { id: '01932c4e-7d1a-7cc3-9e3b-100000000005', name: 'Jan Kos', role: 'technical', email: '', phone: '+48 600 100 200', primary: true },
      ],
    });
    const s = summarizeAccount(a);
    expect(s).toMatchObject({ id: a.id, name: a.name, primaryDomain: 'wisla-media.example.com', domainCount: 2, ipCount: 2, primaryContact: 'Jan Kos' });
    const find = (query: string) => filterAccounts([s], { ...emptyAccountFilter, query }).length;
    for (const q of ['wisla', 'WISŁA', 'org-123456', 'news.wisla', '192.0.2.7', '2001:db8::7', 'lecka', 'ewa@', '600 100']) expect(find(q), q).toBe(1);
    expect(find('gdansk')).toBe(0);
  });
});

describe('deleted accounts', () => {
  it('never show, even with archived ones included', () => {
    const live = account({ name: 'Live' });
    const gone = account({ name: 'Gone', deletedAt: '2026-02-01T00:00:00.000Z' });
    const shown = filterAccounts([live, gone].map(summarizeAccount), { ...emptyAccountFilter, includeArchived: true });
    expect(names(shown)).toEqual(['Live']);
  });
});
