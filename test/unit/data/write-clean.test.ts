import { describe, expect, it } from 'vitest';
import { generateDemoAccounts } from '@shared/demo/generator';
import { emptyAccountFields } from '@shared/domain/account';
import { checkChange } from '@shared/sync/validate';
import { addAccounts, createAccount, updateAccount } from '../../../renderer/data/accounts';
import type { TamDeskDb } from '../../../renderer/data/db';
import { throwawayDatabases } from './throwaway-db';

/**
 * Every write cleans its text (no NUL, a lone surrogate becomes U+FFFD), so
 * no local write makes a change the server, or a teammate's replica, refuses.
 */
const device = throwawayDatabases('write-clean');

const outboxChecks = async (db: TamDeskDb) => (await db.outbox.toArray()).map(({ seq: _key, ...change }) => checkChange(change).ok);

describe('text on every write', () => {
  it('drops NULs and replaces half an emoji, in the record and its change, nested values included', async () => {
    const db = device();
    const account = await createAccount(db, { ...emptyAccountFields('Europe/Warsaw'), name: 'Bursztyn\u0000 Handel', notes: 'Cut here: \uD83D' });
    expect(account.name).toBe('Bursztyn Handel');
    expect(account.notes).toBe('Cut here: \uFFFD');
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, archivedAt: _a, clocks: _k, ...fields } = account;
    await updateAccount(db, account.id, { ...fields, tags: ['retail\u0000'] });
    expect((await db.accounts.get(account.id))?.tags).toEqual(['retail']);
    expect(await outboxChecks(db)).toEqual([true, true]);
  });

  it('cleans records written in bulk (demo data, a backup)', async () => {
    const db = device();
    const [account] = generateDemoAccounts({ count: 1 });
    await addAccounts(db, [{ ...account!, notes: 'From a file\u0000 with \uDE00 in it' }]);
    expect((await db.accounts.get(account!.id))?.notes).toBe('From a file with \uFFFD in it');
    expect(await outboxChecks(db)).toEqual([true]);
  });
});
