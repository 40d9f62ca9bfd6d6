import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema, pullResponseSchema } from '@shared/sync/protocol';
import { openPglite, openPostgres, type Db } from '../../server/db';
import { loadMigrations, migrate } from '../../server/migrate';
import { startServer } from '../../server/server';
import { addUser } from '../../server/users';
import { BACKENDS, batch, Client, freshConfig, makeChange } from './helpers';

/**
 * A server upgraded over a database the previous release filled: migration
 * 003 gives each device the user of its first change and measures every
 * stored change, so the new rules hold for old data too.
 */
describe.each(BACKENDS)('upgrading a database on $name', (backend) => {
  it('gives old devices their owner and old changes their size', async () => {
    const { config, drop } = await freshConfig(backend);
    const open = (): Promise<Db> => (config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(join(config.dataDir, 'pgdata')));
    const device = 'device-of-anna-0001';
    const history = [makeChange(), makeChange({ patch: { notes: 'n'.repeat(5_000) }, base: { notes: null } }), makeChange()];
    let annaToken: string;
    let benToken: string;
    const db = await open();
    try {
      await migrate(db, loadMigrations().filter((m) => m.version <= 2));
      annaToken = await addUser(db, 'anna', 'warsaw');
      benToken = await addUser(db, 'ben', 'warsaw');
      const users = await db.query<{ id: number | string; team_id: number | string; name: string }>('SELECT id, team_id, name FROM users ORDER BY id');
      const [anna, ben] = users;
      // As the previous release stored pushes: Anna's device, then Ben under the same id (it was not refused then).
      const rows = (from: number, changes: typeof history) => JSON.stringify(changes.map((change, i) => ({ seq: from + i, changeId: change.changeId, table: change.table, recordId: change.recordId, payload: change })));
      await db.query('SELECT * FROM push_changes($1, $2, $3, $4::jsonb)', [anna!.team_id, device, anna!.id, rows(1, history.slice(0, 2))]);
      await db.query('SELECT * FROM push_changes($1, $2, $3, $4::jsonb)', [ben!.team_id, device, ben!.id, rows(3, history.slice(2))]);
    } finally {
      await db.close();
    }

    const server = await startServer(config, { logger: false, maxPullPageBytes: 5_000 });
    try {
      const owners = await server.db.query<{ name: string }>('SELECT u.name FROM clients c JOIN users u ON u.id = c.user_id');
      expect(owners.map((o) => o.name)).toEqual(['anna']);
      const sizes = await server.db.query<{ payload_bytes: number }>('SELECT payload_bytes FROM changes ORDER BY server_seq');
      sizes.forEach((row, i) => expect(row.payload_bytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(history[i]))));

      const ben = new Client(server.url, benToken, device);
      const refused = await ben.push(batch([makeChange()], 4));
      expect(refused.status).toBe(409);
      expect(errorResponseSchema.parse(refused.body).error.code).toBe('device_conflict');
      const anna = new Client(server.url, annaToken, device);
      expect((await anna.push(batch([makeChange()], 4))).body).toMatchObject({ acknowledgedSeq: 4 });

      // The old change of 5 KB, more than a page of 5,000 bytes, moves on a page of its own.
      const first = pullResponseSchema.parse((await anna.pull(0)).body);
      expect(first.changes.map((s) => s.change.changeId)).toEqual([history[0]!.changeId]);
      const second = pullResponseSchema.parse((await anna.pull(first.cursor)).body);
      expect(second.changes.map((s) => s.change.changeId)).toEqual([history[1]!.changeId]);
      expect(second.hasMore).toBe(true);
    } finally {
      await server.close();
      await drop();
    }
  }, 60_000);
});
