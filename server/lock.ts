import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same data
 * folder would corrupt it. So whoever opens a data folder (the server, or a
 * CLI command) first creates `tam-desk.lock` holding its pid, exclusively, and
 * removes it when done. A lock whose pid is no longer alive is stale (a
 * crash) and is taken over.
 */
export const LOCK_FILE = 'tam-desk.lock';

/** Folders this process holds, so a stale lock with a reused pid (ours) is not mistaken for a live one. */
const held = new Set<string>();

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by a running TAM Desk sync server (pid ${pid}). ` +
        'Stop it first (Ctrl+C or kill -TERM), then run this command again. Nothing was changed.',
    );
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the data folder's lock; returns its release function. Throws DataDirBusy. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid: number;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        continue; // removed meanwhile: try again
      }
      const ours = pid === process.pid && !held.has(path);
      if (Number.isInteger(pid) && pid > 0 && !ours && alive(pid)) throw new DataDirBusy(dataDir, pid);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${path}.`);
}
