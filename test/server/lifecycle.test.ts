import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '@shared/sync/protocol';
import { runAdmin } from '../../server/cli';
import { defaultDataDir } from '../../server/config';
import { LOCK_FILE } from '../../server/lock';
import { loadMigrations } from '../../server/migrate';
import { startServer } from '../../server/server';
import { batch, Client, makeChange } from './helpers';

/** The CLI, the data folder's lock, restarts and shutdown (PGlite). */
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'tam-desk-server-life-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};
const config = (dataDir: string) => ({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: null, logLevel: 'silent' });

describe('server admin commands and lifecycle', () => {
  it('adds, lists and revokes users; the token works once the server runs', async () => {
    const env = { DATA_DIR: tempDir() };
    const add = capture();
    expect(await runAdmin(['add-user', 'alice', '--team', 'acme'], env, add.io)).toBe(0);
    const token = add.out.at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dup = capture();
    expect(await runAdmin(['add-user', 'alice', '--team', 'other'], env, dup.io)).toBe(1);
    expect(dup.err.join('\n')).toContain('already exists');
    expect(await runAdmin(['add-user', 'bob', '--team', 'acme'], env, capture().io)).toBe(0);
    expect(await runAdmin(['add-user', 'nobody'], env, capture().io)).toBe(2);

    const list = capture();
    expect(await runAdmin(['list-users'], env, list.io)).toBe(0);
    expect(list.out[0]).toMatch(/^NAME\s+TEAM\s+CREATED\s+REVOKED$/);
    expect(list.out.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([['alice', 'acme'], ['bob', 'acme']]);
    expect(list.out.join('\n')).not.toContain(token);

    const server = await startServer(config(env.DATA_DIR), { logger: false });
    try {
      const c = new Client(server.url, token);
      expect((await c.push(batch([makeChange()]))).status).toBe(200);
      // While the server holds the folder, a command refuses and changes nothing.
      const busy = capture();
      expect(await runAdmin(['revoke-user', 'alice'], env, busy.io)).toBe(1);
      expect(busy.err.join('\n')).toMatch(/in use by a running TAM Desk sync server \(pid \d+\).*Nothing was changed/);
      expect((await c.pull(0)).status).toBe(200);
    } finally {
      await server.close();
    }
    expect(existsSync(join(env.DATA_DIR, LOCK_FILE))).toBe(false);

    expect(await runAdmin(['revoke-user', 'alice'], env, capture().io)).toBe(0);
    expect(await runAdmin(['revoke-user', 'carol'], env, capture().io)).toBe(1);
    const after = capture();
    await runAdmin(['list-users'], env, after.io);
    expect(after.out.find((l) => l.startsWith('alice'))).toMatch(/\d{4}-\d\d-\d\dT\S+Z$/);
    expect(after.out.find((l) => l.startsWith('bob'))).toMatch(/ -$/);

    // Data survives a restart, and the revoked token stays revoked.
    const again = await startServer(config(env.DATA_DIR), { logger: false });
    try {
      const r = await new Client(again.url, token).pull(0);
      expect(r.body).toMatchObject({ error: { code: 'token_revoked' } });
      const migrations = await again.db.query('SELECT version FROM schema_migrations');
      expect(migrations.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
      expect(await again.db.query('SELECT 1 FROM changes')).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 30_000);

  it('takes over a stale lock left by a crashed process', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE), '4194303\n'); // above Linux's pid_max: never alive
    const list = capture();
    expect(await runAdmin(['list-users'], { DATA_DIR: dataDir }, list.io)).toBe(0);
    expect(list.out[0]).toContain('No users yet');
  }, 30_000);

  it('finishes the requests in flight when shutting down', async () => {
    const dataDir = tempDir();
    const add = capture();
    await runAdmin(['add-user', 'dana', '--team', 'acme'], { DATA_DIR: dataDir }, add.io);
    const server = await startServer(config(dataDir), { logger: false });
    const c = new Client(server.url, add.out.at(-1)!);
    // Hold the push inside the server until close() has stopped the listener.
    let started!: () => void;
    const inServer = new Promise<void>((r) => (started = r));
    let stoppedListening!: () => void;
    const listenerClosed = new Promise<void>((r) => (stoppedListening = r));
    const http = server.app.server;
    const closeListener = http.close.bind(http);
    http.close = (callback) => {
      const closed = closeListener(callback);
      stoppedListening();
      return closed;
    };
    const order: string[] = [];
    const query = server.db.query.bind(server.db);
    const closeDb = server.db.close.bind(server.db);
    Object.assign(server.db, {
      query: async (sql: string, params?: unknown[]) => {
        if (!sql.includes('push_changes')) return query(sql, params);
        started();
        await listenerClosed;
        const rows = await query(sql, params);
        order.push('push stored');
        return rows;
      },
      close: async () => {
        order.push('database closed');
        await closeDb();
      },
    });
    const inFlight = c.push(batch(Array.from({ length: 500 }, () => makeChange())));
    await inServer;
    await server.close();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ acknowledgedSeq: 500 });
    expect(order).toEqual(['push stored', 'database closed']);
  }, 30_000);

  it('picks a data folder under the user data directory', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/share' }, 'linux')).toBe('/x/share/tam-desk-server');
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toContain('tam-desk-server');
    expect(defaultDataDir({}, 'darwin')).toContain(join('Library', 'Application Support', 'tam-desk-server'));
  });

  it('`npm run server` starts, serves and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--tsconfig', 'server/tsconfig.json', 'server/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no listening line: ${stdout}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /TAM Desk sync server listening on (http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const unauthorized = await new Client(url, 'secret-token-value').pull(0);
    expect(unauthorized.status).toBe(401);
    const exit = new Promise<number | null>((r) => child.on('exit', r));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    // One JSON line per request, without the token.
    const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.url, l.status])).toEqual([['/health', 200], ['/sync/pull?protocol=1&cursor=0', 401]]);
    expect(stdout).not.toContain('secret-token-value');
    pullResponseSchema.parse({ changes: [], cursor: 0, hasMore: false, latest: 0 });
  }, 30_000);
});
