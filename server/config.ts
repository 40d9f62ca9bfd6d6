import { homedir } from 'node:os';
import { join } from 'node:path';

/** The server's settings, from the environment only. */
export type ServerConfig = {
  port: number;
  host: string;
  /** PGlite's data folder (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  /**
   * Which proxies' X-Forwarded-For to believe for a client's address (failed
   * sign-ins are counted per address): none by default; `true` for any, or
   * the proxies' addresses and CIDR ranges (TRUST_PROXY=10.0.0.0/8,127.0.0.1).
   */
  trustProxy?: boolean | string[];
};

function parseTrustProxy(value: string | undefined): boolean | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** A folder under the user's data directory, per platform. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const app = 'tam-desk-server';
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? env.APPDATA ?? join(homedir(), 'AppData', 'Local'), app);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', app);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), app);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ? Number(env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || defaultDataDir(env),
    databaseUrl: env.DATABASE_URL || null,
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
