import { readConfig } from './config';
import { DataDirBusy } from './lock';
import { openDatabase, startServer } from './server';
import { addUser, listUsers, revokeUser, UserError } from './users';

/**
 * `npm run server` (serve) and its admin commands:
 *   npm run server -- add-user NAME --team TEAM   prints the new token once
 *   npm run server -- revoke-user NAME
 *   npm run server -- list-users
 * All use DATABASE_URL, or PGlite in DATA_DIR (refusing, and changing
 * nothing, while a server holds that folder).
 */
export type Output = { out: (line: string) => void; err: (line: string) => void };
const consoleOutput: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

export const USAGE = `Usage: npm run server [-- COMMAND]
  (no command)                 start the sync server (PORT, HOST, DATA_DIR or DATABASE_URL, LOG_LEVEL)
  add-user NAME --team TEAM    create a user (and the team when new); prints the token once
  revoke-user NAME             revoke the user's token
  list-users                   list users: name, team, created, revoked`;

function parseArgs(args: string[]): { positional: string[]; team: string | null } {
  const positional: string[] = [];
  let team: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--team') team = args[++i] ?? '';
    else if (a.startsWith('--team=')) team = a.slice('--team='.length);
    else positional.push(a);
  }
  return { positional, team };
}

/** Runs an admin command; returns the process exit code. */
export async function runAdmin(args: string[], env: NodeJS.ProcessEnv = process.env, io: Output = consoleOutput): Promise<number> {
  const [command, ...rest] = args;
  const { positional, team } = parseArgs(rest);
  const usage = () => {
    io.err(USAGE);
    return 2;
  };
  if (command === 'add-user' && (positional.length !== 1 || !team)) return usage();
  if (command === 'revoke-user' && positional.length !== 1) return usage();
  if (command === 'list-users' && positional.length !== 0) return usage();
  if (!['add-user', 'revoke-user', 'list-users'].includes(command ?? '')) return usage();

  let opened;
  try {
    opened = await openDatabase(readConfig(env));
  } catch (error) {
    io.err(error instanceof DataDirBusy ? error.message : `Cannot open the database: ${(error as Error).message}`);
    return 1;
  }
  try {
    if (command === 'add-user') {
      const token = await addUser(opened.db, positional[0]!, team!);
      io.out(`Created user "${positional[0]}" in team "${team}" (${opened.where}).`);
      io.out('Token (shown only this once; enter it in TAM Desk > Settings > Sync):');
      io.out(token);
    } else if (command === 'revoke-user') {
      if (!(await revokeUser(opened.db, positional[0]!))) {
        io.err(`No user "${positional[0]}".`);
        return 1;
      }
      io.out(`Revoked the token of "${positional[0]}".`);
    } else {
      const users = await listUsers(opened.db);
      if (users.length === 0) io.out('No users yet. Add one: npm run server -- add-user NAME --team TEAM');
      else {
        const rows = [['NAME', 'TEAM', 'CREATED', 'REVOKED'], ...users.map((u) => [u.name, u.team, u.createdAt, u.revokedAt ?? '-'])];
        const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
        for (const r of rows) io.out(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
      }
    }
    return 0;
  } catch (error) {
    io.err(error instanceof UserError ? error.message : `Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened.close();
  }
}

/** Starts the server until SIGTERM/SIGINT, then shuts down gracefully. */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = readConfig(env);
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    console.error(error instanceof DataDirBusy ? error.message : `Cannot start: ${(error as Error).message}`);
    return 1;
  }
  console.log(`TAM Desk sync server listening on ${server.url} (${server.where})`);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      running.app.log.info({ signal }, 'shutting down: finishing requests in flight');
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      running.close().then(resolve, (error: unknown) => {
        console.error(`Shutdown failed: ${(error as Error).message}`);
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  console.log('TAM Desk sync server stopped.');
  return 0;
}

export async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === 'serve') return serve();
  if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  return runAdmin(args);
}
