import { generateDemoCases } from '@shared/demo/cases';
import { generateDemoAccounts } from '@shared/demo/generator';
import { addAccounts } from '../../data/accounts';
import { createRecords } from '../../data/write';
import type { TamDeskDb } from '../../data/db';
import { writeScope } from '../../data/projections';

/** Demo data goes only into an empty database, so it never mixes with real accounts. */
export class NotEmptyError extends Error {
  constructor() {
    super('The database already has accounts');
  }
}

/**
 * Loads the seeded demo accounts (60 by default) and Support Cases on a
 * third of them, dated up to `now`. The emptiness check and the insert share
 * one transaction, so a double click cannot load them twice. Returns the
 * number of accounts.
 */
export async function loadDemoData(db: TamDeskDb, count = 60, now = new Date()): Promise<number> {
  const accounts = generateDemoAccounts({ count });
  const { policies, cases, entries } = generateDemoCases(accounts, now);
  return db.transaction('rw', writeScope(db, ['accounts', 'slaPolicies', 'cases', 'timeline']), async () => {
    if ((await db.accounts.count()) > 0) throw new NotEmptyError();
    const added = await addAccounts(db, accounts);
    await createRecords(db, 'slaPolicies', policies, { now });
    await createRecords(db, 'cases', cases, { now });
    await createRecords(db, 'timeline', entries, { now });
    return added;
  });
}
