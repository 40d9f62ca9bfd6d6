import { spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { report, type Figure } from './figures';

/**
 * The long form of test/server/convergence.test.ts: many more random runs
 * from a fresh seed (CONVERGENCE_SEED replays one), reporting how many passed.
 *
 * The inner test's time limit is sized to the runs: a run takes ~11 s on a
 * busy 2-core machine (25 runs of seed 1937142748 in 286 s), so each gets
 * SECONDS_PER_RUN, well over three times that, plus the start-up. A run that
 * ran out of time is reported as such, not as a failed one: only a property
 * failure (an honest device that did not converge, or lost an edit) is a
 * failure of convergence.
 */
const RUNS = Number(process.env.CONVERGENCE_BENCH_RUNS ?? 25);
const SECONDS_PER_RUN = Number(process.env.CONVERGENCE_SECONDS_PER_RUN ?? 40);
const LIMIT_S = 60 + RUNS * SECONDS_PER_RUN;
const figures: Figure[] = [];
afterAll(() => report('convergence', figures));

/** What the inner test's output says happened. */
export function outcome(status: number | null, output: string, runs: number): { kind: 'passed' } | { kind: 'failed'; passed: number } | { kind: 'out-of-time' } | { kind: 'broken'; reason: string } {
  if (status === 0) return { kind: 'passed' };
  const failedAfter = /Property failed after (\d+) tests/.exec(output)?.[1];
  if (failedAfter) return { kind: 'failed', passed: Math.min(Number(failedAfter) - 1, runs) };
  if (/Test timed out in \d+ms/.test(output) || status === null) return { kind: 'out-of-time' };
  return { kind: 'broken', reason: /Error: .*/.exec(output)?.[0] ?? `exit code ${status}` };
}

test('randomised convergence, long run', () => {
  const seed = Number(process.env.CONVERGENCE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const started = performance.now();
  const run = spawnSync('npx', ['vitest', 'run', 'test/server/convergence.test.ts'], {
    encoding: 'utf8',
    env: { ...process.env, CONVERGENCE_SEED: String(seed), CONVERGENCE_RUNS: String(RUNS), CONVERGENCE_TIME_LIMIT_MS: String(LIMIT_S * 1000) },
    // A hung child is ended a minute after its own limit, and counts as out of time.
    timeout: (LIMIT_S + 60) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const result = outcome(run.status, `${run.stdout}${run.stderr}`, RUNS);
  const runsName = `randomised convergence runs passed (seed ${seed})`;
  switch (result.kind) {
    case 'passed':
      console.log(`convergence seed ${seed}: ${RUNS} of ${RUNS} runs passed in ${seconds.toFixed(0)} s`);
      figures.push({ name: runsName, value: RUNS, unit: `of ${RUNS}`, target: `${RUNS}`, met: true });
      break;
    case 'failed':
      console.log(`convergence seed ${seed}: FAILED after ${result.passed} of ${RUNS} runs passed; replay with CONVERGENCE_SEED=${seed}`);
      figures.push({ name: runsName, value: result.passed, unit: `of ${RUNS}`, target: `${RUNS}`, met: false });
      break;
    case 'out-of-time':
      console.log(`convergence seed ${seed}: ran out of time (limit ${LIMIT_S} s for ${RUNS} runs) with no run failed; raise CONVERGENCE_SECONDS_PER_RUN on a slower machine`);
      figures.push({ name: `randomised convergence (seed ${seed}): out of time, no run failed`, value: LIMIT_S, unit: 's limit', target: `${RUNS} runs`, met: null });
      break;
    case 'broken':
      console.log(`convergence seed ${seed}: the test did not run: ${result.reason}`);
      figures.push({ name: `randomised convergence (seed ${seed}): did not run`, value: 0, unit: `of ${RUNS}`, target: `${RUNS}`, met: false });
      break;
  }
  figures.push({ name: 'time for those runs', value: seconds, unit: 's', target: `< ${LIMIT_S} s limit`, met: null });
  // Only a failure of convergence fails the bench; running out of time is reported above.
  expect(result.kind === 'failed' || result.kind === 'broken' ? result : 'no failure').toBe('no failure');
}, (LIMIT_S + 120) * 1000);
