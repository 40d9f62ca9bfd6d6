import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The server's only storage interface: a query and a transaction, with two
 * implementations that run the same SQL (PostgreSQL's dialect): PGlite
 * (embedded, a data folder) and a real PostgreSQL (a `pg` pool).
 *
 * Numbers: `bigint` columns come back as strings from `pg` and as numbers
 * from PGlite; callers convert with `Number()` (server sequences stay far below
 * 2^53).
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
};

/** PGlite in `dataDir` (a folder), or in memory when `dataDir` is 'memory://'. */
export async function openPglite(dataDir: string): Promise<Db> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          query: async <R extends Row>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

/** A pool on a real PostgreSQL server (`DATABASE_URL`). */
export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const query = async <T extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query<T>(sql, params)).rows;
  // No parameters: the simple query protocol, which runs several statements.
  const exec = async (client: pg.Pool | pg.PoolClient, sql: string) => {
    await client.query(sql);
  };
  await query(pool, 'SELECT 1');
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    exec: (sql) => exec(pool, sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => query(client, sql, params), exec: (sql) => exec(client, sql) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
