import type { BusinessCalendar } from '../calendar/business-calendar';
import { ALWAYS_OPEN, businessMinutesBetween, explainBusinessTime, type BusinessTimeSegment, type Pause } from '../sla';
import { addOrNull, slaDigest, type ClockDigest, type ClockKind, type DigestCase, type PauseCause, type SlaDigest } from './sla-digest';
import { atRiskMinutes, type SlaTargets } from './sla-policy';
import { clockStateAt, isAtRisk, slaSummary, type ClockState, type SlaSummary } from './sla-rating';
import type { TimelineEntryLike } from './timeline';

/**
 * The full view of one case's clocks at an instant, for the case page:
 * minutes left, due times, pauses, the provider-wait figure, and the
 * explanation of a due time (built only when asked).
 */

/** A stretch the clock stood still; `end` null while it lasts. */
export type ClockPause = { start: Date; end: Date | null; cause: PauseCause };

export type CaseClock = {
  kind: ClockKind;
  state: ClockState;
  /** Counting now (a breached clock may still be running: its minutes left go further below 0). */
  running: boolean;
  /** Runs on real time (24x7) rather than the account's business hours. */
  calendarHours: boolean;
  targetMinutes: number | null;
  startedAt: Date | null;
  /**
   * When the target runs (or ran) out. Null when not applicable, when paused
   * before running out (unknown until the case resumes) or when the calendar
   * has no business hours ahead. For a clock met in time, the due instant as
   * it stood when the clock stopped.
   */
  dueAt: Date | null;
  /** When the clock stopped (the first response, the resolution, the next update's stretch ending with the case). */
  metAt: Date | null;
  /** Business minutes (real minutes on calendar hours) left at `now`, or when stopped; negative when overdue; null when not applicable. */
  minutesLeft: number | null;
  atRisk: boolean;
  /** The at-risk threshold, atRiskMinutes(target). */
  atRiskMinutes: number | null;
  pauses: ClockPause[];
  /** The span explainClock explains: start to due (or to now / the stop if later). */
  span: { start: Date; end: Date } | null;
};

export type ProviderWait = {
  /** Waiting on a mailbox provider since then; null if not waiting now. */
  waitingSince: Date | null;
  /** Business minutes spent waiting on mailbox providers in all, up to `now`. */
  minutes: number;
  intervals: { start: Date; end: Date | null }[];
};

export type CaseClocks = {
  firstResponse: CaseClock;
  nextUpdate: CaseClock;
  resolution: CaseClock;
  providerWait: ProviderWait;
  summary: SlaSummary;
  digest: SlaDigest;
};

function viewOf(c: ClockDigest, calendar: BusinessCalendar, now: number): CaseClock {
  const state = clockStateAt(c, now);
  const target = c.target;
  const pauses = c.pauses.map((p) => ({ start: new Date(p.start), end: p.end === Infinity ? null : new Date(p.end), cause: p.cause }));
  if (c.phase === 'idle' || target === null) {
    return { kind: c.kind, state, running: false, calendarHours: c.calendarHours, targetMinutes: target, startedAt: null, dueAt: null, metAt: null, minutesLeft: null, atRisk: false, atRiskMinutes: null, pauses: [], span: null };
  }
  const cal = c.calendarHours ? ALWAYS_OPEN : calendar;
  let consumed = c.consumed;
  if (c.phase === 'running' && now > c.resumeAt) consumed += businessMinutesBetween(new Date(c.resumeAt), new Date(now), cal);
  let dueAt = c.dueAt;
  if (dueAt === null && c.phase === 'stopped') {
    // Met in time: where the deadline stood when the clock stopped.
    const left = target - c.consumed;
    dueAt = left <= 0 ? c.resumeAt : addOrNull(c.resumeAt, left, cal);
  }
  const stopAt = c.phase === 'stopped' ? c.resumeAt : null;
  const spanEnd = stopAt ?? Math.max(now, dueAt ?? now);
  return {
    kind: c.kind,
    state,
    running: c.phase === 'running',
    calendarHours: c.calendarHours,
    targetMinutes: target,
    startedAt: new Date(c.start),
    dueAt: dueAt === null ? null : new Date(dueAt),
    metAt: stopAt === null ? null : new Date(stopAt),
    minutesLeft: target - consumed,
    atRisk: isAtRisk(c, now),
    atRiskMinutes: atRiskMinutes(target),
    pauses,
    span: spanEnd > c.start ? { start: new Date(c.start), end: new Date(spanEnd) } : null,
  };
}

/**
 * The three clocks of a case at `now`, with the provider-wait figure and the
 * summary. `policy` is the case's policy (policyForCase) or its targets.
 * For many cases at once, keep digests and use slaSummary.
 */
export function caseClocks(
  c: DigestCase,
  timeline: readonly TimelineEntryLike[],
  policy: { targets: SlaTargets } | SlaTargets,
  calendar: BusinessCalendar,
  now: Date,
): CaseClocks {
  return clocksOf(slaDigest(c, timeline, policy, calendar), calendar, now);
}

/** The full view from a digest already made. */
export function clocksOf(digest: SlaDigest, calendar: BusinessCalendar, now: Date): CaseClocks {
  const at = now.getTime();
  let minutes = 0;
  let waitingSince: Date | null = null;
  for (const w of digest.providerWaits) {
    const end = Math.min(w.end, at);
    if (end > w.start) minutes += businessMinutesBetween(new Date(w.start), new Date(end), calendar);
    if (w.end === Infinity) waitingSince = new Date(w.start);
  }
  return {
    firstResponse: viewOf(digest.firstResponse, calendar, at),
    nextUpdate: viewOf(digest.nextUpdate, calendar, at),
    resolution: viewOf(digest.resolution, calendar, at),
    providerWait: {
      waitingSince,
      minutes,
      intervals: digest.providerWaits.map((w) => ({ start: new Date(w.start), end: w.end === Infinity ? null : new Date(w.end) })),
    },
    summary: slaSummary(digest, at),
    digest,
  };
}

/**
 * Why a clock is due when it is: the segments of its span (start to due, or
 * to now or the stop if later) on its calendar, with its pauses, for the
 * case page ("due Mon 30 Mar 10:00: 60 min on Friday, weekend, 60 min on
 * Monday; paused 2 h waiting on customer"). Built only when asked.
 */
export function explainClock(clock: CaseClock, calendar: BusinessCalendar): BusinessTimeSegment[] {
  if (clock.span === null) return [];
  const { start, end } = clock.span;
  const pauses: Pause[] = clock.pauses.map((p) => ({ start: p.start, end: p.end ?? end, cause: p.cause }));
  return explainBusinessTime(start, end, clock.calendarHours ? ALWAYS_OPEN : calendar, pauses);
}
