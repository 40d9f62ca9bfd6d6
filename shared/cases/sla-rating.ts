import type { CaseClocks } from './case-clocks';
import type { ClockDigest, ClockKind, SlaDigest } from './sla-digest';

/** Rating a case's digest at an instant: a few comparisons, no calendar work (see sla-digest.ts). */

export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'not-applicable';

/** The state of one clock at `now` (epoch ms). */
export function clockStateAt(c: ClockDigest, now: number): ClockState {
  switch (c.phase) {
    case 'idle': return 'not-applicable';
    case 'stopped': return c.dueAt !== null && c.resumeAt > c.dueAt ? 'breached' : 'met';
    case 'paused': return c.dueAt !== null ? 'breached' : 'paused';
    case 'running': return c.dueAt !== null && now >= c.dueAt ? 'breached' : 'running';
  }
}

export const isAtRisk = (c: ClockDigest, now: number) => c.phase === 'running' && c.atRiskAt !== null && now >= c.atRiskAt && !(c.dueAt !== null && now >= c.dueAt);

export type SlaState = 'on-track' | 'at-risk' | 'breached' | 'paused' | 'met';

export type SlaSummary = {
  /**
   * The worst of the live (running or paused) clocks: breached > at-risk >
   * on-track > paused. With no live clock: 'breached' if a clock was missed,
   * else 'met' ('on-track' for an open case with no applicable clock).
   */
  state: SlaState;
  /** The earliest due instant of the live clocks (in the past when overdue); null if none is known. */
  nextDueAt: Date | null;
  /** The clock that is due at nextDueAt. */
  clock: ClockKind | null;
  /** Some clock of the case is or was breached (a late first response, say). */
  everBreached: boolean;
};

const RANK: Record<SlaState, number> = { met: 0, paused: 1, 'on-track': 2, 'at-risk': 3, breached: 4 };

/** The SLA state of a case at `now`: a few comparisons, no calendar work, no allocation but the answer. */
export function slaSummary(digest: SlaDigest, now: Date | number): SlaSummary {
  const at = typeof now === 'number' ? now : now.getTime();
  const rating = { live: -1, everBreached: false, nextDueAt: Infinity, clock: null as ClockKind | null };
  rate(digest.firstResponse, at, rating);
  rate(digest.nextUpdate, at, rating);
  rate(digest.resolution, at, rating);
  const state: SlaState = rating.live >= 0 ? STATE_OF_RANK[rating.live]! : rating.everBreached ? 'breached' : digest.open ? 'on-track' : 'met';
  return { state, nextDueAt: rating.nextDueAt === Infinity ? null : new Date(rating.nextDueAt), clock: rating.clock, everBreached: rating.everBreached };
}

const STATE_OF_RANK: readonly SlaState[] = ['met', 'paused', 'on-track', 'at-risk', 'breached'];

function rate(c: ClockDigest, at: number, rating: { live: number; everBreached: boolean; nextDueAt: number; clock: ClockKind | null }): void {
  if (c.phase === 'idle') return;
  const state = clockStateAt(c, at);
  if (state === 'breached') rating.everBreached = true;
  if (c.phase === 'stopped') return;
  const rank = state === 'breached' ? RANK.breached : state === 'paused' ? RANK.paused : isAtRisk(c, at) ? RANK['at-risk'] : RANK['on-track'];
  if (rank > rating.live) rating.live = rank;
  if (c.dueAt !== null && c.dueAt < rating.nextDueAt) {
    rating.nextDueAt = c.dueAt;
    rating.clock = c.kind;
  }
}

/**
 * The clocks that are not breached at `now` but will be by `until` (the end
 * of the TAM's working day, say), earliest first. Paused clocks cannot
 * breach until the case resumes, so they never appear.
 */
export function breachForesight(clocks: SlaDigest | CaseClocks, until: Date, now: Date): { kind: ClockKind; dueAt: Date }[] {
  const digest = 'digest' in clocks ? clocks.digest : clocks;
  const from = now.getTime();
  const to = until.getTime();
  const found: { kind: ClockKind; dueAt: Date }[] = [];
  for (const c of [digest.firstResponse, digest.nextUpdate, digest.resolution]) {
    if (c.phase === 'running' && c.dueAt !== null && c.dueAt > from && c.dueAt <= to) found.push({ kind: c.kind, dueAt: new Date(c.dueAt) });
  }
  return found.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
