// @ts-check
/**
 * `npm start`: builds the app, then opens it in Electron. The project's
 * .npmrc turns install scripts off, so Electron's binary is fetched here, at
 * the first launch, instead of at `npm install`. Where Electron cannot be had
 * or cannot start (no network to fetch it, no display, running as root, ...)
 * the same build is served to the browser instead, in the foreground, so
 * `npm start` always ends with TAM Desk running somewhere.
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = path.join(root, 'vite.config.ts');
const require = createRequire(import.meta.url);
const BROWSER_PORT = 5173;
const FETCH_TIMEOUT_MS = 120_000;
/** An Electron that exits with an error this soon did not start (no display, sandbox refused, ...). */
const STARTUP_WINDOW_MS = 3_000;

process.chdir(root);
try {
  await build({ configFile });
} catch (error) {
  console.error(`The build failed: ${firstLine(error)}`);
  process.exit(1);
}

const located = locateElectron();
const electron = 'binary' in located ? located : await fetchElectron();
const outcome =
  'binary' in electron
    ? await runElectron(electron.binary)
    : /** @type {const} */ ({ started: false, reason: electron.reason });
if (outcome.started) process.exit(outcome.code);
await serveInBrowser(outcome.reason);

/**
 * The `electron` package exports its binary's path, and throws when the
 * binary was never downloaded.
 * @returns {{ binary: string } | { reason: string }}
 */
function locateElectron() {
  try {
    // Fresh each time: the first look may come before the download.
    delete require.cache[require.resolve('electron')];
    const binary = /** @type {string} */ (require('electron'));
    return existsSync(binary) ? { binary } : { reason: `no Electron binary at ${binary}` };
  } catch (error) {
    return { reason: firstLine(error) };
  }
}

/** Runs Electron's own installer, which downloads the binary of the pinned version. */
async function fetchElectron() {
  console.log('Fetching Electron (first launch only; up to 2 minutes)…');
  /** @type {{ reason: string } | null} */
  const failure = await new Promise((resolve) => {
    const installer = spawn(process.execPath, [require.resolve('electron/install.js')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: FETCH_TIMEOUT_MS,
    });
    let stderr = '';
    installer.stderr.on('data', (chunk) => (stderr += chunk));
    installer.on('error', (error) => resolve({ reason: firstLine(error) }));
    installer.on('exit', (code, signal) => {
      if (signal !== null) resolve({ reason: `fetching Electron took over ${FETCH_TIMEOUT_MS / 1000} s` });
      else if (code !== 0) resolve({ reason: `fetching Electron failed: ${firstLine(stderr) || `exit code ${code}`}` });
      else resolve(null);
    });
  });
  return failure ?? locateElectron();
}

/**
 * Starts `electron .` (package.json "main" is the built main process). Its
 * error output is held back for the first seconds, so a start-up failure
 * becomes one line here rather than a page of Chromium logs.
 * @param {string} binary
 * @returns {Promise<{ started: true; code: number } | { started: false; reason: string }>}
 */
function runElectron(binary) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // Set by some editors' terminals; it would make Electron a plain Node.js.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, ['.'], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    /** @type {Buffer[] | null} */
    let heldBack = [];
    const release = () => {
      for (const chunk of heldBack ?? []) process.stderr.write(chunk);
      heldBack = null;
    };
    const timer = setTimeout(release, STARTUP_WINDOW_MS);
    child.stderr.on('data', (chunk) => (heldBack ? heldBack.push(chunk) : process.stderr.write(chunk)));
    // While Electron runs, Ctrl+C and kill go to it; this script exits with its code.
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    const settle = () => {
      clearTimeout(timer);
      process.off('SIGINT', forward).off('SIGTERM', forward);
    };
    child.on('error', (error) => {
      settle();
      resolve({ started: false, reason: firstLine(error) });
    });
    child.on('exit', (code, signal) => {
      settle();
      if (heldBack !== null && code !== 0) {
        resolve({ started: false, reason: firstLine(Buffer.concat(heldBack)) || `exit ${code ?? signal}` });
        return;
      }
      release();
      resolve({ started: true, code: code ?? 1 });
    });
  });
}

/** @param {string} reason */
async function serveInBrowser(reason) {
  const interactive = process.stdout.isTTY && !process.env.CI;
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const open = interactive && hasDisplay;
  const address = `http://localhost:${BROWSER_PORT}`;
  console.log(
    `Electron could not be started (${reason}): ${open ? 'opening' : 'open'} TAM Desk in your browser instead at ${address}`,
  );
  try {
    const server = await preview({ configFile, preview: { port: BROWSER_PORT, strictPort: true, open } });
    server.printUrls();
    // The preview server keeps this process in the foreground until Ctrl+C.
  } catch (error) {
    console.error(`Could not serve TAM Desk on ${address}: ${firstLine(error)}`);
    process.exit(1);
  }
}

/**
 * The first meaningful line of an error or a process's output, without
 * Chromium's "[pid:time:LEVEL:file(line)]" prefix.
 * @param {unknown} value
 */
function firstLine(value) {
  const text = value instanceof Error ? value.message : String(value);
  const line = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').trim())
    .find((l) => l !== '');
  return (line ?? '').slice(0, 200);
}
