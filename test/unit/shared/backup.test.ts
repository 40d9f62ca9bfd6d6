import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup, type BackupProblem } from '@shared/backup';
import { generateDemoAccounts } from '@shared/demo/generator';
import { SYNCED_TABLE_NAMES } from '@shared/domain/tables';

const EXPORTED_AT = '2026-11-02T10:00:00.000Z';

function backupText(tables: Record<string, unknown[]>, over: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: EXPORTED_AT, tables, ...over });
}

function problemsOf(text: string): BackupProblem[] {
  const result = parseBackup(text);
  if (result.ok) return expect.fail('expected the backup to be refused');
  return result.problems;
}

describe('parseBackup', () => {
  it('round-trips demo accounts exactly', () => {
    const accounts = generateDemoAccounts({ count: 120 });
    const result = parseBackup(backupText({ accounts }));
    if (!result.ok) return expect.fail(JSON.stringify(result.problems));
    expect(result.exportedAt).toBe(EXPORTED_AT);
    expect(result.tables.accounts).toEqual(accounts);
    // Tables the file does not mention come back empty, so import can treat every table alike
    for (const table of SYNCED_TABLE_NAMES) expect(Array.isArray(result.tables[table]), table).toBe(true);
    expect(result.tables.cases).toEqual([]);
  });

  it('refuses text that is not JSON', () => {
    expect(problemsOf('{"format": "tam-desk-backup",')).toEqual([{ table: '', index: null, path: '', message: 'backup.notJson' }]);
    expect(problemsOf('')).toEqual([{ table: '', index: null, path: '', message: 'backup.notJson' }]);
  });

  it('refuses JSON of another format', () => {
    expect(problemsOf(backupText({}, { format: 'someone-elses-backup' }))).toEqual([
      { table: '', index: null, path: 'format', message: 'backup.notBackup' },
    ]);
    const bare = problemsOf(JSON.stringify({ accounts: [] }));
    expect(bare.map((p) => p.path)).toContain('format');
    expect(problemsOf('[]').length).toBeGreaterThan(0);
    expect(problemsOf('null').length).toBeGreaterThan(0);
  });

  it('refuses a backup from a newer version of the app', () => {
    expect(problemsOf(backupText({}, { version: BACKUP_VERSION + 1 }))).toEqual([
      { table: '', index: null, path: 'version', message: 'backup.tooNew' },
    ]);
    // An older or the current version is fine
    expect(parseBackup(backupText({}, { version: BACKUP_VERSION })).ok).toBe(true);
  });

  it('refuses a file without tables or export date', () => {
    const paths = problemsOf(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION })).map((p) => p.path).sort();
    expect(paths).toEqual(['exportedAt', 'tables']);
  });

  it('names the table, row and field of an invalid record', () => {
    const accounts = generateDemoAccounts({ count: 40 });
    const index = accounts.findIndex((a) => a.ipPools.length > 0 && a.ipPools[0]!.ips.length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const broken = structuredClone(accounts);
    broken[index]!.ipPools[0]!.ips[0] = '999.1.1.1';
    broken[index + 1]!.name = '';
    expect(problemsOf(backupText({ accounts: broken }))).toEqual([
      { table: 'accounts', index, path: 'ipPools.0.ips.0', message: 'ip.invalid' },
      { table: 'accounts', index: index + 1, path: 'name', message: 'required' },
    ]);
  });

  it('refuses a cross-field rule broken in a record', () => {
    const accounts = generateDemoAccounts({ count: 5 });
    const broken = structuredClone(accounts);
    broken[2]!.timeZone = broken[2]!.calendar.timeZone === 'Asia/Tokyo' ? 'Europe/Warsaw' : 'Asia/Tokyo';
    expect(problemsOf(backupText({ accounts: broken }))).toEqual([
      { table: 'accounts', index: 2, path: 'calendar.timeZone', message: 'calendar.zoneMismatch' },
    ]);
  });

  it('refuses the same id twice in a table', () => {
    const accounts = generateDemoAccounts({ count: 3 });
    const duplicated = [...accounts, { ...accounts[0]!, name: 'Copy' }];
    expect(problemsOf(backupText({ accounts: duplicated }))).toEqual([
      { table: 'accounts', index: 3, path: 'id', message: 'backup.duplicateId' },
    ]);
  });

  it('refuses an unknown table even when every known one is valid', () => {
    const accounts = generateDemoAccounts({ count: 3 });
    expect(problemsOf(backupText({ accounts, contacts: [] }))).toEqual([
      { table: 'contacts', index: null, path: '', message: 'backup.unknownTable' },
    ]);
  });

  it('caps the list of problems for a thoroughly broken file', () => {
    const rows = Array.from({ length: 100 }, () => ({ id: 'not-a-uuid' }));
    const problems = problemsOf(backupText({ accounts: rows }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(50);
    expect(problems.every((p) => p.table === 'accounts' && typeof p.index === 'number')).toBe(true);
  });
});
