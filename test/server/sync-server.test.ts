import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema, pullResponseSchema, pushResponseSchema, type ErrorResponse } from '@shared/sync/protocol';
import { buildApp } from '../../server/app';
import { revokeUser } from '../../server/users';
import { BACKENDS, batch, Client, makeChange, newClient, startTestServer, type TestServer } from './helpers';

describe.each(BACKENDS)('sync server on $name', (backend) => {
  let server: TestServer;
  const team = () => `team-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await startTestServer(backend);
  }, 30_000);
  afterAll(async () => {
    await server?.dispose();
  });

  const expectError = (r: { status: number; body: unknown }, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(errorResponseSchema.parse(r.body).error.code).toBe(code);
  };

  it('answers /health without a token', async () => {
    const r = await new Client(server.url, null).request('GET', '/health');
    expect(r).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('pushes a batch and pulls it back in order, with author and client', async () => {
    const c = await newClient(server, team());
    const changes = [makeChange(), makeChange({ op: 'create', patch: { name: 'Acme', tags: ['a'] }, base: { name: null, tags: null } }), makeChange()];
    const pushed = await c.push(batch(changes));
    expect(pushed.status).toBe(200);
    const ack = pushResponseSchema.parse(pushed.body);
    expect(ack.acknowledgedSeq).toBe(3);
    const pulled = await c.pull(0);
    expect(pulled.status).toBe(200);
    const page = pullResponseSchema.parse(pulled.body);
    expect(page.changes.map((s) => s.change)).toEqual(changes);
    expect(page.changes.map((s) => s.clientSeq)).toEqual([1, 2, 3]);
    expect(page.changes.every((s) => s.clientId === c.clientId)).toBe(true);
    expect(new Set(page.changes.map((s) => s.author)).size).toBe(1);
    const seqs = page.changes.map((s) => s.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(page).toMatchObject({ cursor: seqs[2], hasMore: false, latest: seqs[2] });
    expect(ack.serverSeq).toBe(seqs[2]);
    // Pulling after the cursor: nothing new, the cursor stays.
    expect((await c.pull(page.cursor)).body).toMatchObject({ changes: [], cursor: page.cursor, hasMore: false });
  });

  it('is idempotent: the same batch twice is stored once, with the same answer', async () => {
    const c = await newClient(server, team());
    const b = batch([makeChange(), makeChange()]);
    const first = await c.push(b);
    const second = await c.push(b);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(await c.pullAll()).toHaveLength(2);
  });

  it('acknowledges only a gap-free prefix: reordered and duplicated batches lose nothing', async () => {
    const c = await newClient(server, team());
    const ch = Array.from({ length: 6 }, () => makeChange());
    // 3-4 arrive before 1-2 (1-2 delayed): the client must keep 3-4.
    expect((await c.push(batch(ch.slice(2, 4), 3))).body).toMatchObject({ acknowledgedSeq: 0 });
    // 1-2, listed in reverse and one of them twice.
    const late = await c.push([{ seq: 2, change: ch[1]! }, { seq: 1, change: ch[0]! }, { seq: 2, change: ch[1]! }]);
    expect(late.body).toMatchObject({ acknowledgedSeq: 4 });
    // A duplicate of 3-4 plus 5-6.
    expect((await c.push(batch(ch.slice(2, 6), 3))).body).toMatchObject({ acknowledgedSeq: 6 });
    const all = await c.pullAll();
    expect(all.map((s) => s.change.changeId).sort()).toEqual(ch.map((x) => x.changeId).sort());
    // Within a batch the log keeps the client's order.
    const firstBatch = all.filter((s) => s.clientSeq <= 2);
    expect(firstBatch.map((s) => s.clientSeq)).toEqual([1, 2]);
  });

  it('applies a batch all or nothing: one invalid change stores none', async () => {
    const c = await newClient(server, team());
    const bad = { ...makeChange(), hlc: 'yesterday' };
    const r = await c.push([...batch([makeChange()]), { seq: 2, change: bad as never }, ...batch([makeChange()], 3)]);
    expectError(r, 400, 'change_refused');
    expect((r.body as unknown as ErrorResponse).error.change).toEqual({ seq: 2, changeId: bad.changeId, table: 'accounts', recordId: bad.recordId, field: 'hlc' });
    // One seq for two different changes: refused as a whole.
    const r2 = await c.push([{ seq: 1, change: makeChange() }, { seq: 1, change: makeChange() }]);
    expectError(r2, 400, 'invalid_payload');
    expect(await c.pullAll()).toEqual([]);
  });

  it('refuses changes whose clock runs too far ahead', async () => {
    const c = await newClient(server, team());
    const future = makeChange({ hlc: `${String(Date.now() + 7 * 86_400_000).padStart(15, '0')}:00000:node-x` });
    const r = await c.push(batch([makeChange(), future]));
    expectError(r, 400, 'clock_skew');
    expect((r.body as unknown as ErrorResponse).error.message).toContain('ahead');
    expect((r.body as unknown as ErrorResponse).error.change).toEqual({ seq: 2, changeId: future.changeId, table: 'accounts', recordId: future.recordId, field: 'hlc' });
    expect(await c.pullAll()).toEqual([]);
  });

  it('pages through 2,000 changes with limit 500', async () => {
    const c = await newClient(server, team());
    const all = Array.from({ length: 2000 }, () => makeChange());
    for (let i = 0; i < 4; i++) {
      const r = await c.push(batch(all.slice(i * 500, (i + 1) * 500), i * 500 + 1));
      expect(r.body).toMatchObject({ acknowledgedSeq: (i + 1) * 500 });
    }
    let cursor = 0;
    const seen: number[] = [];
    const hasMore: boolean[] = [];
    let latest: number;
    for (;;) {
      const r = await c.pull(cursor, 500);
      const page = pullResponseSchema.parse(r.body);
      expect(page.changes.length).toBeLessThanOrEqual(500);
      seen.push(...page.changes.map((s) => s.clientSeq));
      hasMore.push(page.hasMore);
      if (page.changes.length > 0) expect(page.cursor).toBe(page.changes.at(-1)!.serverSeq);
      latest = page.latest;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(hasMore).toEqual([true, true, true, false]);
    expect(seen).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(latest).toBe(cursor);
  }, 30_000);

  it('keeps the commit order under concurrent pushes: a follower never skips a change', async () => {
    const t = team();
    const writers = await Promise.all(Array.from({ length: 8 }, () => newClient(server, t)));
    const follower = await newClient(server, t);
    let done = false;
    let cursor = 0;
    const followed: string[] = [];
    const follow = (async () => {
      for (;;) {
        const finished = done;
        const page = pullResponseSchema.parse((await follower.pull(cursor, 50)).body);
        followed.push(...page.changes.map((s) => s.change.changeId));
        cursor = page.cursor;
        if (finished && !page.hasMore) return;
      }
    })();
    const pushed: string[] = [];
    await Promise.all(
      writers.map(async (w) => {
        for (let b = 0; b < 5; b++) {
          const changes = Array.from({ length: 10 }, () => makeChange());
          pushed.push(...changes.map((x) => x.changeId));
          expect((await w.push(batch(changes, b * 10 + 1))).status).toBe(200);
        }
      }),
    );
    done = true;
    await follow;
    expect(followed.length).toBe(400);
    expect(new Set(followed)).toEqual(new Set(pushed));
  }, 30_000);

  it('needs a valid, unrevoked token', async () => {
    const anon = new Client(server.url, null);
    expectError(await anon.pull(0), 401, 'unauthorized');
    expectError(await anon.push(batch([makeChange()])), 401, 'unauthorized');
    const bogus = new Client(server.url, 'not-a-real-token');
    expectError(await bogus.pull(0), 401, 'unauthorized');
    expectError(await bogus.request('GET', '/sync/pull?protocol=1', undefined, { authorization: 'Basic abc' }), 401, 'unauthorized');

    const t = team();
    const c = await newClient(server, t);
    const other = await newClient(server, t);
    expect((await c.push(batch([makeChange()]))).status).toBe(200);
    const [row] = await server.db.query<{ name: string }>('SELECT u.name FROM users u WHERE u.token_hash IS NOT NULL ORDER BY u.id DESC LIMIT 1 OFFSET 1');
    expect(await revokeUser(server.db, row!.name)).toBe(true);
    expectError(await c.push(batch([makeChange()], 2)), 401, 'token_revoked');
    expectError(await c.pull(0), 401, 'token_revoked');
    expect(await other.pullAll()).toHaveLength(1);
  });

  it("never shows or touches another team's data", async () => {
    const a = await newClient(server, team());
    const b = await newClient(server, team());
    const change = makeChange();
    expect((await a.push(batch([change]))).status).toBe(200);
    expect(await b.pullAll()).toEqual([]);
    // The same ids in team B (even the same clientId and seq) are B's own.
    const sameClient = new Client(server.url, b.token, a.clientId);
    expect((await sameClient.push(batch([change]))).body).toMatchObject({ acknowledgedSeq: 1 });
    // A team field in the payload is ignored: the team is the token's.
    const r = await b.request('POST', '/sync/push', { protocol: 1, clientId: b.clientId, team: 'x', teamId: 1, changes: batch([makeChange()]) });
    expect(r.status).toBe(200);
    expect(await a.pullAll()).toHaveLength(1);
    expect(await b.pullAll()).toHaveLength(2);
  });

  it('answers malformed, wrong-typed and oversized requests with a JSON 4xx and changes nothing', async () => {
    const c = await newClient(server, team());
    const good = batch([makeChange()]);
    const cases: [string, Record<string, string> | undefined, number, string][] = [
      ['{"protocol":1,', undefined, 400, 'invalid_payload'],
      ['null', undefined, 400, 'invalid_payload'],
      ['[]', undefined, 400, 'invalid_payload'],
      ['"text"', undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: '1', clientId: c.clientId, changes: good }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: 'x', changes: good }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: {} }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: [] }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: [{ seq: 0, change: good[0]!.change }] }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: [{ seq: 1, change: { ...good[0]!.change, table: 'nope' } }] }), undefined, 400, 'change_refused'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: batch(Array.from({ length: 501 }, () => makeChange())) }), undefined, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: good }), { 'content-type': 'text/plain' }, 400, 'invalid_payload'],
      [JSON.stringify({ protocol: 1, clientId: c.clientId, changes: good }), { 'content-type': 'application/xml' }, 415, 'invalid_payload'],
      ['', undefined, 400, 'invalid_payload'],
    ];
    for (const [body, headers, status, code] of cases) {
      const r = await c.request('POST', '/sync/push', body, headers);
      expect(r.status, `${body.slice(0, 80)} -> ${JSON.stringify(r.body)}`).toBe(status);
      expect(errorResponseSchema.parse(r.body).error.code).toBe(code);
    }
    const wrongTypes = (await c.push([{ seq: 1, change: { ...good[0]!.change, patch: 'x' } as never }])).body as unknown as ErrorResponse;
    expect(wrongTypes.error).toMatchObject({ code: 'change_refused', change: { seq: 1, field: 'patch' } });

    // Over the 5 MB body limit.
    const huge = JSON.stringify({ protocol: 1, clientId: c.clientId, changes: [{ seq: 1, change: { ...makeChange(), patch: { notes: 'x'.repeat(6 * 1024 * 1024) } } }] });
    expectError(await c.request('POST', '/sync/push', huge), 413, 'payload_too_large');

    for (const q of ['protocol=1&cursor=-1', 'protocol=1&cursor=abc', 'protocol=1&limit=0', 'protocol=1&limit=5000', 'cursor=0', 'protocol=x']) {
      expectError(await c.request('GET', `/sync/pull?${q}`), 400, 'invalid_payload');
    }
    expectError(await c.request('GET', '/nowhere'), 404, 'not_found');
    expect(await c.pullAll()).toEqual([]);
  });

  it('tells a client too old to update (426), and a newer one that the server is too old, applying nothing', async () => {
    const c = await newClient(server, team());
    expectError(await c.push(batch([makeChange()]), 0), 426, 'client_too_old');
    expectError(await c.pull(0, 10, 0), 426, 'client_too_old');
    expectError(await c.push(batch([makeChange()]), 2), 400, 'server_too_old');
    expectError(await c.pull(0, 10, 2), 400, 'server_too_old');
    expect(await c.pullAll()).toEqual([]);
  });

  it('never answers garbage with a 5xx', async () => {
    const c = await newClient(server, team());
    const bodies: unknown[] = [
      0, true, {}, { protocol: null }, { protocol: 1e308 }, { protocol: 1, clientId: 'a'.repeat(100000) },
      { protocol: 1, clientId: c.clientId, changes: [null] }, { protocol: 1, clientId: c.clientId, changes: [{ seq: 2 ** 60, change: makeChange() }] },
      { protocol: 1, clientId: c.clientId, changes: [{ seq: 1.5, change: makeChange() }] },
      { protocol: 1, clientId: c.clientId, changes: [{ seq: 1, change: { ...makeChange(), recordId: "'; DROP TABLE changes; --" } }] },
      { protocol: 1, clientId: c.clientId, changes: [{ seq: 1, change: { ...makeChange(), patch: { '\u0000': '\u0000' } } }] },
      { __proto__: { protocol: 1 } }, { protocol: 1, clientId: c.clientId, changes: [{ seq: 1, change: { ...makeChange(), at: 'now' } }] },
    ];
    for (const body of bodies) {
      const r = await c.request('POST', '/sync/push', JSON.stringify(body));
      expect(r.status, `${JSON.stringify(body)?.slice(0, 200)} -> ${JSON.stringify(r.body)}`).toBeLessThan(500);
      expect(errorResponseSchema.safeParse(r.body).success || r.status === 200).toBe(true);
    }
    for (const q of ['protocol=1&cursor=99999999999999999999999', 'protocol=1&cursor=1e3', 'protocol[]=1', 'protocol=1&protocol=1', 'protocol=1&limit=1&cursor=%00']) {
      const r = await c.request('GET', `/sync/pull?${q}`);
      expect(r.status, q).toBeLessThan(500);
    }
  });

  it('rate-limits per token with a JSON 429', async () => {
    const app = await buildApp({ db: server.db, rateMax: 3, rateWindowMs: 60_000 });
    try {
      const c = await newClient(server, team());
      const other = await newClient(server, team());
      const get = (token: string | null) =>
        app.inject({ method: 'GET', url: '/sync/pull?protocol=1', headers: token ? { authorization: `Bearer ${token}` } : {} });
      for (let i = 0; i < 3; i++) expect((await get(c.token)).statusCode).toBe(200);
      const limited = await get(c.token);
      expect(limited.statusCode).toBe(429);
      expect(errorResponseSchema.parse(limited.json()).error.code).toBe('rate_limited');
      expect((await get(other.token)).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
