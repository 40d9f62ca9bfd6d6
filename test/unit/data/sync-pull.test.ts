import { describe, expect, it } from 'vitest';
import { emptyAccountFields, type AccountFields } from '@shared/domain/account';
import { newId } from '@shared/ids';
import type { Change } from '@shared/sync/change';
import { parseHlc } from '@shared/sync/hlc';
import { MAX_CLOCK_SKEW_MS } from '@shared/sync/skew';
import { createAccount } from '../../../renderer/data/accounts';
import { pullChanges, pushOutbox } from '../../../renderer/data/sync/engine';
import { CURSOR_KEY } from '../../../renderer/data/sync/sync-config';
import { FakeSyncServer } from './fake-sync-server';
import { joinedAt, markJoined } from '../../../renderer/data/joined';
import { throwawayDatabases } from './throwaway-db';

/**
 * Pulling a teammate's changes: every one passes the same check the server
 * runs; one that fails is set aside with the reason and who sent it, and the
 * rest of the page lands and the cursor moves on.
 */
const device = throwawayDatabases('pull');
const fields = (over: Partial<AccountFields> = {}): AccountFields => ({ ...emptyAccountFields('Europe/Warsaw'), ...over });

/** An update of one field, as a teammate's device would send it. */
const update = (recordId: string, patch: Record<string, unknown>, hlc = `${String(Date.now()).padStart(15, '0')}:00000:bens-laptop-0001`): Change => ({
  changeId: newId(),
  table: 'accounts',
  recordId,
  op: 'update',
  patch,
  base: Object.fromEntries(Object.keys(patch).map((f) => [f, null])),
  hlc,
  at: new Date().toISOString(),
});

describe('pulling a malformed change', () => {
  it('sets aside changes of the wrong type, applies the rest of the page and the next, and moves the cursor', async () => {
    const server = new FakeSyncServer();
    const ben = device();
    const bursztyn = await createAccount(ben, fields({ name: 'Bursztyn Handel', tags: ['retail'] }));
    const harbor = await createAccount(ben, fields({ name: 'Harbor Travel' }));
    await pushOutbox(ben, server.transport('ben'));
    // A teammate on an older server (or a hostile one) stored these.
    server.inject(update(bursztyn.id, { tags: 5 }));
    server.inject(update(harbor.id, { calendar: null }));
    server.inject({ ...update(harbor.id, { name: 'Harbor' }), hlc: 'yesterday' });
    server.inject(update(harbor.id, { notes: 'Warm-up starts Monday.' }));

    const anna = device();
    await pullChanges(anna, server.transport('anna'));

    expect((await anna.accounts.get(bursztyn.id))?.tags).toEqual(['retail']);
    const harborHere = await anna.accounts.get(harbor.id);
    expect(harborHere?.calendar.timeZone).toBe('Europe/Warsaw');
    expect(harborHere?.notes).toBe('Warm-up starts Monday.');
    expect(harborHere?.name).toBe('Harbor Travel');
    expect(await anna.accountSummaries.count()).toBe(2);
    expect((await anna.meta.get(CURSOR_KEY))?.value).toBe(server.log.length);

    const setAside = await anna.setAside.orderBy('id').toArray();
    expect(setAside.map((r) => [r.direction, r.recordId, r.field, r.reason, r.from?.author]).sort()).toEqual(
      [
        ['pulled', bursztyn.id, 'tags', 'invalidValue', 'ben'],
        ['pulled', harbor.id, 'calendar', 'invalidValue', 'ben'],
        ['pulled', harbor.id, 'hlc', 'malformed', 'ben'],
      ].sort(),
    );
    // A later pull finds nothing new and sets nothing aside twice.
    await pullChanges(anna, server.transport('anna'));
    expect(await anna.setAside.count()).toBe(3);
  });

  it('sets aside a change with text no replica can store, or a field its table does not have', async () => {
    const server = new FakeSyncServer();
    const ben = device();
    const account = await createAccount(ben, fields({ name: 'Wisła Media' }));
    await pushOutbox(ben, server.transport('ben'));
    server.inject(update(account.id, { notes: 'half an emoji \uD83D' }));
    server.inject(update(account.id, { owner: 'mallory' }));
    const anna = device();
    await pullChanges(anna, server.transport('anna'));
    expect((await anna.accounts.get(account.id))?.name).toBe('Wisła Media');
    expect((await anna.setAside.toArray()).map((r) => r.reason).sort()).toEqual(['unknownField', 'unstorableText']);
  });
});

describe('the clock after a pull', () => {
  it('does not run ahead of now plus the skew bound, whatever clock a teammate sent', async () => {
    const server = new FakeSyncServer();
    const ben = device();
    const account = await createAccount(ben, fields({ name: 'Odra Logistics' }));
    await pushOutbox(ben, server.transport('ben'));
    const anHourAhead = `${String(Date.now() + 3_600_000).padStart(15, '0')}:00000:bens-laptop-0001`;
    server.inject(update(account.id, { notes: 'Written with a clock an hour fast.' }, anHourAhead));

    const anna = device();
    await pullChanges(anna, server.transport('anna'));
    expect((await anna.accounts.get(account.id))?.notes).toBe('Written with a clock an hour fast.');
    const mine = await createAccount(anna, fields({ name: 'Kashubia Mail' }));
    expect(parseHlc(mine.clocks.name!).wall).toBeLessThanOrEqual(Date.now() + MAX_CLOCK_SKEW_MS);
  });
});

describe('the join time', () => {
  it('stays when a new team’s log is still empty, though every pull of it starts from the beginning', async () => {
    const server = new FakeSyncServer();
    const anna = device();
    const signedIn = await markJoined(anna, Date.parse('2026-12-01T09:00:00Z'));
    await pullChanges(anna, server.transport('anna'));
    await pullChanges(anna, server.transport('anna'));
    expect((await anna.meta.get(CURSOR_KEY))?.value ?? 0).toBe(0);
    expect(await joinedAt(anna)).toBe(signedIn);
  });
});
