import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountFields } from '@shared/domain/account';
import { createAccount } from '../../../../renderer/data/accounts';
import { openDb, type ConflictRow, type TamDeskDb } from '../../../../renderer/data/db';
import { resolveConflict, unresolvedConflicts, unresolvedCount } from '../../../../renderer/data/sync/conflicts';

/** Settling a conflict writes the chosen text like any edit (record + outbox) and closes the conflict. */
describe('resolveConflict', () => {
  let db: TamDeskDb;
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('writes the chosen notes through the repository, to the outbox, and marks the conflict resolved', async () => {
    db = openDb(`conflicts-${crypto.randomUUID()}`);
    const account = await createAccount(db, { ...emptyAccountFields('Europe/Warsaw'), name: 'Bursztyn', notes: 'Mine' });
    const row: ConflictRow = {
      key: 'k1',
      table: 'accounts',
      recordId: account.id,
      field: 'notes',
      winner: { value: 'Mine', hlc: '001700000000000:00000:a' },
      loser: { value: 'Theirs', hlc: '001700000000000:00001:b', author: 'ewa' },
      detectedAt: new Date().toISOString(),
      resolvedAt: null,
    };
    await db.conflicts.put(row);
    expect(await unresolvedCount(db)).toBe(1);
    const before = await db.outbox.count();

    await resolveConflict(db, 'k1', 'Mine and theirs');

    expect((await db.accounts.get(account.id))?.notes).toBe('Mine and theirs');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(before + 1);
    expect(outbox.at(-1)).toMatchObject({ op: 'update', recordId: account.id, patch: { notes: 'Mine and theirs' } });
    expect(await unresolvedCount(db)).toBe(0);
    expect(await unresolvedConflicts(db)).toEqual([]);
    expect((await db.conflicts.get('k1'))?.resolvedAt).toEqual(expect.any(String));
    // Settling again changes nothing.
    await resolveConflict(db, 'k1', 'Other');
    expect((await db.accounts.get(account.id))?.notes).toBe('Mine and theirs');
  });
});
