import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import type { ServerConfig } from './config';
import { openPglite, openPostgres, type Db } from './db';
import { lockDataDir } from './lock';
import { migrate } from './migrate';

export type OpenedDb = { db: Db; where: string; close: () => Promise<void> };

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else
 * PGlite in DATA_DIR/pgdata under the data folder's lock (throws DataDirBusy
 * when another process holds it), and runs the migrations.
 */
export async function openDatabase(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<OpenedDb> {
  let db: Db;
  let release = () => {};
  let where: string;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl);
    where = `PostgreSQL ${redactUrl(config.databaseUrl)}`;
  } else {
    release = lockDataDir(config.dataDir);
    try {
      db = await openPglite(join(config.dataDir, 'pgdata'));
    } catch (error) {
      release();
      throw error;
    }
    where = `PGlite in ${config.dataDir}`;
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    release();
    throw error;
  }
  return {
    db,
    where,
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

export type RunningServer = {
  app: FastifyInstance;
  db: Db;
  url: string;
  where: string;
  /** Stops accepting, finishes the requests in flight, closes the database. */
  close: () => Promise<void>;
};

export async function startServer(
  config: ServerConfig,
  options: Omit<AppOptions, 'db' | 'logger'> & { logger?: boolean | FastifyBaseLogger | { level: string } } = {},
): Promise<RunningServer> {
  const opened = await openDatabase(config);
  let app: FastifyInstance;
  try {
    app = await buildApp({ trustProxy: config.trustProxy, ...options, db: opened.db, logger: options.logger ?? { level: config.logLevel } });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    app,
    db: opened.db,
    url: `http://${host}:${port}`,
    where: opened.where,
    close: () =>
      (closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await opened.close();
        }
      })()),
  };
}
