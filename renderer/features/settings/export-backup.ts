import type { TamDeskDb } from '../../data/db';
import { host } from '../../host';
import { backupFileName, collectBackup } from './backup';

export type ExportResult = { saved: boolean; fileName: string; accounts: number };

/** Collects the backup and hands it to the host to save (a dialog in Electron, a download in the browser). */
export async function exportBackup(db: TamDeskDb, now = new Date()): Promise<ExportResult> {
  const backup = await collectBackup(db, now);
  const fileName = backupFileName(now);
  const result = await host.saveFile({ suggestedName: fileName, mimeType: 'application/json', data: JSON.stringify(backup, null, 2) });
  return { saved: result.saved, fileName, accounts: backup.tables.accounts?.length ?? 0 };
}
