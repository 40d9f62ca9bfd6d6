import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/database';
import { caseTimeline } from '../../data/cases';

/** Every case's summary, live from the database. */
export const useCaseSummaries = () => useLiveQuery(() => db.caseSummaries.toArray(), []);

/** The case, `null` when there is none with this id, `undefined` while loading. */
export const useCase = (id: string | undefined) => useLiveQuery(async () => (id ? ((await db.cases.get(id)) ?? null) : null), [id]);

export const useCaseTimeline = (id: string | undefined) => useLiveQuery(async () => (id ? caseTimeline(db, id) : []), [id]);

/** The summaries of one account's cases, newest first. */
export const useAccountCases = (accountId: string | undefined) =>
  useLiveQuery(
    async () => (accountId ? (await db.caseSummaries.where('accountId').equals(accountId).toArray()).sort((a, b) => b.openedAt.localeCompare(a.openedAt)) : []),
    [accountId],
  );
