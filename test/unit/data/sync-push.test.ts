import { describe, expect, it } from 'vitest';
import { emptyAccountFields, type AccountFields } from '@shared/domain/account';
import { generateDemoAccounts } from '@shared/demo/generator';
import { parseHlc } from '@shared/sync/hlc';
import { MAX_PUSH_BYTES } from '@shared/sync/protocol';
import { MAX_CLOCK_SKEW_MS } from '@shared/sync/skew';
import { checkChange } from '@shared/sync/validate';
import { addAccounts, createAccount, updateAccount } from '../../../renderer/data/accounts';
import type { TamDeskDb } from '../../../renderer/data/db';
import { pullChanges, pushOutbox } from '../../../renderer/data/sync/engine';
import { discardSetAside } from '../../../renderer/data/sync/set-aside';
import { SyncError } from '../../../renderer/data/sync/sync-error';
import { deviceId, readClock } from '../../../renderer/data/write';
import { FakeSyncServer } from './fake-sync-server';
import { throwawayDatabases } from './throwaway-db';

/**
 * Pushing the outbox against a server that answers as the contract says: a
 * change refused for good is set aside and the rest goes out with seqs the
 * server can acknowledge, batches fit the size limit, a copied profile takes
 * a new id, and a clock once ahead is fixed.
 */
const device = throwawayDatabases('push');
const fields = (over: Partial<AccountFields> = {}): AccountFields => ({ ...emptyAccountFields('Europe/Warsaw'), ...over });
const edit = async (db: TamDeskDb, id: string, over: Partial<AccountFields>, now?: Date) => {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, archivedAt: _a, clocks: _k, ...current } = (await db.accounts.get(id))!;
  return updateAccount(db, id, { ...current, ...over } as AccountFields, { now });
};

/** The seqs the server holds for a client, in order. */
const seqsOf = (server: FakeSyncServer, clientId: string) => [...(server.clients.get(clientId)?.seqs.keys() ?? [])].sort((a, b) => a - b);

describe('a change the server refuses for good', () => {
  it('is set aside with its reason, and the rest of the outbox goes out with gap-free seqs', async () => {
    const server = new FakeSyncServer();
    server.stricter = (c) => (c.patch.notes === 'refused' ? 'notes' : null);
    const db = device();
    const a = await createAccount(db, fields({ name: 'Bursztyn Handel' }));
    await edit(db, a.id, { notes: 'refused' });
    const b = await createAccount(db, fields({ name: 'Harbor Travel' }));

    expect(await pushOutbox(db, server.transport())).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    const clientId = await deviceId(db);
    expect(seqsOf(server, clientId)).toEqual([1, 2]);
    expect(server.changes().map((c) => c.recordId)).toEqual([a.id, b.id]);
    const [row] = await db.setAside.toArray();
    expect(row).toMatchObject({ direction: 'outgoing', table: 'accounts', recordId: a.id, field: 'notes', reason: 'refused', detail: 'notes: refused by this server' });
    expect((row!.change as { patch: object }).patch).toEqual({ notes: 'refused' });

    // The next change continues the run; fixing the field settles the set-aside entry.
    await edit(db, a.id, { notes: 'Kick-off done.' });
    await pushOutbox(db, server.transport());
    expect(seqsOf(server, clientId)).toEqual([1, 2, 3]);
    expect(await db.setAside.count()).toBe(0);
  });

  it('is set aside before it is sent when it fails the server’s own check (a row an older version wrote)', async () => {
    const server = new FakeSyncServer();
    const db = device();
    const a = await createAccount(db, fields({ name: 'Wisła Media' }));
    const [entry] = await db.outbox.toArray();
    await db.outbox.add({ ...entry!, seq: undefined, changeId: crypto.randomUUID(), op: 'update', patch: { tags: 5 }, base: { tags: null } });
    await createAccount(db, fields({ name: 'Odra Logistics' }));
    await pushOutbox(db, server.transport());
    expect(server.pushes.flatMap((p) => p.seqs)).toEqual([1, 2]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.setAside.toArray()).toMatchObject([{ recordId: a.id, field: 'tags', reason: 'invalidValue' }]);
    // Discarding removes it from the list; the record keeps what it had.
    const [row] = await db.setAside.toArray();
    await discardSetAside(db, row!.id);
    expect(await db.setAside.count()).toBe(0);
    expect((await db.accounts.get(a.id))?.name).toBe('Wisła Media');
  });

  it('survives a push whose reply was lost, then a refusal: nothing twice, nothing skipped', async () => {
    const server = new FakeSyncServer();
    const db = device();
    await createAccount(db, fields({ name: 'Kashubia Mail' }));
    await createAccount(db, fields({ name: 'Mazury Tours' }));
    server.loseNextReply = true;
    await expect(pushOutbox(db, server.transport())).rejects.toThrow(SyncError);
    expect(await db.outbox.count()).toBe(2);
    const refusedAccount = await createAccount(db, fields({ name: 'Refused Ltd' }));
    server.stricter = (c) => (c.recordId === refusedAccount.id ? 'name' : null);
    await createAccount(db, fields({ name: 'Tatra Cloud' }));

    await pushOutbox(db, server.transport());
    const clientId = await deviceId(db);
    expect(seqsOf(server, clientId)).toEqual([1, 2, 3]);
    expect(server.changes().map((c) => c.patch.name)).toEqual(['Kashubia Mail', 'Mazury Tours', 'Tatra Cloud']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.setAside.count()).toBe(1);
  });
});

describe('push sizes', () => {
  it('sends batches within MAX_PUSH_BYTES, and splits a batch the server finds too large', async () => {
    const server = new FakeSyncServer();
    const db = device();
    // 300 accounts with long notes: about 11 MB, more than two pushes can carry.
    const accounts = generateDemoAccounts({ count: 300 }).map((a) => ({ ...a, notes: 'ż'.repeat(19_000) }));
    await addAccounts(db, accounts);
    await pushOutbox(db, server.transport());
    expect(server.pushes.every((p) => p.bytes <= MAX_PUSH_BYTES)).toBe(true);
    expect(server.pushes.length).toBeGreaterThan(2);
    expect(server.log).toHaveLength(300);

    // A server with a lower limit answers 413: the batch is halved until it fits.
    const small = new FakeSyncServer();
    small.maxPushBytes = 200_000;
    const other = device();
    await addAccounts(other, accounts.slice(0, 20).map((a) => ({ ...a, id: crypto.randomUUID() })));
    await pushOutbox(other, small.transport());
    expect(small.log).toHaveLength(20);
    expect(seqsOf(small, await deviceId(other))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('sets aside one change still too large alone, and pushes the rest', async () => {
    const server = new FakeSyncServer();
    server.maxPushBytes = 30_000;
    const db = device();
    const big = await createAccount(db, fields({ name: 'Big Notes', notes: 'ż'.repeat(19_000) }));
    await createAccount(db, fields({ name: 'Small Notes' }));
    await pushOutbox(db, server.transport());
    expect(server.changes().map((c) => c.patch.name)).toEqual(['Small Notes']);
    expect(await db.setAside.toArray()).toMatchObject([{ direction: 'outgoing', recordId: big.id, field: 'notes', reason: 'tooLarge' }]);
  });
});

/** A second database with everything the first holds: a copied profile. */
async function copyProfile(from: TamDeskDb): Promise<TamDeskDb> {
  const to = device();
  await to.open();
  for (const table of from.tables) await to.table(table.name).bulkPut(await table.toArray());
  return to;
}

describe('a device id two devices share (a copied profile)', () => {
  it('gives one a new id on 409, re-sequenced and re-stamped, and both end with every change on the server', async () => {
    const server = new FakeSyncServer();
    const a = device();
    const shared = await createAccount(a, fields({ name: 'Bursztyn Handel' }));
    await pushOutbox(a, server.transport());
    await edit(a, shared.id, { tier: 'enterprise' }); // waiting when the profile is copied
    const b = await copyProfile(a);
    const oldId = await deviceId(a);
    expect(await deviceId(b)).toBe(oldId);

    const onA = await createAccount(a, fields({ name: 'Made on A' }));
    const onB = await createAccount(b, fields({ name: 'Made on B' }));
    await edit(b, shared.id, { notes: 'Edited on B' });
    await pushOutbox(a, server.transport());
    await pushOutbox(b, server.transport());
    for (const db of [a, b]) await pullChanges(db, server.transport());

    const newId = await deviceId(b);
    expect(newId).not.toBe(oldId);
    expect(seqsOf(server, oldId)).toEqual([1, 2, 3]);
    expect(seqsOf(server, newId)).toEqual([1, 2, 3]);
    expect(new Set(server.changes().map((c) => c.patch.name ?? c.patch.tier ?? c.patch.notes))).toEqual(
      new Set(['Bursztyn Handel', 'enterprise', 'Made on A', 'Made on B', 'Edited on B']),
    );
    for (const db of [a, b]) {
      expect(await db.outbox.count()).toBe(0);
      expect((await db.accounts.get(onA.id))?.name).toBe('Made on A');
      expect((await db.accounts.get(onB.id))?.name).toBe('Made on B');
      expect(await db.accounts.get(shared.id)).toMatchObject({ tier: 'enterprise', notes: 'Edited on B' });
    }
    // B's changes since the copy carry its new id as their clock's node, here and on the server.
    const madeOnB = server.changes().find((c) => c.recordId === onB.id)!;
    expect(parseHlc(madeOnB.hlc).node).toBe(newId);
    expect((await b.accounts.get(onB.id))!.clocks.name).toBe(madeOnB.hlc);
    expect((await readClock(b)).node).toBe(newId);
  });
});

describe('a clock once ahead', () => {
  it('re-stamps the changes made an hour ahead after a clock_skew refusal, and pushes them', async () => {
    const server = new FakeSyncServer();
    const db = device();
    const anHourAhead = new Date(Date.now() + 3_600_000);
    const account = await createAccount(db, fields({ name: 'Tatra Cloud' }), { now: anHourAhead });
    await edit(db, account.id, { notes: 'Written an hour ahead.' }, anHourAhead);
    // The clock is right again: the next edit does not inherit the hour.
    const other = await createAccount(db, fields({ name: 'Mazury Tours' }));
    expect(parseHlc(other.clocks.name!).wall).toBeLessThanOrEqual(Date.now() + MAX_CLOCK_SKEW_MS);

    await pushOutbox(db, server.transport());
    expect(await db.outbox.count()).toBe(0);
    expect(server.changes()).toHaveLength(3);
    for (const change of server.changes()) {
      expect(parseHlc(change.hlc).wall).toBeLessThanOrEqual(Date.now() + MAX_CLOCK_SKEW_MS);
      expect(checkChange(change).ok).toBe(true);
    }
    // The record carries the new clocks, in the order the edits were made.
    const stored = (await db.accounts.get(account.id))!;
    const [create, notes] = server.changes();
    expect(stored.clocks.name).toBe(create!.hlc);
    expect(stored.clocks.notes).toBe(notes!.hlc);
    expect(notes!.hlc > create!.hlc).toBe(true);
  });

  it('says so when this computer’s clock itself is ahead of the server’s, and keeps the change', async () => {
    const server = new FakeSyncServer();
    server.now = () => Date.now() - 3_600_000;
    const db = device();
    await createAccount(db, fields({ name: 'Harbor Travel' }));
    await expect(pushOutbox(db, server.transport())).rejects.toMatchObject({ code: 'clock_skew' });
    expect(await db.outbox.count()).toBe(1);
  });
});
