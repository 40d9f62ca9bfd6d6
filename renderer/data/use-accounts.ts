import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './database';

/** Every account's list summary, live from the database. */
export const useAccountSummaries = () => useLiveQuery(() => db.accountSummaries.toArray(), []);

/** The account, `null` when there is none with this id, `undefined` while loading. */
export const useAccount = (id: string | undefined) =>
  useLiveQuery(async () => (id ? ((await db.accounts.get(id)) ?? null) : null), [id]);
