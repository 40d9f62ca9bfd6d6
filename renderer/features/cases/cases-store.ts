import { create } from 'zustand';
import { emptyCaseFilter, type CaseFilter } from '@shared/cases/case-search';

/** The Cases screen's filters: UI state, kept while you move around the app. */
type CasesUi = { filter: CaseFilter; setFilter: (patch: Partial<CaseFilter>) => void };

export const useCasesUi = create<CasesUi>((set) => ({
  filter: emptyCaseFilter,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
}));
