import type { Table } from 'dexie';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable } from '@shared/domain/tables';
import type { TamDeskDb } from './db';
import { writeScope } from './projections';
import { createRecords, writeRecord, type WriteOptions } from './write';

/**
 * Restoring a JSON backup (shared/backup.ts parses and validates it first).
 *
 * The policy is "add and refresh, never remove":
 * - a record whose id is not on this device is added as it is in the backup;
 * - a record that is here is replaced only when the backup's `updatedAt` is
 *   newer, and never for append-only tables (their records do not change);
 * - nothing is deleted, so importing an old backup cannot lose newer work.
 *
 * Every write goes through write.ts, so each record lands with its outbox
 * entry and syncs like any edit, and the whole import is one transaction:
 * either all of the backup lands or none of it.
 */

type BackupRecord = { id: string; createdAt: string; updatedAt: string; deletedAt: string | null; clocks: Record<string, string> } & {
  [field: string]: unknown;
};

/** The validated tables of a backup; tables it did not mention are empty. */
export type BackupTables = { [T in SyncedTable]?: readonly BackupRecord[] };

export type TableImportCounts = { added: number; updated: number; upToDate: number };
export type ImportSummary = { [T in SyncedTable]: TableImportCounts };

const emptySummary = (): ImportSummary =>
  Object.fromEntries(SYNCED_TABLE_NAMES.map((t) => [t, { added: 0, updated: 0, upToDate: 0 }])) as ImportSummary;

type TablePlan = { create: BackupRecord[]; replace: BackupRecord[]; upToDate: number };

async function planTable(db: TamDeskDb, table: SyncedTable, rows: readonly BackupRecord[]): Promise<TablePlan> {
  const records = db.table(table) as Table<BackupRecord, string>;
  const existing = await records.bulkGet(rows.map((r) => r.id));
  const plan: TablePlan = { create: [], replace: [], upToDate: 0 };
  rows.forEach((row, i) => {
    const here = existing[i];
    if (!here) plan.create.push(row);
    else if (SYNCED_TABLES[table].merge === 'fields' && Date.parse(row.updatedAt) > Date.parse(here.updatedAt)) plan.replace.push(row);
    else plan.upToDate++;
  });
  return plan;
}

/** What importing would do, without writing anything (for the confirmation). */
export async function previewImport(db: TamDeskDb, tables: BackupTables): Promise<ImportSummary> {
  const summary = emptySummary();
  await db.transaction('r', SYNCED_TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const table of SYNCED_TABLE_NAMES) {
      const plan = await planTable(db, table, tables[table] ?? []);
      summary[table] = { added: plan.create.length, updated: plan.replace.length, upToDate: plan.upToDate };
    }
  });
  return summary;
}

/** Imports a validated backup in one transaction; returns what it did. */
export async function importBackup(db: TamDeskDb, tables: BackupTables, options: WriteOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  // createRecords and writeRecord open their own transactions; inside this
  // one (every synced table, their projections, the outbox and the clock)
  // Dexie runs them as nested transactions of it, so they commit together.
  await db.transaction('rw', writeScope(db, SYNCED_TABLE_NAMES), async () => {
    for (const table of SYNCED_TABLE_NAMES) {
      const plan = await planTable(db, table, tables[table] ?? []);
      const counts = summary[table];
      counts.upToDate = plan.upToDate;
      if (plan.create.length > 0) counts.added = await createRecords(db, table, [...plan.create], options);
      const records = db.table(table) as Table<BackupRecord, string>;
      for (const row of plan.replace) {
        const { id, createdAt: _createdAt, updatedAt: _updatedAt, clocks: _clocks, ...fields } = row;
        const before = await records.get(id);
        const after = await writeRecord<BackupRecord>(db, table, 'update', id, fields, options);
        // A newer copy that differs only in its timestamps changes nothing.
        if (after.updatedAt === before?.updatedAt) counts.upToDate++;
        else counts.updated++;
      }
    }
  });
  return summary;
}
