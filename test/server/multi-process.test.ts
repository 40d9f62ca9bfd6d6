import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '@shared/sync/change';
import { pullResponseSchema, pushResponseSchema, type ServerChange } from '@shared/sync/protocol';
import { openPostgres } from '../../server/db';
import { migrate } from '../../server/migrate';
import { addUser } from '../../server/users';
import { batch, Client, freshConfig, makeChange } from './helpers';
import { startServerProcess, type ServerProcess } from './server-process';

/**
 * The server keeps no state outside the database: two real server processes
 * (`tsx server/main.ts`) on one PostgreSQL, and clients whose every request
 * goes to either of them, as behind a load balancer. Writers push batches to a
 * random process and replay some of them on the other (in turn or at the same
 * time); a reader alternates its pulls between the processes while they write.
 * Every change is stored once, every acknowledgement is right, and the reader
 * sees every change exactly once, in one global order, with nothing skipped.
 */
const url = process.env.TEST_DATABASE_URL;
const WRITERS = 4;
const BATCHES = 50;

// A small seeded PRNG, so a failure can be replayed from the printed seed.
const seed = Number(process.env.MULTI_PROCESS_SEED ?? Date.now() % 1_000_000);
let state = seed >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4_294_967_296;
};

describe.skipIf(!url)('two server processes on one PostgreSQL (needs TEST_DATABASE_URL: npm test starts one, see scripts/postgres-for-tests.sh)', () => {
  let drop: () => Promise<void> = async () => {};
  const servers: ServerProcess[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    const fresh = await freshConfig({ name: 'postgres' });
    drop = fresh.drop;
    const databaseUrl = fresh.config.databaseUrl!;
    // Migrations once, up front; the users for the clients, all in one team.
    const db = await openPostgres(databaseUrl, 2);
    try {
      await migrate(db);
      const team = `team-${randomUUID().slice(0, 8)}`;
      for (let i = 0; i <= WRITERS; i++) tokens.push(await addUser(db, `mp-user-${i}-${randomUUID().slice(0, 8)}`, team));
    } finally {
      await db.close();
    }
    const started = await Promise.allSettled([0, 1].map(() => startServerProcess({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await drop();
  }, 30_000);

  it('stores every change once, acknowledges right, and serves one global order to a reader alternating between them', async () => {
    console.log(`multi-process sync: seed ${seed} (replay with MULTI_PROCESS_SEED=${seed})`);
    const [a, b] = servers as [ServerProcess, ServerProcess];
    expect(a.url).not.toBe(b.url);
    const pushed = new Map<string, { clientId: string; seq: number; change: Change }>();
    let writing = true;
    let pushes = 0;
    let replays = 0;
    // The reader, once caught up, waits for the next acknowledged push (or
    // the end of writing) rather than polling.
    let announce!: () => void;
    let nextPush = new Promise<void>((r) => (announce = r));
    const announcePush = () => {
      announce();
      nextPush = new Promise<void>((r) => (announce = r));
    };

    const writer = async (token: string) => {
      const clientId = `mp-client-${randomUUID()}`;
      const on = [new Client(a.url, token, clientId), new Client(b.url, token, clientId)] as const;
      let seq = 0;
      for (let n = 0; n < BATCHES; n++) {
        const changes = Array.from({ length: 1 + Math.floor(random() * 8) }, () => makeChange());
        const body = batch(changes, seq + 1);
        seq += changes.length;
        for (const c of body) pushed.set(c.change.changeId, { clientId, seq: c.seq, change: c.change });
        const first = Math.floor(random() * 2);
        const roll = random();
        // 60%: one process; 25%: the same batch to both at once (a retry racing
        // the original); 15%: replayed on the other process afterwards.
        const replies =
          roll < 0.6
            ? [await on[first]!.push(body)]
            : roll < 0.85
              ? await Promise.all([on[first]!.push(body), on[1 - first]!.push(body)])
              : [await on[first]!.push(body), await on[1 - first]!.push(body)];
        pushes += 1;
        replays += replies.length - 1;
        announcePush();
        for (const r of replies) {
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          expect(pushResponseSchema.parse(r.body).acknowledgedSeq).toBe(seq);
        }
      }
      return { clientId, lastSeq: seq };
    };

    // The reader: small pages, each from the other process than the last.
    const seen: ServerChange[] = [];
    const reader = async () => {
      const on = [new Client(a.url, tokens[WRITERS]!), new Client(b.url, tokens[WRITERS]!)];
      let cursor = 0;
      let turn = 0;
      for (;;) {
        const stillWriting = writing; // read before the pull: a pull after the last push sees it all
        const pushed = nextPush; // taken before the pull: a push acknowledged during it wakes the reader
        const r = await on[turn++ % 2]!.pull(cursor, 25);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const page = pullResponseSchema.parse(r.body);
        seen.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) {
          if (!stillWriting) return;
          await pushed;
        }
      }
    };

    const reading = reader();
    const written = await Promise.all(tokens.slice(0, WRITERS).map((t) => writer(t))).finally(() => {
      writing = false;
      announcePush();
    });
    await reading;

    // Every change pushed is stored exactly once: the full log from either
    // process holds each changeId once, with the client's id and seq.
    const full = await new Client(a.url, tokens[0]!).pullAll(1000);
    const fullB = await new Client(b.url, tokens[1]!).pullAll(333);
    expect(fullB).toEqual(full);
    expect(full).toHaveLength(pushed.size);
    expect(new Set(full.map((s) => s.change.changeId)).size).toBe(full.length);
    for (const s of full) {
      const sent = pushed.get(s.change.changeId);
      expect(sent, s.change.changeId).toBeDefined();
      expect({ clientId: s.clientId, seq: s.clientSeq, change: s.change }).toEqual(sent);
    }
    // One global order: strictly increasing server seqs, and each client's
    // changes in its own seq order (its batches were sequential).
    const order = full.map((s) => s.serverSeq);
    expect(order.every((x, i) => i === 0 || x > order[i - 1]!)).toBe(true);
    for (const { clientId, lastSeq } of written) {
      const mine = full.filter((s) => s.clientId === clientId).map((s) => s.clientSeq);
      expect(mine).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    }
    // The reader, pulling while the writers wrote, saw exactly that log: each
    // change once, in the same order, none skipped by a later commit of a
    // lower server seq.
    expect(seen.map((s) => s.serverSeq)).toEqual(order);
    expect(seen).toEqual(full);
    // A replay after the fact acknowledges everything on both processes, and stores nothing.
    for (const { clientId, lastSeq } of written.slice(0, 1)) {
      const first = full.find((s) => s.clientId === clientId)!;
      for (const base of [a.url, b.url]) {
        const r = await new Client(base, tokens[0]!, clientId).push([{ seq: 1, change: first.change }]);
        expect(r.body).toMatchObject({ acknowledgedSeq: lastSeq });
      }
    }
    expect(await new Client(b.url, tokens[2]!).pullAll(1000)).toHaveLength(full.length);
    expect(pushes).toBe(WRITERS * BATCHES);
    expect(replays).toBeGreaterThan(0);

    // Both stop cleanly on SIGTERM.
    const exits = await Promise.all(servers.map((s) => s.stop()));
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    for (const s of servers) expect(s.output()).toContain('TAM Desk sync server stopped.');
  }, 45_000);
});
