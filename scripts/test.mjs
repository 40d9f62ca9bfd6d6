// `npm test`: every check, in order, stopping at the first failure, then one
// closing line with the test counts ("N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'tam-desk-test-'));

/**
 * A throwaway PostgreSQL for the server tests (scripts/postgres-for-tests.sh),
 * so they run against PGlite and a real PostgreSQL. Required in CI; locally,
 * without Debian's postgresql package, the server tests run on PGlite only.
 */
function startPostgres() {
  const started = spawnSync('bash', ['scripts/postgres-for-tests.sh'], { encoding: 'utf8' });
  const url = /DATABASE_URL=(\S+)/.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !url) {
    const reason = (started.stderr ?? '').trim().split('\n').at(-1);
    if (process.env.CI) {
      console.error(`PostgreSQL for the server tests could not be started: ${reason}`);
      process.exit(1);
    }
    console.log(`Server tests on PGlite only: PostgreSQL not available (${reason}).`);
    return null;
  }
  const stop = /\(stop: (.+)\)/.exec(started.stderr)?.[1];
  return { url, stop: () => stop && spawnSync('bash', ['-c', stop], { stdio: 'ignore' }) };
}
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function count(file, read) {
  try {
    const counts = read(JSON.parse(readFileSync(file, 'utf8')));
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  } catch {
    // No report (the runner failed before writing one): its exit code says so.
  }
}

const vitestJson = join(out, 'vitest.json');
const webJson = join(out, 'playwright-web.json');
const shellJson = join(out, 'playwright-electron.json');
const fromVitest = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
const fromPlaywright = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped });

const steps = [
  ['type check (tsc -b)', () => run('type check (tsc -b)', 'npx', ['tsc', '-b'])],
  ['lint (ESLint, import arrows)', () => run('lint (ESLint, import arrows)', 'npx', ['eslint', '.'])],
  ['unit and server tests (Vitest)', () => {
    const postgres = startPostgres();
    try {
      const status = run('unit and server tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], postgres ? { TEST_DATABASE_URL: postgres.url } : {});
      count(vitestJson, fromVitest);
      return status;
    } finally {
      postgres?.stop();
    }
  }],
  ['Electron security (Electronegativity)', () => run('Electron security (Electronegativity)', 'node', ['scripts/electronegativity.mjs'])],
  ['build', () => run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])],
  ['end-to-end tests in Chromium (Playwright)', () => {
    const status = run('end-to-end tests in Chromium (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: webJson });
    count(webJson, fromPlaywright);
    return status;
  }],
  ['Electron shell tests (Playwright _electron)', () => {
    const status = run('Electron shell tests (Playwright _electron)', 'npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: shellJson });
    count(shellJson, fromPlaywright);
    return status;
  }],
];

let failedStep = null;
for (const [title, step] of steps) {
  if (step() !== 0) {
    failedStep = title;
    break;
  }
}
console.log('');
if (failedStep) console.log(`npm test: failed at "${failedStep}"`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
