import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorResponseSchema, MAX_PUSH_BYTES, pullResponseSchema } from '@shared/sync/protocol';
import { readConfig } from '../../server/config';
import { BACKENDS, batch, Client, makeChange, newClient, rawRequest, startTestServer, type TestServer } from './helpers';

/**
 * The server's bounds, over real HTTP: what a device or a stranger can make
 * one request cost, and the answer each gets when it goes too far.
 */
const team = () => `team-${randomUUID().slice(0, 8)}`;
const budget = 20_000;

describe.each(BACKENDS)('limits on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { maxPullPageBytes: budget });
  }, 30_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it('bounds a pull page by bytes as well as rows, and moves the cursor past a record larger than a page', async () => {
    const c = await newClient(server, team());
    const note = (n: number) => makeChange({ patch: { notes: `${n} `.padEnd(3_000, 'x') }, base: { notes: null } });
    const tags = Array.from({ length: 2_000 }, (_, i) => `tag-${i}`); // ~20 KB: more than a page on its own
    const changes = [...Array.from({ length: 12 }, (_, i) => note(i)), makeChange({ patch: { tags }, base: { tags: null } }), makeChange({ patch: { tags: [...tags, 'one-more'] }, base: { tags: null } }), note(12)];
    expect((await c.push(batch(changes))).body).toMatchObject({ acknowledgedSeq: changes.length });

    const pages: string[][] = [];
    let cursor = 0;
    for (;;) {
      const page = pullResponseSchema.parse((await c.pull(cursor, 1000)).body);
      expect(page.changes.length).toBeGreaterThan(0);
      const bytes = page.changes.reduce((sum, s) => sum + Buffer.byteLength(JSON.stringify(s.change)), 0);
      if (page.changes.length > 1) expect(bytes).toBeLessThanOrEqual(budget);
      pages.push(page.changes.map((s) => s.change.changeId));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.flat()).toEqual(changes.map((x) => x.changeId));
    // Six notes of ~3 KB fit a 20 KB page; each large record is a page of its own.
    expect(pages.map((p) => p.length)).toEqual([6, 6, 1, 1, 1]);
  });

  it('answers a push over the body limit with its 413 every time, from Content-Length, with and without Expect: 100-continue', async () => {
    const c = await newClient(server, team());
    const body = JSON.stringify({ protocol: 1, clientId: c.clientId, changes: batch([makeChange({ patch: { notes: 'x'.repeat(MAX_PUSH_BYTES) } })]) });
    for (let i = 0; i < 20; i++) {
      for (const expectContinue of [false, true]) {
        const r = await rawRequest(server.url, { method: 'POST', path: '/sync/push', headers: { authorization: `Bearer ${c.token}` }, body, expectContinue });
        expect(r.status, JSON.stringify(r.body)).toBe(413);
        expect(errorResponseSchema.parse(r.body).error.code).toBe('payload_too_large');
        // Refused before the upload: the device is never asked for the body.
        expect(r.continued).toBe(false);
      }
    }
    // A push within the limit still asks for its body and goes through.
    const small = JSON.stringify({ protocol: 1, clientId: c.clientId, changes: batch([makeChange()]) });
    const ok = await rawRequest(server.url, { method: 'POST', path: '/sync/push', headers: { authorization: `Bearer ${c.token}` }, body: small, expectContinue: true });
    expect(ok).toMatchObject({ status: 200, continued: true, body: { acknowledgedSeq: 1 } });
  }, 30_000);

  it('answers deeply nested JSON with a 400, not a 500', async () => {
    const c = await newClient(server, team());
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const inPatch = JSON.stringify({ protocol: 1, clientId: c.clientId, changes: batch([makeChange({ patch: { notes: 'DEEP' }, base: { notes: null } })]) }).replace('"DEEP"', deep);
    for (const body of [deep, inPatch, `{"protocol":1,"clientId":"${c.clientId}","changes":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`]) {
      const r = await c.request('POST', '/sync/push', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(errorResponseSchema.parse(r.body).error.code).toBe('invalid_payload');
    }
    expect(await c.pullAll()).toEqual([]);
  });
});

/**
 * Guards in front of the database (the backend does not matter). Each test
 * comes from an address of its own on the loopback network (127.0.0.0/8), so
 * one's failed sign-ins never block another.
 */
describe('connection guards', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ name: 'pglite' }, { signInFailMax: 5, signInWindowMs: 60_000, requestTimeoutMs: 600, connectionTimeoutMs: 400, trustProxy: ['127.0.0.4'] });
  }, 30_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.dispose();
  });

  it('answers failed sign-ins from one address with 429 after a few, without a database lookup; other addresses sign in', async () => {
    const c = await newClient(server, team());
    const query = vi.spyOn(server.db, 'query');
    const lookups = () => query.mock.calls.filter(([sql]) => sql.includes('token_hash')).length;

    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await new Client(server.url, `guess-${randomUUID()}`).pull(0);
      statuses.push(r.status);
      if (r.status === 429) expect(errorResponseSchema.parse(r.body).error.code).toBe('rate_limited');
    }
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(35).fill(429)]);
    expect(lookups()).toBe(5);

    // A teammate at another address is not affected.
    const r = await rawRequest(server.url, { path: '/sync/pull?protocol=1', headers: { authorization: `Bearer ${c.token}` }, localAddress: '127.0.0.2' });
    expect(r.status).toBe(200);
    expect(lookups()).toBe(6);
  });

  it('behind a trusted proxy counts the forwarded address, and ignores X-Forwarded-For from anyone else', async () => {
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.4' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.4']);
    expect(readConfig({}).trustProxy).toBe(false);
    const { token } = await newClient(server, team());
    const pull = (auth: string, from: string, forwardedFor?: string) =>
      rawRequest(server.url, { path: '/sync/pull?protocol=1', headers: { authorization: `Bearer ${auth}`, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, localAddress: from });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await pull(`guess-${i}`, '127.0.0.4', '198.51.100.7')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another client behind the same proxy signs in.
    expect((await pull(token!, '127.0.0.4', '198.51.100.8')).status).toBe(200);
    // A forged header from a peer that is not the proxy changes nothing: 127.0.0.5 is counted as itself.
    const forged: number[] = [];
    for (let i = 0; i < 6; i++) forged.push((await pull(`guess-${i}`, '127.0.0.5', `198.51.100.${20 + i}`)).status);
    expect(forged).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('cuts off a client that sends its headers and then its body slowly, or not at all', async () => {
    const { hostname, port } = new URL(server.url);
    const { token } = await newClient(server, team());
    const head = (length: number) =>
      `POST /sync/push HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\nauthorization: Bearer ${token}\r\n\r\n{"protocol":1,`;
    const closed = (drip: boolean) =>
      new Promise<{ ended: boolean; dripped: number }>((resolve, reject) => {
        const socket = connect({ port: Number(port), host: hostname, localAddress: '127.0.0.3' }, () => socket.write(head(10_000)));
        let dripped = 0;
        // One byte every 50 ms: never idle, so only the whole-request timeout can end it.
        const timer = drip ? setInterval(() => socket.write(' ', () => (dripped += 1)), 50) : undefined;
        socket.on('error', () => {});
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ ended: true, dripped });
        });
        socket.on('timeout', () => reject(new Error('the server kept the connection open')));
        socket.setTimeout(8_000);
        socket.resume();
      });
    const slow = await closed(true);
    expect(slow.ended).toBe(true);
    expect(slow.dripped).toBeLessThan(10_000);
    expect((await closed(false)).ended).toBe(true);
  });
});
