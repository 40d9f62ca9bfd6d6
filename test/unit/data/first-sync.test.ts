import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountFields } from '@shared/domain/account';
import type { CaseSummary } from '@shared/cases/summary';
import { createAccount, updateAccount } from '../../../renderer/data/accounts';
import { addCaseEntry } from '../../../renderer/data/cases';
import { openDb, type TamDeskDb } from '../../../renderer/data/db';
import { pullChanges, pushOutbox } from '../../../renderer/data/sync/engine';
import type { Transport } from '../../../renderer/data/sync/transport';
import { loadDemoData } from '../../../renderer/features/settings/demo-data';
import { FakeSyncServer } from './fake-sync-server';

/**
 * A device's first sync builds its case summaries from the records its
 * pages wrote, once, at the end (renderer/data/projections.ts,
 * firstSyncSummaries), instead of queueing every case and reading it all
 * back. What a TAM sees must be the same as on a device that built them the
 * long way, whether the sync runs to the end, is cut short, or the TAM works
 * while it runs.
 */
const dbs: TamDeskDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const device = () => {
  const db = openDb(`first-sync-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
const NOW = new Date('2026-12-04T10:00:00Z');

/** A team's history on a server: demo accounts, policies, cases and timelines, then edits of records made earlier. */
async function teamServer(): Promise<FakeSyncServer> {
  const server = new FakeSyncServer();
  const ben = device();
  await loadDemoData(ben, 12, NOW);
  const cases = await ben.cases.toArray();
  for (const c of cases.slice(0, 6)) await addCaseEntry(ben, c.id, { kind: 'note', author: 'Ben', body: 'Asked the provider again.' }, { now: new Date(NOW.getTime() + 60_000) });
  const account = (await ben.accounts.get(cases[0]!.accountId))!;
  await updateAccount(ben, account.id, { ...account, name: `${account.name} (renamed)` });
  await pushOutbox(ben, server.transport('ben'));
  return server;
}

/** Pages of a few changes each, so that later pages change what earlier ones wrote. */
const smallPages = (transport: Transport, { failAfter = Infinity, beforePage = async (_n: number) => {} } = {}): Transport => {
  let pages = 0;
  return {
    push: transport.push,
    pull: async (cursor) => {
      pages += 1;
      if (pages > failAfter) throw new Error('The connection was reset');
      await beforePage(pages);
      return transport.pull(cursor, 5);
    },
  };
};

/** Summaries as a screen reads them (the order of the kept entries aside). */
const summaries = async (db: TamDeskDb): Promise<CaseSummary[]> =>
  (await db.caseSummaries.orderBy('id').toArray()).map((s) => ({ ...s, entries: [...s.entries].sort((a, b) => a.id.localeCompare(b.id)) }));

/** The summaries of a device that held a record before its first sync: queued by each page and read back at the end. */
async function builtTheLongWay(server: FakeSyncServer): Promise<CaseSummary[]> {
  const db = device();
  await createAccount(db, { ...emptyAccountFields('Europe/Warsaw'), name: 'Local only' });
  await pullChanges(db, smallPages(server.transport('carol')));
  return summaries(db);
}

describe("a device's first sync", () => {
  it('builds every case summary as a device that queued them and read them back would, over many pages', async () => {
    const server = await teamServer();
    const expected = await builtTheLongWay(server);
    const anna = device();
    await pullChanges(anna, smallPages(server.transport('anna')));
    expect(await anna.caseSummaryQueue.count()).toBe(0);
    expect(await summaries(anna)).toEqual(expected);
    expect(expected.some((s) => s.accountName.endsWith('(renamed)'))).toBe(true);
    expect((await anna.caseSummaries.toArray()).length).toBe(await anna.cases.count());
  });

  it('cut short, leaves its summaries to the next sync, which builds them all', async () => {
    const server = await teamServer();
    const expected = await builtTheLongWay(server);
    const anna = device();
    await expect(pullChanges(anna, smallPages(server.transport('anna'), { failAfter: 9 }))).rejects.toThrow('reset');
    expect(await anna.cases.count()).toBeGreaterThan(0);
    expect(await anna.caseSummaries.count()).toBe(0);
    await pullChanges(anna, smallPages(server.transport('anna')));
    expect(await summaries(anna)).toEqual(expected);
  });

  it('keeps what the TAM writes while it runs in the summaries', async () => {
    const server = await teamServer();
    const anna = device();
    let noted = '';
    await pullChanges(
      anna,
      smallPages(server.transport('anna'), {
        beforePage: async (n) => {
          // Mid-sync, the TAM adds a note to a case that has arrived.
          const arrived = n === 12 ? await anna.cases.toCollection().first() : undefined;
          if (arrived) noted = (await addCaseEntry(anna, arrived.id, { kind: 'note', author: 'Anna', body: 'Called the customer.' }, { now: NOW })).caseId;
        },
      }),
    );
    expect(noted).not.toBe('');
    const timeline = await anna.timeline.where('caseId').equals(noted).toArray();
    expect((await anna.caseSummaries.get(noted))?.entries.map((e) => e.id).sort()).toEqual(timeline.map((e) => e.id).sort());
    expect(await anna.caseSummaries.count()).toBe(await anna.cases.count());
  });
});
