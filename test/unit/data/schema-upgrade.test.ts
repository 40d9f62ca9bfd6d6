import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Account } from '@shared/domain/account';
import { generateDemoAccounts } from '@shared/demo/generator';
import { summarizeAccount } from '@shared/domain/account-search';
import { summarizeCase } from '@shared/cases/summary';
import type { SupportCase } from '@shared/domain/case';
import { SYNCED_TABLE_NAMES } from '@shared/domain/tables';
import { parseHlc } from '@shared/sync/hlc';
import { openDb, SCHEMA_VERSIONS, type TamDeskDb } from '../../../renderer/data/db';
import { archiveAccount, updateAccount } from '../../../renderer/data/accounts';
import { pushOutbox } from '../../../renderer/data/sync/engine';
import { FakeSyncServer } from './fake-sync-server';

const names: string[] = [];
const uniqueName = () => {
  const name = `schema-upgrade-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};
const dbs: TamDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** An account as version 1 stored it: no per-field clocks, no tombstone. */
function v1Account(index: number): Record<string, unknown> {
  const { clocks: _clocks, deletedAt: _deletedAt, ...row } = generateDemoAccounts({ count: index + 1 })[index]!;
  return row;
}

const V1_OUTBOX_ROW = {
  changeId: '01932c4e-7d1a-7cc3-9e3b-2a8f6b1d4e5f',
  table: 'accounts',
  recordId: '01932c4e-7d1a-7cc3-9e3b-000000000001',
  op: 'update',
  patch: { name: 'Pending rename' },
  hlc: '001730000000000:00000:abcdef0123456789',
  at: '2024-10-27T03:33:20.000Z',
};

/** Writes a version-1 database and closes it. */
async function writeVersion1(name: string, accounts: Record<string, unknown>[]) {
  const v1 = openDb(name, 1);
  await v1.open();
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name).sort()).toEqual(['accounts', 'meta', 'outbox']);
  await v1.table('accounts').bulkPut(accounts);
  await v1.table('outbox').add({ ...V1_OUTBOX_ROW, patch: { ...V1_OUTBOX_ROW.patch } });
  await v1.table('meta').put({ key: 'deviceId', value: 'abcdef0123456789' });
  v1.close();
}

async function openLatest(name: string): Promise<TamDeskDb> {
  const db = openDb(name);
  dbs.push(db);
  await db.open();
  return db;
}

describe('upgrading the local database from version 1', () => {
  it('keeps every account intact and backfills clocks and the tombstone', async () => {
    const name = uniqueName();
    const rows = [v1Account(0), v1Account(1), v1Account(2)];
    await writeVersion1(name, rows);

    const db = await openLatest(name);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const stored = await db.accounts.toArray();
    expect(stored).toHaveLength(rows.length);
    for (const row of rows) {
      const account = stored.find((a) => a.id === row.id)!;
      const { clocks, deletedAt, ...rest } = account;
      expect(rest).toEqual(row);
      expect(deletedAt).toBeNull();
      // Every field the user edits has a clock, dated at the record's last update
      for (const field of Object.keys(row).filter((f) => f !== 'id')) {
        expect(clocks[field], field).toBeDefined();
        expect(parseHlc(clocks[field]!).wall, field).toBe(Date.parse(String(row.updatedAt)));
      }
    }
  });

  it('adds the new tables, empty, and keeps the outbox and device facts', async () => {
    const name = uniqueName();
    await writeVersion1(name, [v1Account(0)]);

    const db = await openLatest(name);
    const tables = db.tables.map((t) => t.name);
    for (const table of [...SYNCED_TABLE_NAMES, 'outbox', 'meta']) expect(tables, table).toContain(table);
    for (const table of SYNCED_TABLE_NAMES.filter((t) => t !== 'accounts')) {
      expect(await db.table(table).count(), table).toBe(0);
    }
    // The new indexes work
    expect(await db.cases.where('accountId').equals('x').count()).toBe(0);
    expect(await db.warmupActuals.where('[planId+date]').equals(['p', '2026-01-01']).count()).toBe(0);

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const { seq, ...entry } = outbox[0]!;
    expect(seq).toBeTypeOf('number');
    // Version 1 wrote no `base`: the upgrade gives each patched field one (written on no known value).
    expect(entry).toEqual({ ...V1_OUTBOX_ROW, base: { name: null } });
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'abcdef0123456789' });
  });

  it('keeps the old indexes working on upgraded accounts', async () => {
    const name = uniqueName();
    const rows = [v1Account(0), v1Account(1), v1Account(2), v1Account(3)];
    await writeVersion1(name, rows);
    const db = await openLatest(name);
    const owner = String(rows[0]!.ownerTam);
    const expected = rows.filter((r) => r.ownerTam === owner).map((r) => r.id).sort();
    expect((await db.accounts.where('ownerTam').equals(owner).primaryKeys()).sort()).toEqual(expected);
  });

  it('lets the repository update an upgraded account, field by field', async () => {
    const name = uniqueName();
    const row = v1Account(0);
    await writeVersion1(name, [row]);
    const db = await openLatest(name);

    const upgraded = (await db.accounts.get(String(row.id)))!;
    const now = new Date(Date.parse(String(row.updatedAt)) + 60_000);
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, archivedAt: _a, clocks: _k, ...fields } = upgraded;
    const updated = await updateAccount(db, upgraded.id, { ...fields, name: 'Renamed after upgrade' }, { now });

    expect(updated.name).toBe('Renamed after upgrade');
    expect(updated.updatedAt).toBe(now.toISOString());
    expect(updated.clocks.name! > upgraded.clocks.name!).toBe(true);
    for (const [field, clock] of Object.entries(upgraded.clocks)) {
      if (field !== 'name') expect(updated.clocks[field], field).toBe(clock);
    }
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[1]).toMatchObject({ op: 'update', recordId: upgraded.id, patch: { name: 'Renamed after upgrade' }, hlc: updated.clocks.name });
    // The device id version 1 recorded is the clock's node
    expect(parseHlc(updated.clocks.name!).node).toBe('abcdef0123456789');

    // An unchanged save of the upgraded record writes nothing
    const before = await db.outbox.count();
    await updateAccount(db, upgraded.id, { ...fields, name: 'Renamed after upgrade' }, { now: new Date(now.getTime() + 1000) });
    expect(await db.outbox.count()).toBe(before);

    const archived = await archiveAccount(db, upgraded.id, { now: new Date(now.getTime() + 2000) });
    expect(archived.archivedAt).toBe(new Date(now.getTime() + 2000).toISOString());
    expect(await db.accounts.count()).toBe(1);
  });

  it('opens an already-upgraded database again without touching it', async () => {
    const name = uniqueName();
    await writeVersion1(name, [v1Account(0)]);
    const first = await openLatest(name);
    const afterUpgrade = await first.accounts.toArray();
    first.close();
    const second = await openLatest(name);
    expect(await second.accounts.toArray()).toEqual(afterUpgrade);
  });

  it('a fresh database opens straight at the latest version', async () => {
    const db = await openLatest(uniqueName());
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await db.accounts.count()).toBe(0);
    const account: Account | undefined = await db.accounts.get('nothing');
    expect(account).toBeUndefined();
  });
});

describe('upgrading from version 2', () => {
  it('builds the list summary of every account already stored', async () => {
    const name = uniqueName();
    const v2 = openDb(name, 2);
    await v2.open();
    const accounts = generateDemoAccounts({ count: 25 });
    await v2.table('accounts').bulkPut(accounts);
    v2.close();

    const db = await openLatest(name);
    expect(await db.accountSummaries.count()).toBe(25);
    for (const account of accounts) expect(await db.accountSummaries.get(account.id)).toEqual(summarizeAccount(account));
  });
});

describe('upgrading from version 4', () => {
  it('builds the summary of every case already stored, and none for a case whose account is missing', async () => {
    const name = uniqueName();
    const v4 = openDb(name, 4);
    await v4.open();
    const [account] = generateDemoAccounts({ count: 1 });
    await v4.table('accounts').put(account);
    const meta = { createdAt: '2026-03-30T08:00:00.000Z', updatedAt: '2026-03-30T08:00:00.000Z', deletedAt: null, clocks: {} };
    const fields = {
      ...meta, title: 'Deferrals', description: '', problemType: 'service-problem', priority: 'normal', channel: 'platform-panel', agent: 'Jan',
      status: 'new', escalated: true, escalationReason: 'Revenue', slaPolicyId: null, slaPolicyVersion: null, openedAt: meta.createdAt, reopenCount: 0,
    };
    await v4.table('cases').bulkPut([
      { ...fields, id: 'case-1', accountId: account!.id },
      { ...fields, id: 'case-2', accountId: 'not-on-this-device' },
    ]);
    await v4.table('timeline').put({ ...meta, id: 'entry-1', caseId: 'case-1', accountId: account!.id, kind: 'created', at: meta.createdAt, author: 'Jan', body: '', fromStatus: null, toStatus: 'new' });
    v4.close();

    const db = await openLatest(name);
    expect(await db.caseSummaries.toCollection().primaryKeys()).toEqual(['case-1']);
    expect(await db.caseSummaries.get('case-1')).toMatchObject({ accountName: account!.name, status: 'new', escalated: true });
  });
});

describe('upgrading from version 6', () => {
  const CLIENT = 'abcdef0123456789';

  /** A version-6 device that pushed seqs 1-5 and still holds 6 (a version-1 row: no base, a NUL) and 7. */
  async function writeVersion6(name: string, waiting: boolean) {
    const v6 = openDb(name, 6);
    await v6.open();
    const [account] = generateDemoAccounts({ count: 1 });
    const stamp = '001730000000000:00000:' + CLIENT;
    await v6.table('accounts').put({ ...account, id: V1_OUTBOX_ROW.recordId, name: 'Pending\u0000 rename', clocks: { ...account!.clocks, name: stamp } });
    await v6.table('meta').put({ key: 'deviceId', value: CLIENT });
    for (let seq = 1; seq <= 5; seq += 1) await v6.table('outbox').add({ ...V1_OUTBOX_ROW, changeId: crypto.randomUUID(), base: { name: null } });
    await v6.table('outbox').bulkDelete([1, 2, 3, 4, 5]);
    if (waiting) {
      await v6.table('outbox').add({ ...V1_OUTBOX_ROW, patch: { name: 'Pending\u0000 rename' }, hlc: stamp });
      await v6.table('outbox').add({ ...V1_OUTBOX_ROW, changeId: crypto.randomUUID(), patch: { notes: 'Kick-off done.' }, base: { notes: null }, hlc: '001730000000001:00000:' + CLIENT });
    }
    v6.close();
    const server = new FakeSyncServer();
    server.clients.set(CLIENT, { user: 'anna', seqs: new Map([1, 2, 3, 4, 5].map((s) => [s, `pushed-${s}`])) });
    return server;
  }

  it('gives the version-1 row its base, cleans its text, and pushes it after what the server holds', async () => {
    const name = uniqueName();
    const server = await writeVersion6(name, true);
    const db = await openLatest(name);

    const [first] = await db.outbox.orderBy('seq').toArray();
    expect(first).toMatchObject({ patch: { name: 'Pending rename' }, base: { name: null } });
    expect((await db.accounts.get(V1_OUTBOX_ROW.recordId))?.name).toBe('Pending rename');
    await pushOutbox(db, server.transport());
    expect(await db.outbox.count()).toBe(0);
    expect(await db.setAside.count()).toBe(0);
    expect([...server.clients.get(CLIENT)!.seqs.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.changes().map((c) => c.patch)).toEqual([{ name: 'Pending rename' }, { notes: 'Kick-off done.' }]);
  });

  it('numbers the next push after everything pushed when nothing was waiting', async () => {
    const name = uniqueName();
    const server = await writeVersion6(name, false);
    const db = await openLatest(name);
    await updateAccount(db, V1_OUTBOX_ROW.recordId, { ...(await editableFields(db)), notes: 'After the upgrade.' });
    await pushOutbox(db, server.transport());
    expect([...server.clients.get(CLIENT)!.seqs.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db.outbox.count()).toBe(0);
  });

  it("indexes every stored case summary by its lane, so that the open escalated cases are read alone", async () => {
    const name = uniqueName();
    const v6 = openDb(name, 6);
    await v6.open();
    const [account] = generateDemoAccounts({ count: 1 });
    const meta = { createdAt: '2026-03-30T08:00:00.000Z', updatedAt: '2026-03-30T08:00:00.000Z', deletedAt: null, clocks: {} };
    const fields = {
      ...meta, accountId: account!.id, title: 'Deferrals', description: '', problemType: 'service-problem', priority: 'normal', channel: 'platform-panel',
      agent: 'Jan', status: 'new', escalated: true, escalationReason: 'Revenue', slaPolicyId: null, slaPolicyVersion: null, openedAt: meta.createdAt, reopenCount: 0,
    } as const;
    const cases: SupportCase[] = [
      { ...fields, id: 'escalated-open' },
      { ...fields, id: 'escalated-closed', status: 'closed' },
      { ...fields, id: 'open', escalated: false },
      { ...fields, id: 'deleted', deletedAt: meta.createdAt },
    ];
    // Version 6's summaries, as it stored them: no lane.
    await v6.table('caseSummaries').bulkPut(cases.map((c) => {
      const { lane: _lane, ...summary } = summarizeCase(c, account!, [], []);
      return summary;
    }));
    v6.close();

    const db = await openLatest(name);
    expect(await db.caseSummaries.where('[lane+id]').between(['escalated', ''], ['escalated', '\uffff']).primaryKeys()).toEqual(['escalated-open']);
    expect(Object.fromEntries((await db.caseSummaries.toArray()).map((s) => [s.id, s.lane]))).toEqual({
      'escalated-open': 'escalated', 'escalated-closed': 'escalated-closed', open: 'open', deleted: 'deleted',
    });
  });
});

async function editableFields(db: TamDeskDb) {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, archivedAt: _a, clocks: _k, ...fields } = (await db.accounts.get(V1_OUTBOX_ROW.recordId))!;
  return fields;
}
