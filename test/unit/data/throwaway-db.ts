import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDb, type TamDeskDb } from '../../../renderer/data/db';

/**
 * A fresh device database per call (a real IndexedDB: fake-indexeddb), each
 * closed and deleted after its test. Call at the top of a test file.
 */
export function throwawayDatabases(prefix: string): () => TamDeskDb {
  const opened: TamDeskDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = openDb(`${prefix}-${crypto.randomUUID()}`);
    opened.push(db);
    return db;
  };
}
