import { generateDemoAccounts } from '@shared/demo/generator';
import { addAccounts } from '../../data/accounts';
import type { TamDeskDb } from '../../data/db';
import { writeScope } from '../../data/projections';

/** Demo data goes only into an empty database, so it never mixes with real accounts. */
export class NotEmptyError extends Error {
  constructor() {
    super('The database already has accounts');
  }
}

/**
 * Loads the seeded demo accounts (60 by default). The emptiness check and the
 * insert share one transaction, so a double click cannot load them twice.
 */
export async function loadDemoData(db: TamDeskDb, count = 60): Promise<number> {
  const accounts = generateDemoAccounts({ count });
  return db.transaction('rw', writeScope(db, ['accounts']), async () => {
    if ((await db.accounts.count()) > 0) throw new NotEmptyError();
    return addAccounts(db, accounts);
  });
}
