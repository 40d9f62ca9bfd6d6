import { describe, expect, it } from 'vitest';
import { generateDemoAccounts } from '@shared/demo/generator';
import { sortAccounts, summarizeAccount } from '@shared/domain/account-search';
import { matchAccounts, PALETTE_ACCOUNT_LIMIT } from '../../../renderer/app/palette/palette-accounts';
import { matchActions, type PaletteAction } from '../../../renderer/app/palette/palette-actions';

const actions: PaletteAction[] = [
  { id: 'newAccount', label: 'New account', keywords: 'create add' },
  { id: 'goSettings', label: 'Przejdź do ustawień', keywords: 'godziny pracy' },
  { id: 'exportBackup', label: 'Export backup', keywords: 'json' },
];

describe('palette actions', () => {
  it('shows every action for an empty query', () => {
    expect(matchActions(actions, '  ')).toHaveLength(3);
  });
  it('matches every word in the label or keywords, ignoring case and Polish diacritics', () => {
    expect(matchActions(actions, 'ACC new').map((a) => a.id)).toEqual(['newAccount']);
    expect(matchActions(actions, 'ustawien').map((a) => a.id)).toEqual(['goSettings']);
    expect(matchActions(actions, 'json').map((a) => a.id)).toEqual(['exportBackup']);
    expect(matchActions(actions, 'zzz')).toEqual([]);
  });
});

describe('palette accounts', () => {
  const accounts = generateDemoAccounts({ count: 5000 });
  const index = sortAccounts(accounts.map(summarizeAccount), 'name', 'ascending');

  it('caps what it renders but counts every match, never archived ones', () => {
    const all = matchAccounts(index, '');
    expect(all.shown).toHaveLength(PALETTE_ACCOUNT_LIMIT);
    expect(all.total).toBe(accounts.filter((a) => !a.archivedAt).length);
  });

  it('puts names that start with the query first', () => {
    const { shown } = matchAccounts(index, 'wisła');
    expect(shown.length).toBeGreaterThan(0);
    const firstOther = shown.findIndex((a) => !a.name.toLowerCase().startsWith('wisła'));
    if (firstOther >= 0) expect(shown.slice(firstOther).every((a) => !a.name.toLowerCase().startsWith('wisła'))).toBe(true);
    expect(shown[0]!.name.toLowerCase().startsWith('wisła')).toBe(true);
  });

  it('finds an account by its domain or org id', () => {
    const target = accounts.find((a) => !a.archivedAt)!;
    expect(matchAccounts(index, target.orgId).shown.map((a) => a.id)).toContain(target.id);
    expect(matchAccounts(index, target.sendingDomains[0]!.domain).shown.map((a) => a.id)).toContain(target.id);
  });
});
