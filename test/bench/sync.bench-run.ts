import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pushResponseSchema } from '@shared/sync/protocol';
import { startServer, type RunningServer } from '../../server/server';
import { addUser } from '../../server/users';
import { batch, Client, freshConfig, makeChange, type Backend } from '../server/helpers';
import { percentile, report, type Figure } from './figures';

/**
 * The sync server's figures: a push of 10,000 offline changes from one client
 * (batches of 500, the protocol's largest), and sustained push throughput with
 * 50 concurrent clients on loopback for ~10 s (changes per second, p99 request
 * latency), against PGlite and against a real PostgreSQL: TEST_DATABASE_URL,
 * or a throwaway one from scripts/postgres-for-tests.sh when that works. The
 * server runs in this process (no rate limit, no request logs); the clients
 * talk to it over HTTP on 127.0.0.1.
 */
const OFFLINE_CHANGES = 10_000;
const OFFLINE_BATCH = 500;
const CLIENTS = 50;
/** 50 TAMs in 5 teams of 10: a team's pushes take turns (store.ts), teams run in parallel. */
const TEAMS = 5;
/** Changes per push in the sustained run: what about a second of a TAM's edits adds up to. */
const SUSTAINED_BATCH = 10;
const SUSTAINED_MS = 10_000;
/**
 * Two runs of each: closed loop (each client pushes again as soon as it has
 * its answer: the server's saturation throughput, where latency is queueing
 * by Little's law), and paced (each client pushes every PACE_MS, an offered
 * load well above real use, where the latency is the service time).
 */
const PACE_MS = 500;
const P99_TARGET_MS = 100;

const figures: Figure[] = [];
let postgres: { url: string; stop: () => void } | null = null;
let postgresMissing = '';

function startPostgres(): { url: string; stop: () => void } | null {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => {} };
  const started = spawnSync('bash', ['scripts/postgres-for-tests.sh'], { encoding: 'utf8', timeout: 60_000 });
  const url = /DATABASE_URL=(\S+)/.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !url) {
    postgresMissing = (started.stderr ?? '').trim().split('\n').at(-1) ?? 'unknown';
    return null;
  }
  const stop = /\(stop: (.+)\)/.exec(started.stderr)?.[1];
  return { url, stop: () => void (stop && spawnSync('bash', ['-c', stop], { stdio: 'ignore' })) };
}

beforeAll(() => {
  postgres = startPostgres();
  // freshConfig makes its PostgreSQL databases under TEST_DATABASE_URL.
  if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
});

afterAll(() => {
  if (!postgres) console.log(`sync bench: PostgreSQL not available (${postgresMissing}); PGlite figures only.`);
  postgres?.stop();
  report('sync', figures);
});

async function withServer<T>(backend: Backend, fn: (server: RunningServer) => Promise<T>): Promise<T> {
  const { config, drop } = await freshConfig(backend);
  const server = await startServer(config, { logger: false, rateMax: 1_000_000_000 });
  try {
    return await fn(server);
  } finally {
    await server.close();
    await drop();
  }
}

async function offlinePush(backend: Backend) {
  await withServer(backend, async (server) => {
    const client = new Client(server.url, await addUser(server.db, `bench-${randomUUID().slice(0, 8)}`, 'bench-team'));
    const changes = Array.from({ length: OFFLINE_CHANGES }, () => makeChange());
    const t0 = performance.now();
    for (let i = 0; i < OFFLINE_CHANGES; i += OFFLINE_BATCH) {
      const r = await client.push(batch(changes.slice(i, i + OFFLINE_BATCH), i + 1));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(pushResponseSchema.parse(r.body).acknowledgedSeq).toBe(i + OFFLINE_BATCH);
    }
    const seconds = (performance.now() - t0) / 1000;
    expect(await client.pullAll()).toHaveLength(OFFLINE_CHANGES);
    figures.push({ name: `push of 10,000 offline changes, one client, batches of 500 (${backend.name})`, value: seconds, unit: 's', target: '', met: null });
  });
}

async function sustained(backend: Backend, paceMs: number) {
  await withServer(backend, async (server) => {
    const clients: Client[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(new Client(server.url, await addUser(server.db, `bench-${i}-${randomUUID().slice(0, 8)}`, `bench-team-${i % TEAMS}`)));
    }
    // Warm-up: one push per client (connections, query plans), not measured.
    const seqs = clients.map(() => 0);
    const pushOnce = async (i: number) => {
      const body = batch(Array.from({ length: SUSTAINED_BATCH }, () => makeChange()), seqs[i]! + 1);
      seqs[i]! += SUSTAINED_BATCH;
      const t0 = performance.now();
      const r = await clients[i]!.push(body);
      const ms = performance.now() - t0;
      if (r.status !== 200 || pushResponseSchema.parse(r.body).acknowledgedSeq !== seqs[i]) throw new Error(`push ${r.status} ${JSON.stringify(r.body)}`);
      return ms;
    };
    await Promise.all(clients.map((_, i) => pushOnce(i)));

    const latencies: number[] = [];
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const end = start + SUSTAINED_MS;
    let stored = 0;
    await Promise.all(
      clients.map(async (_, i) => {
        // Paced clients start spread over one period, then push every paceMs.
        let next = start + (paceMs * i) / CLIENTS;
        while (performance.now() < end) {
          if (paceMs > 0) {
            const wait = next - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            next += paceMs;
            if (performance.now() >= end) break;
          }
          latencies.push(await pushOnce(i));
          stored += SUSTAINED_BATCH;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const [row] = await server.db.query<{ n: number | string }>('SELECT count(*) AS n FROM changes');
    expect(Number(row?.n)).toBe(stored + CLIENTS * SUSTAINED_BATCH);
    const p99 = percentile(latencies, 99);
    const mode = paceMs > 0 ? `paced, a push per client every ${paceMs} ms` : 'closed loop, saturation';
    const label = `${CLIENTS} clients in ${TEAMS} teams, ${SUSTAINED_BATCH} changes a push, ${SUSTAINED_MS / 1000} s, ${mode}, ${backend.name}`;
    const short = `${paceMs > 0 ? 'paced' : 'closed loop'}, ${backend.name}`;
    figures.push({ name: `sustained push throughput (${label})`, value: stored / seconds, unit: 'changes/s', target: '', met: null });
    figures.push({ name: `push request latency p50 (${short})`, value: percentile(latencies, 50), unit: 'ms', target: '', met: null });
    figures.push({
      name: `Node CPU of server + 50 clients, one process (${short})`,
      value: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
      unit: 'cores',
      target: '',
      met: null,
    });
    figures.push({
      name: `push request latency p99 (${short})`,
      value: p99,
      unit: 'ms',
      target: backend.name === 'postgres' ? `< ${P99_TARGET_MS}` : '',
      met: backend.name === 'postgres' ? p99 < P99_TARGET_MS : null,
    });
  });
}

test('push of 10,000 offline changes into a fresh PGlite server', () => offlinePush({ name: 'pglite' }), 120_000);
test('push of 10,000 offline changes into a fresh PostgreSQL database', async (ctx) => {
  if (!postgres) return ctx.skip();
  await offlinePush({ name: 'postgres' });
}, 120_000);
for (const paceMs of [0, PACE_MS]) {
  const mode = paceMs > 0 ? `paced every ${paceMs} ms` : 'closed loop';
  test(`sustained push throughput, 50 clients, ${mode}, PGlite`, () => sustained({ name: 'pglite' }, paceMs), 120_000);
  test(`sustained push throughput, 50 clients, ${mode}, PostgreSQL`, async (ctx) => {
    if (!postgres) return ctx.skip();
    await sustained({ name: 'postgres' }, paceMs);
  }, 120_000);
}
