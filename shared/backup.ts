import { z } from 'zod';
import { SYNCED_TABLES, type SyncedTable } from './domain/tables';

/**
 * The JSON backup: every synced table, whole, with a format version. Import
 * validates every record before touching the database, so a bad file is
 * refused with its reason and changes nothing.
 */
export const BACKUP_FORMAT = 'tam-desk-backup';
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'backup.notBackup' }),
  version: z.number().int().refine((v) => v <= BACKUP_VERSION, { error: 'backup.tooNew' }),
  exportedAt: z.iso.datetime({ offset: true }),
  tables: z.record(z.string(), z.array(z.unknown())),
});

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  tables: { [T in SyncedTable]?: unknown[] };
};

export type BackupProblem = { table: string; index: number | null; path: string; message: string };

export type ParsedBackup =
  | { ok: true; tables: { [T in SyncedTable]: z.infer<(typeof SYNCED_TABLES)[T]['schema']>[] }; exportedAt: string }
  | { ok: false; problems: BackupProblem[] };

/** Parses and validates a backup file's text. Never throws. */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ table: '', index: null, path: '', message: 'backup.notJson' }] };
  }
  const header = backupHeaderSchema.safeParse(json);
  if (!header.success) {
    return {
      ok: false,
      problems: header.error.issues.map((i) => ({ table: '', index: null, path: i.path.join('.'), message: i.message })),
    };
  }
  const problems: BackupProblem[] = [];
  const tables = {} as Record<string, unknown[]>;
  for (const name of Object.keys(header.data.tables)) {
    if (!(name in SYNCED_TABLES)) problems.push({ table: name, index: null, path: '', message: 'backup.unknownTable' });
  }
  for (const [name, spec] of Object.entries(SYNCED_TABLES)) {
    const rows = header.data.tables[name] ?? [];
    const ids = new Set<string>();
    tables[name] = rows.map((row, index) => {
      const parsed = spec.schema.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          problems.push({ table: name, index, path: issue.path.join('.'), message: issue.message });
        }
        return null;
      }
      const id = (parsed.data as { id: string }).id;
      if (ids.has(id)) problems.push({ table: name, index, path: 'id', message: 'backup.duplicateId' });
      ids.add(id);
      return parsed.data;
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 50) };
  return { ok: true, tables: tables as never, exportedAt: header.data.exportedAt };
}
