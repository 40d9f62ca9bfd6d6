import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAccountFields, type AccountFields } from '@shared/domain/account';
import { addUser, revokeUser } from '../../server/users';
import { createAccount, updateAccount } from '../../renderer/data/accounts';
import { applyCaseEvent, openCase } from '../../renderer/data/cases';
import { openDb, type TamDeskDb } from '../../renderer/data/db';
import { resolveConflict } from '../../renderer/data/sync/conflicts';
import { deviceId } from '../../renderer/data/write';
import { pullChanges, pushOutbox } from '../../renderer/data/sync/engine';
import { httpTransport, SyncError, type Transport } from '../../renderer/data/sync/transport';
import { BACKENDS, Client, makeChange, startTestServer, type TestServer } from './helpers';

/**
 * Two devices with real IndexedDB (fake-indexeddb) syncing through a real
 * server on loopback: offline edits on both converge field by field, a
 * concurrent edit of the notes keeps both and raises a conflict, a revoked
 * token is a specific error, and two devices under one id (a copied profile,
 * an id another user took) both get every change through.
 */
const fields = (over: Partial<AccountFields> = {}): AccountFields => ({ ...emptyAccountFields('Europe/Warsaw'), ...over });

describe.each(BACKENDS)('client sync against the server ($name)', (backend) => {
  let server: TestServer;
  let token: string;
  const dbs: TamDeskDb[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend);
    token = await addUser(server.db, 'anna', 'warsaw');
  });
  afterAll(async () => {
    for (const db of dbs) {
      db.close();
      await Dexie.delete(db.name);
    }
    await server.dispose();
  });

  const device = () => {
    const db = openDb(`device-${crypto.randomUUID()}`);
    dbs.push(db);
    return db;
  };
  const sync = async (db: TamDeskDb, transport: Transport = httpTransport(server.url, token)) => {
    await pushOutbox(db, transport);
    await pullChanges(db, transport);
  };

  /** A second profile made by copying the first one's database whole: the same device id, clock, cursor and outbox. */
  const copyOf = async (original: TamDeskDb) => {
    const copy = device();
    for (const table of original.tables) await copy.table(table.name).bulkPut(await table.toArray());
    return copy;
  };
  /** Everything a device must hold after a sync: nothing waiting, nothing set aside. */
  const settled = async (db: TamDeskDb) => ({ waiting: await db.outbox.count(), setAside: await db.setAside.count() });

  it('a copied profile: both copies edit offline, and every edit of each reaches the server and the other; one takes a new id', async () => {
    const a = device();
    const shared = await createAccount(a, fields({ name: 'Copied Profile Sp. z o.o.' }));
    await sync(a);
    const b = await copyOf(a);
    expect(await deviceId(b)).toBe(await deviceId(a));

    await updateAccount(a, shared.id, { ...(await a.accounts.get(shared.id))!, notes: 'Edited on the original.' });
    const onlyA = await createAccount(a, fields({ name: 'Made on the original' }));
    await updateAccount(b, shared.id, { ...(await b.accounts.get(shared.id))!, tier: 'enterprise' });
    const onlyB = await createAccount(b, fields({ name: 'Made on the copy' }));
    await sync(a);
    await sync(b);
    await sync(a);

    expect(await deviceId(b)).not.toBe(await deviceId(a));
    const fresh = device();
    await sync(fresh);
    for (const db of [a, b, fresh]) {
      expect(await db.accounts.get(shared.id)).toMatchObject({ notes: 'Edited on the original.', tier: 'enterprise' });
      expect((await db.accounts.get(onlyA.id))?.name).toBe('Made on the original');
      expect((await db.accounts.get(onlyB.id))?.name).toBe('Made on the copy');
      expect(await settled(db)).toEqual({ waiting: 0, setAside: 0 });
    }
  });

  it('a copied profile that syncs before it has anything to send still gets the original\'s changes', async () => {
    const a = device();
    const shared = await createAccount(a, fields({ name: 'Early Sync Ltd' }));
    await sync(a);
    const b = await copyOf(a);
    await updateAccount(a, shared.id, { ...(await a.accounts.get(shared.id))!, notes: 'Sent by the original under the shared id.' });
    await sync(a);
    // The copy opens and syncs at once: nothing of its own to send yet.
    await sync(b);
    const onlyB = await createAccount(b, fields({ name: 'Made on the copy later' }));
    await sync(b);
    await sync(a);

    expect(await deviceId(b)).not.toBe(await deviceId(a));
    for (const db of [a, b]) {
      expect((await db.accounts.get(shared.id))?.notes).toBe('Sent by the original under the shared id.');
      expect((await db.accounts.get(onlyB.id))?.name).toBe('Made on the copy later');
      expect(await settled(db)).toEqual({ waiting: 0, setAside: 0 });
    }
  });

  it('a device whose id another user of the team took first still gets its changes through, and gets theirs', async () => {
    const ben = await addUser(server.db, `ben-${crypto.randomUUID().slice(0, 8)}`, 'warsaw');
    const a = device();
    // A new device syncs once before it has made anything: its id is not the server's yet.
    await sync(a);
    const id = await deviceId(a);
    // Ben pushes under that id first (seq 1 and 2, the seqs A will use), and it is his now.
    const bens = [makeChange({ patch: { name: 'Ben took the id' }, base: { name: null } }), makeChange({ patch: { name: 'Ben again' }, base: { name: null } })];
    const taken = await new Client(server.url, ben, id).push(bens.map((change, i) => ({ seq: i + 1, change })));
    expect(taken.status).toBe(200);
    await sync(a);
    const mine = await createAccount(a, fields({ name: 'Made on the device' }));
    const second = await createAccount(a, fields({ name: 'Also made on the device' }));
    await sync(a);

    expect(await deviceId(a)).not.toBe(id);
    const fresh = device();
    await sync(fresh);
    for (const db of [a, fresh]) {
      expect((await db.accounts.get(mine.id))?.name).toBe('Made on the device');
      expect((await db.accounts.get(second.id))?.name).toBe('Also made on the device');
      for (const change of bens) expect((await db.accounts.get(change.recordId))?.name).toBe(change.patch.name);
      expect(await settled(db)).toEqual({ waiting: 0, setAside: 0 });
    }
  });

  it('converges two devices that edited offline, field by field, and empties both outboxes', async () => {
    const a = device();
    const b = device();
    const shared = await createAccount(a, fields({ name: 'Bursztyn Handel Sp. z o.o.', notes: 'Kick-off done.' }));
    await sync(a);
    await sync(b);
    expect((await b.accounts.get(shared.id))?.name).toBe('Bursztyn Handel Sp. z o.o.');

    // Offline on both: A renames, B changes the tier and adds its own account.
    await updateAccount(a, shared.id, { ...(await a.accounts.get(shared.id))!, name: 'Bursztyn Media S.A.' });
    await updateAccount(b, shared.id, { ...(await b.accounts.get(shared.id))!, tier: 'enterprise' });
    const onlyB = await createAccount(b, fields({ name: 'Harbor Travel Inc.' }));
    expect(await a.outbox.count()).toBe(1);
    expect(await b.outbox.count()).toBe(2);

    await sync(a);
    await sync(b);
    await sync(a);
    for (const db of [a, b]) {
      const account = await db.accounts.get(shared.id);
      expect(account?.name).toBe('Bursztyn Media S.A.');
      expect(account?.tier).toBe('enterprise');
      expect((await db.accounts.get(onlyB.id))?.name).toBe('Harbor Travel Inc.');
      expect(await db.accountSummaries.get(onlyB.id)).toBeDefined();
      expect(await db.outbox.count()).toBe(0);
    }
    // Field-level merge leaves both replicas identical, clocks included.
    expect(await a.accounts.get(shared.id)).toEqual(await b.accounts.get(shared.id));
  });

  it('keeps both versions of a concurrent notes edit as a conflict, on both devices', async () => {
    const a = device();
    const b = device();
    const account = await createAccount(a, fields({ name: 'Wisła Media', notes: 'Original.' }));
    await sync(a);
    await sync(b);
    await updateAccount(a, account.id, { ...(await a.accounts.get(account.id))!, notes: 'From Anna: warm-up paused.' });
    await updateAccount(b, account.id, { ...(await b.accounts.get(account.id))!, notes: 'From Ben: Microsoft deferrals.' });
    await sync(a);
    await sync(b);
    await sync(a);

    const final = (await a.accounts.get(account.id))!.notes;
    expect((await b.accounts.get(account.id))!.notes).toBe(final);
    for (const db of [a, b]) {
      const conflicts = await db.conflicts.toArray();
      expect(conflicts).toHaveLength(1);
      const [conflict] = conflicts;
      expect(conflict!.field).toBe('notes');
      expect(new Set([conflict!.winner.value, conflict!.loser.value])).toEqual(new Set(['From Anna: warm-up paused.', 'From Ben: Microsoft deferrals.']));
      expect(conflict!.winner.value).toBe(final);
    }

    // Settled on A (both texts combined), the conflict is settled on B by the next sync.
    const [open] = await a.conflicts.toArray();
    await resolveConflict(a, open!.key, 'From Anna: warm-up paused. From Ben: Microsoft deferrals.');
    await sync(a);
    await sync(b);
    expect((await b.accounts.get(account.id))!.notes).toBe('From Anna: warm-up paused. From Ben: Microsoft deferrals.');
    expect((await b.conflicts.toArray()).map((c) => c.resolvedAt !== null)).toEqual([true]);
  });

  it('keeping the version shown now settles the conflict on the other device too', async () => {
    const a = device();
    const b = device();
    const account = await createAccount(a, fields({ name: 'Odra Logistics', notes: 'Original.' }));
    await sync(a);
    await sync(b);
    await updateAccount(a, account.id, { ...(await a.accounts.get(account.id))!, notes: 'Anna: DMARC at p=none.' });
    await updateAccount(b, account.id, { ...(await b.accounts.get(account.id))!, notes: 'Ben: DMARC at quarantine.' });
    await sync(a);
    await sync(b);
    await sync(a);
    const shown = (await b.accounts.get(account.id))!.notes;
    // The team's earlier records came along with the first pull; only this account's conflict counts here.
    const conflictsOn = async (db: TamDeskDb) => (await db.conflicts.toArray()).filter((c) => c.recordId === account.id);
    const [open] = await conflictsOn(b);
    expect(open!.winner.value).toBe(shown);

    await resolveConflict(b, open!.key, shown);
    expect(await b.outbox.count()).toBe(1);
    await sync(b);
    await sync(a);
    for (const db of [a, b]) {
      expect((await db.accounts.get(account.id))!.notes).toBe(shown);
      expect((await conflictsOn(db)).map((c) => c.resolvedAt !== null)).toEqual([true]);
    }
  });

  it('builds the summaries of pulled cases once the pull is done, and finishes a queue a closed app left', async () => {
    const a = device();
    const b = device();
    const account = await createAccount(a, fields({ name: 'Kashubia Mail' }));
    const opened = await openCase(a, {
      accountId: account.id, title: 'Bounces at WP', description: '', problemType: 'service-problem', priority: 'urgent',
      channel: 'platform-panel', agent: 'Jan', escalated: true, escalationReason: 'Revenue at stake',
    }, { author: 'Anna' });
    await applyCaseEvent(a, opened.id, { type: 'respond', author: 'Jan', body: 'On it.' });
    await sync(a);
    await sync(b);
    expect(await b.caseSummaryQueue.count()).toBe(0);
    expect(await b.caseSummaries.get(opened.id)).toEqual(await a.caseSummaries.get(opened.id));

    // As if the app closed between a pulled page and the rebuild after it.
    await b.caseSummaries.delete(opened.id);
    await b.caseSummaryQueue.put({ id: opened.id });
    await sync(b);
    expect(await b.caseSummaries.get(opened.id)).toEqual(await a.caseSummaries.get(opened.id));
  });

  it('pulls although queued summary work fails: the others land and get their summaries', async () => {
    const a = device();
    const b = device();
    const caseFields = { title: 'Bounces at WP', description: '', problemType: 'service-problem', priority: 'urgent', channel: 'platform-panel', agent: 'Jan', escalated: true, escalationReason: 'Revenue' } as const;
    const old = await createAccount(a, fields({ name: 'Kashubia Mail' }));
    const stuck = await openCase(a, { ...caseFields, accountId: old.id }, { author: 'Anna' });
    await sync(a);
    await sync(b);
    // On B, as an older version left them: the account unreadable, its case's summary still to build.
    await b.accounts.update(old.id, { calendar: null } as never);
    await b.caseSummaries.delete(stuck.id);
    await b.caseSummaryQueue.put({ id: stuck.id });

    const later = await createAccount(a, fields({ name: 'Harbor Travel' }));
    const fresh = await openCase(a, { ...caseFields, accountId: later.id }, { author: 'Anna' });
    await sync(a);
    await sync(b);
    expect((await b.accounts.get(later.id))?.name).toBe('Harbor Travel');
    expect(await b.caseSummaries.get(fresh.id)).toEqual(await a.caseSummaries.get(fresh.id));
    expect(await b.caseSummaries.get(stuck.id)).toBeUndefined();
    expect(await b.caseSummaryQueue.count()).toBe(0);
  });

  it('sends an unacknowledged push again without duplicating it', async () => {
    const a = device();
    const b = device();
    await createAccount(a, fields({ name: 'Replay Ltd' }));
    const real = httpTransport(server.url, token);
    // The first push reaches the server but its answer is lost.
    const lossy: Transport = {
      push: async (request) => {
        await real.push(request);
        throw new SyncError('offline', 'connection reset');
      },
      pull: real.pull,
    };
    await expect(pushOutbox(a, lossy)).rejects.toThrow('connection reset');
    expect(await a.outbox.count()).toBe(1);
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    await sync(b);
    expect((await b.accounts.toArray()).filter((x) => x.name === 'Replay Ltd')).toHaveLength(1);
  });

  it('says "token revoked", not just "failed", and keeps the outbox', async () => {
    const ben = `ben-${crypto.randomUUID().slice(0, 8)}`;
    const revokedToken = await addUser(server.db, ben, 'warsaw');
    await revokeUser(server.db, ben);
    const a = device();
    await createAccount(a, fields({ name: 'Kept Ltd' }));
    const error = await pushOutbox(a, httpTransport(server.url, revokedToken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('token_revoked');
    expect((error as SyncError).transient).toBe(false);
    expect(await a.outbox.count()).toBe(1);
  });

  it('a change stored with a field of the wrong type is set aside on pull; the rest lands and later changes still arrive', async () => {
    const a = device();
    const account = await createAccount(a, fields({ name: 'Bursztyn Broken Tags' }));
    await sync(a);
    // Stored by an older server that did not check fields (straight into its log).
    const bad = {
      changeId: crypto.randomUUID(), table: 'accounts', recordId: account.id, op: 'update', patch: { tags: 5 }, base: { tags: null },
      hlc: `${String(Date.now()).padStart(15, '0')}:00000:old-server-client`, at: new Date().toISOString(),
    };
    await server.db.query(
      `INSERT INTO changes (team_id, client_id, client_seq, author_id, change_id, table_name, record_id, payload, payload_bytes)
       SELECT team_id, 'old-server-client', 1, id, $1, 'accounts', $2, $3::jsonb, octet_length($3::text) FROM users WHERE name = 'anna'`,
      [bad.changeId, account.id, JSON.stringify(bad)],
    );
    await updateAccount(a, account.id, { ...(await a.accounts.get(account.id))!, notes: 'Fixed on A later.' });
    await sync(a);

    const b = device();
    await sync(b);
    expect(await b.accounts.get(account.id)).toMatchObject({ name: 'Bursztyn Broken Tags', tags: [], notes: 'Fixed on A later.' });
    expect(await b.setAside.toArray()).toMatchObject([{ direction: 'pulled', recordId: account.id, field: 'tags', reason: 'invalidValue' }]);
    expect(await b.accountSummaries.get(account.id)).toBeDefined();
  });

  it('an edit made while the clock was an hour ahead reaches the server once the clock is right', async () => {
    const a = device();
    const b = device();
    const anHourAhead = new Date(Date.now() + 3_600_000);
    const account = await createAccount(a, fields({ name: 'Tatra Cloud' }), { now: anHourAhead });
    await createAccount(a, fields({ name: 'Made after the clock was fixed' }));
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    await sync(b);
    expect((await b.accounts.get(account.id))?.name).toBe('Tatra Cloud');
    expect((await b.accounts.toArray()).map((x) => x.name)).toContain('Made after the clock was fixed');
  });
});
