import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '@shared/backup';
import { generateDemoAccounts } from '@shared/demo/generator';
import type { Account } from '@shared/domain/account';
import { openDb, type TamDeskDb } from '../../../../renderer/data/db';
import { importBackup, previewImport } from '../../../../renderer/data/backup-import';
import { updateAccount } from '../../../../renderer/data/accounts';
import { backupFileName, collectBackup } from '../../../../renderer/features/settings/backup';
import { loadDemoData, NotEmptyError } from '../../../../renderer/features/settings/demo-data';

const opened: TamDeskDb[] = [];
function freshDb(): TamDeskDb {
  const db = openDb(`settings-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const NOW = new Date('2026-11-05T12:00:00.000Z');

async function backupOf(db: TamDeskDb) {
  const parsed = parseBackup(JSON.stringify(await collectBackup(db, NOW)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.tables;
}

describe('demo data', () => {
  it('loads 60 accounts, each with its outbox entry, into an empty database only', async () => {
    const db = freshDb();
    expect(await loadDemoData(db)).toBe(60);
    expect(await db.accounts.count()).toBe(60);
    expect(await db.accountSummaries.count()).toBe(60);
    // Cases on a third of the accounts, each with its timeline, its summary and the account's SLA policy.
    const cases = await db.cases.toArray();
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(await db.caseSummaries.count()).toBe(cases.length);
    const records = (await Promise.all(['accounts', 'slaPolicies', 'cases', 'timeline'].map((t) => db.table(t).count()))).reduce((a, b) => a + b);
    expect(await db.outbox.count()).toBe(records);
    await expect(loadDemoData(db)).rejects.toBeInstanceOf(NotEmptyError);
    expect(await db.accounts.count()).toBe(60);
  });
});

describe('backup', () => {
  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 0, 7, 23, 30))).toBe('tam-desk-backup-2026-01-07.json');
  });

  it('exports every synced table and parses back', async () => {
    const db = freshDb();
    await loadDemoData(db, 12);
    const backup = await collectBackup(db, NOW);
    expect(backup.format).toBe('tam-desk-backup');
    expect(backup.exportedAt).toBe(NOW.toISOString());
    expect(Object.keys(backup.tables)).toContain('cases');
    const tables = await backupOf(db);
    expect(tables.accounts).toHaveLength(12);
  });

  it('adds what is missing, replaces only older records, deletes nothing, all with outbox entries', async () => {
    const source = freshDb();
    await loadDemoData(source, 10);
    const all = await source.accounts.orderBy('id').toArray();

    // The target has 3 of the 10: one older than the backup, one newer, one the same.
    const target = freshDb();
    const [older, newer, same] = all as [Account, Account, Account];
    const localOnly = generateDemoAccounts({ seed: 7, count: 1 })[0]!;
    await target.accounts.bulkAdd([
      { ...older, name: 'Old name', updatedAt: '2020-01-01T00:00:00.000Z' },
      { ...newer, name: 'Renamed here', updatedAt: '2030-01-01T00:00:00.000Z' },
      same,
      localOnly,
    ]);
    const tables = await backupOf(source);

    const preview = await previewImport(target, tables);
    expect(preview.accounts).toEqual({ added: 7, updated: 1, upToDate: 2 });
    expect(await target.outbox.count()).toBe(0);

    const summary = await importBackup(target, tables, { now: NOW });
    expect(summary.accounts).toEqual({ added: 7, updated: 1, upToDate: 2 });
    expect(await target.accounts.count()).toBe(11);
    expect((await target.accounts.get(older.id))?.name).toBe(older.name);
    expect((await target.accounts.get(newer.id))?.name).toBe('Renamed here');
    expect(await target.accounts.get(localOnly.id)).toBeDefined();
    const outbox = (await target.outbox.toArray()).filter((c) => c.table === 'accounts');
    expect(outbox).toHaveLength(8);
    // The list's summaries are written in the same transaction (the 4 seeded rows had none).
    expect(await target.accountSummaries.count()).toBe(8);
    expect((await target.accountSummaries.get(older.id))?.name).toBe(older.name);
    expect(outbox.filter((c) => c.op === 'update').map((c) => c.recordId)).toEqual([older.id]);
    expect(outbox.find((c) => c.op === 'update')?.patch).toEqual({ name: older.name });

    // Importing the same file again changes nothing.
    const queued = await target.outbox.count();
    const again = await importBackup(target, tables, { now: NOW });
    expect(again.accounts).toEqual({ added: 0, updated: 0, upToDate: 10 });
    expect(await target.outbox.count()).toBe(queued);
  });

  it('counts a newer copy that differs only in its timestamp as up to date', async () => {
    const db = freshDb();
    await loadDemoData(db, 1);
    const [account] = await db.accounts.toArray();
    const tables = await backupOf(db);
    await db.accounts.update(account!.id, { updatedAt: '2000-01-01T00:00:00.000Z' });
    const queued = await db.outbox.count();
    const summary = await importBackup(db, tables, { now: NOW });
    expect(summary.accounts).toEqual({ added: 0, updated: 0, upToDate: 1 });
    expect(await db.outbox.count()).toBe(queued);
  });

  it('writes nothing at all when any record fails', async () => {
    const source = freshDb();
    await loadDemoData(source, 5);
    const tables = await backupOf(source);
    const target = freshDb();
    const existing = tables.accounts[4]!;
    await target.accounts.add({ ...existing, name: 'Old name', updatedAt: '2000-01-01T00:00:00.000Z' });
    // The replacement comes after the four additions; make its outbox entry fail.
    target.outbox.hook('creating', (_key, change) => {
      if (change.op === 'update') throw new Error('disk full');
    });
    await expect(importBackup(target, tables, { now: NOW })).rejects.toThrow('disk full');
    expect(await target.accounts.count()).toBe(1);
    expect(await target.outbox.count()).toBe(0);
  });

  it('then updates an account edited after the backup was taken only when the backup is newer', async () => {
    const db = freshDb();
    await loadDemoData(db, 2);
    const tables = await backupOf(db);
    const [first] = await db.accounts.orderBy('id').toArray();
    const { id, createdAt: _c, updatedAt: _u, clocks: _k, deletedAt: _d, archivedAt: _ar, ...fields } = first!;
    await updateAccount(db, id, { ...fields, name: 'Edited after backup' }, { now: new Date('2026-12-01T00:00:00.000Z') });
    const summary = await importBackup(db, tables, { now: NOW });
    expect(summary.accounts.updated).toBe(0);
    expect((await db.accounts.get(id))?.name).toBe('Edited after backup');
  });
});
