import type { TamDeskDb } from './db';

/**
 * When this device joined: its first run, or its sign-in to a team's server
 * (sync/controller.ts; a server it had not synced with before), whichever
 * is later. A pull never moves it: while a new team's log is still empty,
 * every pull starts from the beginning. What
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
