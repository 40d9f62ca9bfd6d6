import type { AccountFields } from '@shared/domain/account';
import type { SyncedTable } from '@shared/domain/tables';
import { parseHlc } from '@shared/sync/hlc';
import { updateAccount } from '../accounts';
import type { ConflictRow, TamDeskDb } from '../db';
import { writeRecord } from '../write';

/**
 * The conflicts inbox: text fields that two people edited at the same time.
 * Sync kept the later edit in the record and the other in the conflict row;
 * settling it writes the chosen (or merged) text like any edit, through the
 * repository, so it goes to the outbox and syncs, then marks the row resolved.
 * Keeping the text shown now is written too (the same value, a new clock, on
 * top of it): that edit is what settles the conflict on the other devices.
 */
export const unresolvedConflicts = (db: TamDeskDb): Promise<ConflictRow[]> =>
  db.conflicts
    .filter((c) => c.resolvedAt === null)
    .toArray()
    .then((rows) => rows.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt)));

export { unresolvedCount } from './conflict-count';

/** When a side was written, from its clock. */
export const writtenAt = (hlc: string): Date => new Date(parseHlc(hlc).wall);

export async function resolveConflict(db: TamDeskDb, key: string, value: string, now = new Date()): Promise<void> {
  const conflict = await db.conflicts.get(key);
  if (!conflict || conflict.resolvedAt !== null) return;
  if (conflict.table === 'accounts') {
    const account = await db.accounts.get(conflict.recordId);
    if (!account) throw new Error(`Account ${conflict.recordId} is not on this device`);
    await updateAccount(db, account.id, { ...account, [conflict.field]: value } as AccountFields, { now, rewrite: [conflict.field] });
  } else {
    await writeRecord(db, conflict.table as SyncedTable, 'update', conflict.recordId, { [conflict.field]: value }, { now, rewrite: [conflict.field] });
  }
  // Every open conflict on this same field is settled by this one choice.
  await db.conflicts
    .where('[table+recordId]')
    .equals([conflict.table, conflict.recordId])
    .filter((c) => c.field === conflict.field && c.resolvedAt === null)
    .modify({ resolvedAt: now.toISOString() });
}
