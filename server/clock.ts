import { checkClockSkew, MAX_CLOCK_SKEW_MS } from '@shared/sync/skew';

/**
 * Refuses a batch in which a change's hybrid logical clock runs more than the
 * shared bound (MAX_CLOCK_SKEW_MS, shared/sync/skew.ts) ahead of the server's
 * clock; the caller answers 400 'clock_skew' and stores nothing. Returns the
 * message naming the first offending change, or null.
 */
export function checkChangesClock(
  changes: { seq: number; change: { hlc: string } }[],
  now: number,
  maxSkewMs: number = MAX_CLOCK_SKEW_MS,
): string | null {
  for (const [i, { change }] of changes.entries()) {
    const check = checkClockSkew(change.hlc, now, maxSkewMs);
    if (!check.ok) return `changes.${i}.change.hlc: ${check.message}`;
  }
  return null;
}
