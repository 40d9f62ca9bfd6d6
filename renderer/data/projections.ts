import type { Table } from 'dexie';
import type { Account } from '@shared/domain/account';
import { summarizeAccount } from '@shared/domain/account-search';
import type { SyncedTable } from '@shared/domain/tables';
import type { TamDeskDb } from './db';

/**
 * Local read models derived from synced records, rewritten in the same
 * transaction as the record they come from. They never sync: every device
 * derives its own.
 */
type Projection = { table: string; project: (record: never) => unknown };

export const PROJECTIONS: Partial<Record<SyncedTable, Projection>> = {
  accounts: { table: 'accountSummaries', project: (a: Account) => summarizeAccount(a) },
};

/** Every table a write to `table` touches: the records, their projections, the outbox, the clock. */
export function writeScope(db: TamDeskDb, tables: readonly SyncedTable[]): Table[] {
  const projected = tables.flatMap((t) => (PROJECTIONS[t] ? [db.table(PROJECTIONS[t].table)] : []));
  return [...tables.map((t) => db.table(t)), ...projected, db.outbox, db.meta];
}

export async function writeProjections(db: TamDeskDb, table: SyncedTable, records: readonly unknown[]): Promise<void> {
  const projection = PROJECTIONS[table];
  if (!projection) return;
  await db.table(projection.table).bulkPut(records.map((r) => projection.project(r as never)));
}
