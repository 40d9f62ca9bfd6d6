import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SupportCase } from '../domain/case';
import { ALWAYS_OPEN, addBusinessMinutes, businessMinutesBetween, NoBusinessHoursError } from '../sla';
import { atRiskMinutes, type SlaTargets } from './sla-policy';
import { forEachInOrder, isOpenStatus, parseInstant, pushStatus, type CaseStatus, type StatusSpan, type TimelineEntryLike } from './timeline';

/**
 * The SLA clocks of a Support Case (DOMAIN.md §2), on the business-hours
 * engine (shared/sla/):
 *
 * - first response: from `openedAt` to the first agent-response entry;
 * - next update: from the last agent-response or progress-update (or the last
 *   reopen, if later), due `nextUpdate` business minutes later; runs while the
 *   case is open, pauses while it waits on the customer; not applicable
 *   before the first response (that clock covers it);
 * - resolution: from `openedAt` to the case becoming resolved; pauses while it
 *   waits on the customer. Waiting on a mailbox provider does NOT pause it;
 *   that time shows in the informational provider-wait figure. After a
 *   reopen it continues where it stopped: the time before the resolution and
 *   the time after the reopen count, the time while resolved or closed does
 *   not (it shows as a pause with cause 'resolved'/'closed').
 *
 * Units: minutes are business minutes of the account's calendar, except a
 * first-response target of a priority with `calendarHours`, which runs on
 * ALWAYS_OPEN (real time, 24x7). `calendarHours` applies to the first-response
 * target only: the next update and resolution always run on business hours
 * (the published "1 h, 24x7" commitments are first-response ones).
 *
 * A clock is due when its target is used up: dueAt is the instant the
 * consumed business time (pauses excluded) reaches the target. A clock that
 * has run out is 'breached' (at dueAt itself, 0 minutes left, it is already
 * breached); a clock stopped at or before dueAt is 'met', after it
 * 'breached' (and has metAt). While paused before running out, a clock's
 * dueAt is unknown (null): it depends on when the case resumes; minutesLeft
 * is frozen. A clock is at risk when at most atRiskMinutes(target) are left.
 *
 * Speed: everything that depends on the timeline, the policy and the
 * calendar but not on `now` is computed once into an SlaDigest (`slaDigest`);
 * `slaSummary(digest, now)` is then a few comparisons, so a dashboard re-rates
 * thousands of cases every tick without touching the calendar engine.
 * A case's summary (summary.ts) keeps its digest, rebuilt when the case or
 * its timeline changes. `caseClocks` is the full view of one case (minutes
 * left, pauses); `explainClock` builds the explanation only when asked.
 * `npm run bench` measures both at 20,000 open cases.
 */

export const CLOCK_KINDS = ['first-response', 'next-update', 'resolution'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export type PauseCause = 'waiting-on-customer' | 'resolved' | 'closed';

/** A pause in epoch ms; `end` is Infinity while it lasts. */
type SpanPause = { start: number; end: number; cause: PauseCause };

/**
 * One clock, independent of `now`. Phases: 'idle' (not applicable),
 * 'running' (counting since `resumeAt`, with `consumed` minutes before),
 * 'paused' (since `resumeAt`, `consumed` frozen), 'stopped' (at `resumeAt`,
 * with `consumed` minutes in all).
 */
export type ClockDigest = {
  kind: ClockKind;
  phase: 'idle' | 'running' | 'paused' | 'stopped';
  target: number | null;
  calendarHours: boolean;
  start: number;
  resumeAt: number;
  consumed: number;
  /** Epoch ms the target runs out; null if not applicable, paused before running out, or stopped in time. */
  dueAt: number | null;
  /** Epoch ms from which a running clock is at risk. */
  atRiskAt: number | null;
  /** The calendar has no business hours ahead: the clock can never be due. */
  noBusinessHours: boolean;
  pauses: readonly SpanPause[];
};

export type SlaDigest = {
  open: boolean;
  status: CaseStatus;
  firstResponse: ClockDigest;
  nextUpdate: ClockDigest;
  resolution: ClockDigest;
  /** The stretches spent waiting on a mailbox provider (end Infinity while waiting). */
  providerWaits: readonly { start: number; end: number }[];
};

const NO_PAUSES: readonly SpanPause[] = [];

const idle = (kind: ClockKind, target: number | null, calendarHours: boolean): ClockDigest => ({
  kind, phase: 'idle', target, calendarHours, start: NaN, resumeAt: NaN, consumed: 0, dueAt: null, atRiskAt: null, noBusinessHours: false, pauses: NO_PAUSES,
});

/** Business minutes in [from, to) on a calendar. */
const minutesIn = (from: number, to: number, calendar: BusinessCalendar) => businessMinutesBetween(new Date(from), new Date(to), calendar);

/** The instant `minutes` business minutes after `from`, or null when the calendar has no business hours ahead. */
export function addOrNull(from: number, minutes: number, calendar: BusinessCalendar): number | null {
  try {
    return addBusinessMinutes(new Date(from), minutes, calendar).getTime();
  } catch (error) {
    if (error instanceof NoBusinessHoursError) return null;
    throw error;
  }
}

/**
 * Walks a clock from `start` over its pauses (sorted, disjoint, from `start`
 * on) to `stop` (or on, if null), counting business minutes and finding the
 * instant the target runs out. Only the running stretch's due instants need
 * the (dearer) addition; a clock stopped in time needs none.
 */
function walk(kind: ClockKind, target: number, calendarHours: boolean, calendar: BusinessCalendar, start: number, pauses: readonly SpanPause[], stop: number | null): ClockDigest {
  const c: ClockDigest = { kind, phase: 'running', target, calendarHours, start, resumeAt: start, consumed: 0, dueAt: null, atRiskAt: null, noBusinessHours: false, pauses };
  const end = stop ?? Infinity;
  let cursor = start;
  for (const p of pauses) {
    if (p.start >= end) break;
    count(c, cursor, p.start, calendar);
    if (p.end >= end) {
      c.phase = stop === null ? 'paused' : 'stopped';
      c.resumeAt = stop ?? p.start;
      return c;
    }
    cursor = p.end;
  }
  if (stop !== null) {
    count(c, cursor, stop, calendar);
    c.phase = 'stopped';
    c.resumeAt = stop;
    return c;
  }
  c.resumeAt = cursor;
  if (c.dueAt !== null) {
    c.atRiskAt = cursor;
    return c;
  }
  const left = target - c.consumed;
  const risk = atRiskMinutes(target);
  c.dueAt = addOrNull(cursor, left, calendar);
  if (c.dueAt === null) c.noBusinessHours = true;
  else c.atRiskAt = left > risk ? addOrNull(cursor, left - risk, calendar) : cursor;
  return c;
}

/** Counts the active stretch [from, to) into the clock, noting the instant its target ran out. */
function count(c: ClockDigest, from: number, to: number, calendar: BusinessCalendar): void {
  if (to <= from) return;
  const m = minutesIn(from, to, calendar);
  if (c.dueAt === null && c.consumed + m >= c.target!) {
    c.dueAt = addOrNull(from, c.target! - c.consumed, calendar);
    if (c.dueAt === null) c.noBusinessHours = true;
  }
  c.consumed += m;
}

/** The pauses of a status kind within [from, ∞), as SpanPauses. */
function pausesFrom(spans: readonly StatusSpan[], from: number, causes: (status: CaseStatus, span: StatusSpan) => PauseCause | null): SpanPause[] {
  const pauses: SpanPause[] = [];
  for (const span of spans) {
    if (span.end <= from) continue;
    const cause = causes(span.status, span);
    if (cause === null) continue;
    const start = Math.max(span.start, from);
    const last = pauses[pauses.length - 1];
    if (last && last.end === start && last.cause === cause) last.end = span.end;
    else pauses.push({ start, end: span.end, cause });
  }
  return pauses;
}

export type DigestCase = Pick<SupportCase, 'openedAt' | 'priority'>;

/**
 * Everything about a case's clocks that does not depend on `now`, from its
 * timeline (any order), its policy (or targets) and the account's calendar.
 * Rebuild it when any of these change; rate it with slaSummary(digest, now).
 * Pass the same calendar object every time (the engine caches per object).
 */
export function slaDigest(
  c: DigestCase,
  timeline: readonly TimelineEntryLike[],
  policy: { targets: SlaTargets } | SlaTargets,
  calendar: BusinessCalendar,
): SlaDigest {
  const targets = 'targets' in policy ? policy.targets : policy;
  const t = targets[c.priority];
  const opened = parseInstant(c.openedAt, 'openedAt');
  const spans: StatusSpan[] = [{ status: 'new', start: opened, end: Infinity }];
  let firstResponseAt: number | null = null;
  let lastUpdateAt: number | null = null;
  forEachInOrder(timeline, (at, entry) => {
    if (entry.kind === 'status-change') {
      if (entry.toStatus !== null) pushStatus(spans, at, entry.toStatus);
    } else if (entry.kind === 'agent-response') {
      if (firstResponseAt === null) firstResponseAt = Math.max(at, opened);
      lastUpdateAt = Math.max(at, opened);
    } else if (entry.kind === 'progress-update') lastUpdateAt = Math.max(at, opened);
  });
  const current = spans[spans.length - 1]!;
  const open = isOpenStatus(current.status);

  // Where the case stopped (resolved or closed, counting from the first of a run of them), and when it was last reopened.
  let stoppedAt: number | null = null;
  let lastReopenAt: number | null = null;
  for (let i = 0; i < spans.length; i++) {
    const stopped = !isOpenStatus(spans[i]!.status);
    const before = i > 0 && !isOpenStatus(spans[i - 1]!.status);
    if (stopped && !before) stoppedAt = spans[i]!.start;
    if (!stopped && before) lastReopenAt = spans[i]!.start;
  }
  const stop = open ? null : stoppedAt;

  const providerWaits = spans.filter((s) => s.status === 'waiting-on-provider').map((s) => ({ start: s.start, end: s.end }));

  // First response: no pauses (the case waits on nobody before it).
  const firstResponse = t.firstResponse === null
    ? idle('first-response', null, t.calendarHours)
    : walk('first-response', t.firstResponse, t.calendarHours, t.calendarHours ? ALWAYS_OPEN : calendar, opened, NO_PAUSES, firstResponseAt ?? stop);

  // Next update: the current stretch since the last update (or reopen).
  let nextUpdate: ClockDigest;
  if (t.nextUpdate === null || lastUpdateAt === null) nextUpdate = idle('next-update', t.nextUpdate, false);
  else {
    const from = Math.max(lastUpdateAt, lastReopenAt ?? -Infinity);
    const pauses = pausesFrom(spans, from, (s) => (s === 'waiting-on-customer' ? 'waiting-on-customer' : null));
    nextUpdate = walk('next-update', t.nextUpdate, false, calendar, from, pauses, stop === null ? null : Math.max(stop, from));
  }

  // Resolution: paused while waiting on the customer and while resolved or closed before a reopen.
  let resolution: ClockDigest;
  if (t.resolution === null) resolution = idle('resolution', null, false);
  else {
    const pauses = pausesFrom(spans, opened, (s, span) =>
      s === 'waiting-on-customer' ? 'waiting-on-customer' : isOpenStatus(s) || (stop !== null && span.start >= stop) ? null : s === 'resolved' ? 'resolved' : 'closed');
    resolution = walk('resolution', t.resolution, false, calendar, opened, pauses, stop);
  }

  return { open, status: current.status, firstResponse, nextUpdate, resolution, providerWaits };
}
