import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Change } from '@shared/sync/change';
import { PROTOCOL_VERSION, type PullResponse, type PushResponse } from '@shared/sync/protocol';
import type { AppOptions } from '../../server/app';
import type { ServerConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import { addUser } from '../../server/users';

/**
 * The backends the server tests run against: PGlite always; a real
 * PostgreSQL too when TEST_DATABASE_URL is set (see
 * scripts/postgres-for-tests.sh), each suite in a database of its own.
 */
export type Backend = { name: 'pglite' | 'postgres' };
export const BACKENDS: Backend[] = [{ name: 'pglite' }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const }] : [])];

export type TestServer = RunningServer & { config: ServerConfig; dispose: () => Promise<void> };

/** A fresh database on the backend: a PGlite folder, or a new PostgreSQL database. */
export async function freshConfig(backend: Backend): Promise<{ config: ServerConfig; drop: () => Promise<void> }> {
  const base: ServerConfig = { port: 0, host: '127.0.0.1', dataDir: '', databaseUrl: null, logLevel: 'silent' };
  if (backend.name === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tam-desk-server-test-'));
    return { config: { ...base, dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tamdesk_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { ...base, databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(backend: Backend, options: Omit<AppOptions, 'db' | 'logger'> = {}): Promise<TestServer> {
  const { config, drop } = await freshConfig(backend);
  const server = await startServer(config, { ...options, logger: false });
  return {
    ...server,
    config,
    dispose: async () => {
      await server.close();
      await drop();
    },
  };
}

let hlcCounter = 0;
/** A valid change (accounts table) with a fresh changeId. */
export function makeChange(overrides: Partial<Change> = {}): Change {
  hlcCounter += 1;
  const wall = Date.now();
  return {
    changeId: randomUUID(),
    table: 'accounts',
    recordId: randomUUID(),
    op: 'update',
    patch: { name: `Account ${hlcCounter}` },
    base: { name: null },
    hlc: `${String(wall).padStart(15, '0')}:${String(hlcCounter % 100000).padStart(5, '0')}:node-test`,
    at: new Date(wall).toISOString(),
    ...overrides,
  };
}

export type Reply<T> = { status: number; body: T };

/** A client of one user of one server. */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null,
    readonly clientId = `client-${randomUUID()}`,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: the test asserts on it
    }
    return { status: res.status, body: parsed as T };
  }

  push(changes: { seq: number; change: Change }[], protocol = PROTOCOL_VERSION) {
    return this.request<PushResponse>('POST', '/sync/push', { protocol, clientId: this.clientId, changes });
  }

  pull(cursor = 0, limit?: number, protocol = PROTOCOL_VERSION) {
    const q = new URLSearchParams({ protocol: String(protocol), cursor: String(cursor) });
    if (limit !== undefined) q.set('limit', String(limit));
    return this.request<PullResponse>('GET', `/sync/pull?${q}`);
  }

  /** Every change of the team, page by page. */
  async pullAll(limit = 1000): Promise<PullResponse['changes']> {
    const all: PullResponse['changes'] = [];
    let cursor = 0;
    for (;;) {
      const r = await this.pull(cursor, limit);
      if (r.status !== 200) throw new Error(`pull ${r.status} ${JSON.stringify(r.body)}`);
      all.push(...r.body.changes);
      cursor = r.body.cursor;
      if (!r.body.hasMore) return all;
    }
  }
}

let userCounter = 0;
/** A new user in `team` (created when new), as a client of `server`. */
export async function newClient(server: RunningServer, team: string, clientId?: string): Promise<Client> {
  userCounter += 1;
  const token = await addUser(server.db, `user-${userCounter}-${randomUUID().slice(0, 8)}`, team);
  return new Client(server.url, token, clientId);
}

export const batch = (changes: Change[], firstSeq = 1) => changes.map((change, i) => ({ seq: firstSeq + i, change }));

export type RawReply = { status: number; body: unknown; headers: Record<string, string | string[] | undefined>; continued: boolean };

/**
 * One request over node:http, on a connection of its own: for what fetch
 * hides (Expect: 100-continue, the source address, a declared length).
 */
export function rawRequest(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; expectContinue?: boolean; localAddress?: string },
): Promise<RawReply> {
  const url = new URL(opts.path, baseUrl);
  const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
  const headers: Record<string, string> = { ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}), ...opts.headers };
  if (opts.expectContinue) headers.expect = '100-continue';
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest({ host: url.hostname, port: url.port, method: opts.method ?? 'GET', path: url.pathname + url.search, headers, agent: false, localAddress: opts.localAddress });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: the test asserts on it
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers, continued });
      });
    });
    req.on('error', reject);
    if (opts.expectContinue) {
      req.on('continue', () => {
        continued = true;
        req.end(body);
      });
      req.flushHeaders();
    } else req.end(body);
  });
}
