import Dexie from 'dexie';
import { afterAll, expect, test } from 'vitest';
import { generateDemoAccounts } from '@shared/demo/generator';
import { seededRandom } from '@shared/demo/random';
import { CASE_STATUSES, PRIORITIES, PROBLEM_TYPES, TIMELINE_KINDS, type SupportCase, type TimelineEntry } from '@shared/domain/case';
import type { SyncedTable } from '@shared/domain/tables';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../server/cli';
import { openDb, type TamDeskDb } from '../../renderer/data/db';
import { createRecords } from '../../renderer/data/write';
import { pullChanges, pushOutbox, type SyncProgress } from '../../renderer/data/sync/engine';
import { httpTransport } from '../../renderer/data/sync/transport';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { report, type Figure } from './figures';

/**
 * A first sync of 100,000 records into a new device: 2,000 accounts, 18,000
 * cases and 80,000 timeline entries, pushed by one device to a real server on
 * loopback (a server process as `npm run server` starts it, on PGlite, its
 * default; the server is not the client's process), then pulled by an
 * empty device through the real engine and HTTP transport into IndexedDB
 * (fake-indexeddb, in Node). The baseline, in the same run, is a raw Dexie
 * `bulkPut` of the very records the sync produced into another empty
 * database: the ratio is what the protocol, the merge and the projections
 * cost on top of storing the data at all. Target: at most 1.5x.
 */
const ACCOUNTS = 2_000;
const CASES = 18_000;
const ENTRIES = 80_000;
const TARGET_RATIO = 1.5;
const figures: Figure[] = [];

afterAll(() => report('first-sync', figures));

function teamData() {
  const r = seededRandom(7);
  const now = Date.parse('2026-11-02T09:00:00.000Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const meta = (ms: number) => ({ id: r.uuid(ms), createdAt: iso(ms), updatedAt: iso(ms), deletedAt: null, clocks: {} });
  const accounts = generateDemoAccounts({ count: ACCOUNTS });
  const cases: SupportCase[] = Array.from({ length: CASES }, (_, i) => {
    const opened = now - r.int(0, 400) * 86_400_000;
    return {
      ...meta(opened),
      accountId: accounts[i % ACCOUNTS]!.id,
      title: `Deferrals at a mailbox provider, case ${i + 1}`,
      description: 'Since Monday a share of messages to one provider is deferred with 421 responses; the customer asks why.',
      problemType: r.pick(PROBLEM_TYPES),
      priority: r.pick(PRIORITIES),
      channel: r.chance(0.5) ? 'platform-panel' : 'designated-email',
      agent: 'Support Agent',
      status: r.pick(CASE_STATUSES),
      escalated: r.chance(0.3),
      escalationReason: '',
      slaPolicyId: null,
      slaPolicyVersion: null,
      openedAt: iso(opened),
      reopenCount: 0,
    };
  });
  const entries: TimelineEntry[] = Array.from({ length: ENTRIES }, (_, i) => {
    const c = cases[i % CASES]!;
    const at = Date.parse(c.openedAt) + r.int(1, 600) * 60_000;
    return {
      ...meta(at),
      accountId: c.accountId,
      caseId: c.id,
      kind: r.pick(TIMELINE_KINDS),
      at: iso(at),
      author: 'Support Agent',
      body: 'We have asked the provider to review the deferrals and will update you by the end of the business day.',
      fromStatus: null,
      toStatus: null,
    };
  });
  return { accounts, cases, entries };
}

async function readAll(db: TamDeskDb, table: string) {
  return db.table(table).toArray();
}

/** A user's token, made by the server's own CLI (before the server holds the data folder). */
async function addUser(dataDir: string, name: string): Promise<string> {
  const lines: string[] = [];
  const code = await runAdmin(['add-user', name, '--team', 'bench-team'], { DATA_DIR: dataDir }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  if (code !== 0) throw new Error(lines.join('\n'));
  return lines.at(-1)!;
}

test('first sync of 100,000 records into an empty device, against a raw bulkPut of the same records', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tam-desk-first-sync-'));
  const seederToken = await addUser(dataDir, 'bench-seeder');
  const readerToken = await addUser(dataDir, 'bench-reader');
  let server: ServerProcess | undefined;
  const dbs: TamDeskDb[] = [];
  const fresh = (name: string) => {
    const db = openDb(`${name}-${crypto.randomUUID()}`);
    dbs.push(db);
    return db;
  };
  try {
    server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const transport = httpTransport(server.url, seederToken);
    const { accounts, cases, entries } = teamData();
    const seeder = fresh('seeder');
    await createRecords(seeder, 'accounts', accounts);
    await createRecords(seeder, 'cases', cases);
    await createRecords(seeder, 'timeline', entries);
    expect(await pushOutbox(seeder, transport)).toBe(ACCOUNTS + CASES + ENTRIES);

    const device = fresh('new-device');
    const reader = httpTransport(server.url, readerToken);
    const progress: SyncProgress[] = [];
    const t0 = performance.now();
    const pulled = await pullChanges(device, reader, (p) => progress.push(p));
    const syncMs = performance.now() - t0;
    expect(pulled).toBe(ACCOUNTS + CASES + ENTRIES);
    expect(progress.at(-1)).toMatchObject({ phase: 'pull', done: pulled, total: pulled });

    const tables: SyncedTable[] = ['accounts', 'cases', 'timeline'];
    const synced = await Promise.all(tables.map((t) => readAll(device, t)));
    expect(synced.map((rows) => rows.length)).toEqual([ACCOUNTS, CASES, ENTRIES]);
    expect(await device.accountSummaries.count()).toBe(ACCOUNTS);

    const raw = fresh('raw-bulkput');
    const t1 = performance.now();
    for (const [i, table] of tables.entries()) await raw.table(table).bulkPut(synced[i]!);
    const rawMs = performance.now() - t1;

    const ratio = syncMs / rawMs;
    figures.push({ name: 'first sync of 100,000 records (pull through HTTP, merge, projections)', value: syncMs / 1000, unit: 's', target: '', met: null });
    figures.push({ name: 'raw Dexie bulkPut of the same 100,000 records', value: rawMs / 1000, unit: 's', target: '', met: null });
    figures.push({ name: 'first sync / raw bulkPut', value: ratio, unit: 'x', target: `<= ${TARGET_RATIO}`, met: ratio <= TARGET_RATIO });
  } finally {
    for (const db of dbs) {
      db.close();
      await Dexie.delete(db.name);
    }
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
