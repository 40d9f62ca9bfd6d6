import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runAdmin } from '../../server/cli';

/** A real server process (`tsx server/main.ts`), as `npm run server` starts it. */
export type ServerProcess = {
  url: string;
  pid: number;
  /** Everything it printed (stdout and stderr). */
  output: () => string;
  /** SIGTERM, then the exit (code and signal); SIGKILL after `timeoutMs`. */
  stop: (timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** For cleanup: stops it if still running. */
  kill: () => Promise<void>;
  /** A crash: SIGKILL, no shutdown at all. */
  crash: () => Promise<void>;
};

const ROOT = join(import.meta.dirname, '../..');

/** Starts the server on a free port (PORT=0) and waits until it prints its address. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  // Node itself with tsx's loader (what `tsx` runs), so the server is this
  // child process and not a grandchild: a crash kills the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'server/tsconfig.json', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const stop = async (ms = 10_000) => {
    if (running) child.kill('SIGTERM');
    const timer = setTimeout(() => running && child.kill('SIGKILL'), ms);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(1000);
      reject(new Error(`server did not print its address within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          pid: child.pid!,
          output: () => out,
          stop,
          kill: async () => {
            await stop(5000);
          },
          crash: async () => {
            if (running) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}

/** A user's token in a PGlite data folder, made by the server's own CLI (before a server holds the folder). */
export async function addUserWithCli(dataDir: string, name: string, team: string): Promise<string> {
  const lines: string[] = [];
  const code = await runAdmin(['add-user', name, '--team', team], { DATA_DIR: dataDir }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  if (code !== 0) throw new Error(lines.join('\n'));
  return lines.at(-1)!;
}
