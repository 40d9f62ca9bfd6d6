import type { TamDeskDb } from './db';

/**
 * When this device joined: its first run, or the start of its first sync
 * with a team's server (a pull from the beginning), whichever is later. What
 * happened before it is history to this device, not news: the SLA alerts do
 * not ring, one by one, for clocks that breached before it.
 */
const JOINED_AT_KEY = 'joinedAt';

export async function joinedAt(db: TamDeskDb): Promise<number | null> {
  const value = (await db.meta.get(JOINED_AT_KEY))?.value;
  return typeof value === 'number' ? value : null;
}

/** Notes that the device joins now (its first run, when `ifFirst`, only if it has not joined before). */
export async function markJoined(db: TamDeskDb, now: number, { ifFirst = false } = {}): Promise<number> {
  if (ifFirst) {
    const known = await joinedAt(db);
    if (known !== null) return known;
  }
  await db.meta.put({ key: JOINED_AT_KEY, value: now });
  return now;
}
