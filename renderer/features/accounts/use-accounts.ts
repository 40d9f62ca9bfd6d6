import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { indexAccounts } from '@shared/domain/account-search';
import { db } from '../../data/database';

/** Every account, live from the database, with its search index built once per change. */
export function useAccountIndex() {
  const accounts = useLiveQuery(() => db.accounts.toArray(), []);
  return useMemo(() => (accounts ? { accounts, index: indexAccounts(accounts) } : undefined), [accounts]);
}

/** The account, `null` when there is none with this id, `undefined` while loading. */
export const useAccount = (id: string | undefined) =>
  useLiveQuery(async () => (id ? ((await db.accounts.get(id)) ?? null) : null), [id]);
