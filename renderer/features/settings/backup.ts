import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '@shared/backup';
import { SYNCED_TABLE_NAMES } from '@shared/domain/tables';
import type { TamDeskDb } from '../../data/db';

/** `tam-desk-backup-YYYY-MM-DD.json`, by the local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tam-desk-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Every synced table, whole (archived and tombstoned records too), read in one transaction so the copy is consistent. */
export async function collectBackup(db: TamDeskDb, now = new Date()): Promise<Backup> {
  const tables: Backup['tables'] = {};
  await db.transaction('r', SYNCED_TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const name of SYNCED_TABLE_NAMES) tables[name] = await db.table(name).toArray();
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), tables };
}
