import { spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { report, type Figure } from './figures';

/**
 * The long form of test/server/convergence.test.ts: many more random runs
 * from a fresh seed, reporting how many passed (and the seed, to replay a
 * failure with CONVERGENCE_SEED).
 */
const RUNS = Number(process.env.CONVERGENCE_BENCH_RUNS ?? 25);
const figures: Figure[] = [];
afterAll(() => report('convergence', figures));

test('randomised convergence, long run', () => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const started = performance.now();
  const run = spawnSync('npx', ['vitest', 'run', 'test/server/convergence.test.ts'], {
    encoding: 'utf8',
    env: { ...process.env, CONVERGENCE_SEED: String(seed), CONVERGENCE_RUNS: String(RUNS) },
  });
  const seconds = (performance.now() - started) / 1000;
  const failedAfter = /Property failed after (\d+) tests/.exec(run.stdout + run.stderr)?.[1];
  const passed = run.status === 0 ? RUNS : Math.max(Number(failedAfter ?? 1) - 1, 0);
  console.log(`convergence seed ${seed}: ${passed} of ${RUNS} runs passed`);
  figures.push({ name: `randomised convergence runs passed (seed ${seed})`, value: passed, unit: `of ${RUNS}`, target: `${RUNS}`, met: passed === RUNS });
  figures.push({ name: 'time for those runs', value: seconds, unit: 's', target: '', met: null });
  expect(passed).toBe(RUNS);
}, 600_000);
