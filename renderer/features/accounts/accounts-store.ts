import { create } from 'zustand';
import { emptyAccountFilter, type AccountFilter, type AccountSortKey, type SortDirection } from '@shared/domain/account-search';

/** The Accounts screen's filters and sort: UI state, kept while you move around the app. */
type AccountsUi = {
  filter: AccountFilter;
  sort: { key: AccountSortKey; direction: SortDirection };
  setFilter: (patch: Partial<AccountFilter>) => void;
  sortBy: (key: AccountSortKey) => void;
};

export const useAccountsUi = create<AccountsUi>((set) => ({
  filter: emptyAccountFilter,
  sort: { key: 'name', direction: 'ascending' },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  sortBy: (key) =>
    set((s) => ({
      sort: { key, direction: s.sort.key === key && s.sort.direction === 'ascending' ? 'descending' : 'ascending' },
    })),
}));
