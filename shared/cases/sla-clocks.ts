import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SlaPolicy, SupportCase } from '../domain/case';
import { addBusinessMinutes, businessMinutesBetween, explainBusinessTime, NoBusinessHoursError, type BusinessTimeSegment, type Pause } from '../sla';
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
 * SlaDigestCache keeps digests per case and rebuilds one only when its case,
 * timeline, targets or calendar changed. `caseClocks` is the full view of one
 * case (minutes left, pauses); `explainClock` builds the explanation only
 * when asked. (20,000 open cases on a shared 2-core machine: digests ~140 ms
 * once, summaries ~5 ms, through the warm cache ~12 ms.)
 */

/** A business day, for the targets stated in days: 8 business hours, the 9:00-17:00 (08:30-16:30) day of the service terms' calendars (DOMAIN.md §1). */
export const BUSINESS_DAY_MINUTES = 480;

const HOUR = 60;
const DAY = BUSINESS_DAY_MINUTES;

/**
 * Proposed defaults (DOMAIN.md §2), in business minutes: urgent first reply
 * 1 h calendar time (24x7); resolution 2/5/10 business days; low has no
 * resolution target (best effort).
 */
export const DEFAULT_SLA_TARGETS = {
  urgent: { firstResponse: 1 * HOUR, nextUpdate: 4 * HOUR, resolution: 2 * DAY, calendarHours: true },
  high: { firstResponse: 2 * HOUR, nextUpdate: 8 * HOUR, resolution: 5 * DAY, calendarHours: false },
  normal: { firstResponse: 8 * HOUR, nextUpdate: 2 * DAY, resolution: 10 * DAY, calendarHours: false },
  low: { firstResponse: 2 * DAY, nextUpdate: 5 * DAY, resolution: null, calendarHours: false },
} as const satisfies SlaPolicy['targets'];

export type SlaTargets = SlaPolicy['targets'];
export type PriorityTargets = SlaTargets['urgent'];

/** Real time: every day 00:00-24:00 in UTC, for calendar-hours targets. One object, so the engine's cache serves it. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

const copyTargets = (t: { readonly [P in keyof SlaTargets]: Readonly<PriorityTargets> }): SlaTargets => ({
  urgent: { ...t.urgent },
  high: { ...t.high },
  normal: { ...t.normal },
  low: { ...t.low },
});

/** The fields of an SLA policy version; the repository adds id and meta. */
export type SlaPolicyFields = Pick<SlaPolicy, 'accountId' | 'version' | 'effectiveFrom' | 'targets'>;

/** An account's first policy version: the defaults, in force from `effectiveFrom`. */
export function initialSlaPolicy(accountId: string, effectiveFrom: Date): SlaPolicyFields {
  return { accountId, version: 1, effectiveFrom: effectiveFrom.toISOString(), targets: copyTargets(DEFAULT_SLA_TARGETS) };
}

/** The next version of an account's policy (versions are never edited: cases keep theirs). */
export function nextSlaPolicy(existing: readonly Pick<SlaPolicy, 'accountId' | 'version'>[], accountId: string, targets: SlaTargets, effectiveFrom: Date): SlaPolicyFields {
  const version = existing.filter((p) => p.accountId === accountId).reduce((max, p) => Math.max(max, p.version), 0) + 1;
  return { accountId, version, effectiveFrom: effectiveFrom.toISOString(), targets: copyTargets(targets) };
}

export type SlaPolicyLike = Pick<SlaPolicy, 'id' | 'accountId' | 'version' | 'effectiveFrom' | 'targets'> & { deletedAt?: string | null };

/**
 * The policy version a case runs under. A case pinned to a version
 * (slaPolicyId, else slaPolicyVersion) keeps it, even if tombstoned later.
 * Unpinned, it is the latest version in force when the case opened
 * (effectiveFrom <= openedAt); a case opened before the account's first
 * version gets the earliest one. Undefined when the account has none: use
 * DEFAULT_SLA_TARGETS. Pin new cases (`pinSlaPolicy`) so that a back-dated
 * version can never change an existing case.
 */
export function policyForCase<P extends SlaPolicyLike>(c: Pick<SupportCase, 'accountId' | 'openedAt' | 'slaPolicyId' | 'slaPolicyVersion'>, policies: readonly P[]): P | undefined {
  const mine = policies.filter((p) => p.accountId === c.accountId);
  if (c.slaPolicyId !== null) {
    const pinned = mine.find((p) => p.id === c.slaPolicyId);
    if (pinned) return pinned;
  }
  const live = mine.filter((p) => !p.deletedAt);
  if (c.slaPolicyVersion !== null) {
    const pinned = live.find((p) => p.version === c.slaPolicyVersion) ?? mine.find((p) => p.version === c.slaPolicyVersion);
    if (pinned) return pinned;
  }
  const opened = parseInstant(c.openedAt, 'openedAt');
  let best: P | undefined;
  for (const p of live) {
    if (parseInstant(p.effectiveFrom, 'effectiveFrom') <= opened && (!best || p.version > best.version)) best = p;
  }
  if (best) return best;
  for (const p of live) {
    const from = parseInstant(p.effectiveFrom, 'effectiveFrom');
    if (!best || from < parseInstant(best.effectiveFrom, 'effectiveFrom') || (from === parseInstant(best.effectiveFrom, 'effectiveFrom') && p.version < best.version)) best = p;
  }
  return best;
}

/** The targets a case runs under: its policy's, or the defaults. */
export function targetsForCase(c: Pick<SupportCase, 'accountId' | 'openedAt' | 'slaPolicyId' | 'slaPolicyVersion'>, policies: readonly SlaPolicyLike[]): SlaTargets {
  return policyForCase(c, policies)?.targets ?? copyTargets(DEFAULT_SLA_TARGETS);
}

/** The fields to store on a new case so it keeps the policy version it started under. */
export function pinSlaPolicy(c: Pick<SupportCase, 'accountId' | 'openedAt'>, policies: readonly SlaPolicyLike[]): Pick<SupportCase, 'slaPolicyId' | 'slaPolicyVersion'> {
  const policy = policyForCase({ ...c, slaPolicyId: null, slaPolicyVersion: null }, policies);
  return { slaPolicyId: policy?.id ?? null, slaPolicyVersion: policy?.version ?? null };
}

/**
 * At risk when at most this many business minutes are left: a quarter of the
 * target, at least 30 minutes, but never more than half of it (so a 60 min
 * target is at risk for its last 30 min, 8 h for the last 2 h, 10 days for
 * the last 2.5 days).
 */
export function atRiskMinutes(target: number): number {
  return Math.min(Math.max(target / 4, 30), target / 2);
}

// ---------------------------------------------------------------------------
// The digest: what does not depend on `now`.

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
function addOrNull(from: number, minutes: number, calendar: BusinessCalendar): number | null {
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

type DigestCase = Pick<SupportCase, 'openedAt' | 'priority'>;

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

// ---------------------------------------------------------------------------
// Rating a digest at an instant.

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

const isAtRisk = (c: ClockDigest, now: number) => c.phase === 'running' && c.atRiskAt !== null && now >= c.atRiskAt && !(c.dueAt !== null && now >= c.dueAt);

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

// ---------------------------------------------------------------------------
// Keeping digests.

type DigestInputs = {
  priority: SupportCase['priority'];
  openedAt: string;
  timeline: readonly TimelineEntryLike[];
  length: number;
  targets: Readonly<PriorityTargets>;
  calendar: BusinessCalendar;
  digest: SlaDigest;
};

const calendarKeys = new WeakMap<BusinessCalendar, string>();
const calendarKey = (calendar: BusinessCalendar) => {
  let key = calendarKeys.get(calendar);
  if (key === undefined) calendarKeys.set(calendar, (key = JSON.stringify(calendar) ?? ''));
  return key;
};

/** The same timeline: the same array unchanged, or entries with the same ids, instants, statuses and tombstones. */
function sameTimeline(kept: DigestInputs, timeline: readonly TimelineEntryLike[]): boolean {
  if (timeline.length !== kept.length) return false;
  if (timeline === kept.timeline) return true;
  for (let i = 0; i < timeline.length; i++) {
    const a = kept.timeline[i]!;
    const b = timeline[i]!;
    if (a === b) continue;
    if (a.id === undefined || a.id !== b.id || a.at !== b.at || a.kind !== b.kind || a.toStatus !== b.toStatus || (a.deletedAt ?? null) !== (b.deletedAt ?? null)) return false;
  }
  return true;
}

const sameTargets = (a: Readonly<PriorityTargets>, b: Readonly<PriorityTargets>) =>
  a === b || (a.firstResponse === b.firstResponse && a.nextUpdate === b.nextUpdate && a.resolution === b.resolution && a.calendarHours === b.calendarHours);

/**
 * Digests by case id, rebuilt only when what they depend on changed: the
 * case's priority or opening, its timeline (same array and length, or the
 * same entries by id), its targets (by value) or its calendar (by content).
 * So a dashboard can hand it every open case on every tick and pay for the
 * calendar engine only on the cases that changed. Entries are append-only,
 * which is what makes an entry's id stand for its content here.
 */
export class SlaDigestCache {
  private readonly kept = new Map<string, DigestInputs>();

  digest(caseId: string, c: DigestCase, timeline: readonly TimelineEntryLike[], policy: { targets: SlaTargets } | SlaTargets, calendar: BusinessCalendar): SlaDigest {
    const targets = 'targets' in policy ? policy.targets : policy;
    const kept = this.kept.get(caseId);
    if (
      kept && kept.priority === c.priority && kept.openedAt === c.openedAt && sameTargets(kept.targets, targets[c.priority]) &&
      (kept.calendar === calendar || calendarKey(kept.calendar) === calendarKey(calendar)) && sameTimeline(kept, timeline)
    ) {
      kept.timeline = timeline;
      kept.calendar = calendar;
      return kept.digest;
    }
    const digest = slaDigest(c, timeline, targets, calendar);
    this.kept.set(caseId, { priority: c.priority, openedAt: c.openedAt, timeline, length: timeline.length, targets: { ...targets[c.priority] }, calendar, digest });
    return digest;
  }

  /** slaSummary of the case's (kept or rebuilt) digest. */
  summary(caseId: string, c: DigestCase, timeline: readonly TimelineEntryLike[], policy: { targets: SlaTargets } | SlaTargets, calendar: BusinessCalendar, now: Date | number): SlaSummary {
    return slaSummary(this.digest(caseId, c, timeline, policy, calendar), now);
  }

  /** Drops a case (deleted, or no longer shown). */
  forget(caseId: string): void {
    this.kept.delete(caseId);
  }

  /** Drops every case not in `caseIds` (after a list changed). */
  retain(caseIds: Iterable<string>): void {
    const keep = new Set(caseIds);
    for (const id of this.kept.keys()) if (!keep.has(id)) this.kept.delete(id);
  }

  get size(): number {
    return this.kept.size;
  }
}

// ---------------------------------------------------------------------------
// The full view of one case.

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

/** The SLA state of a case's clocks (their summary's). */
export const slaState = (clocks: CaseClocks): SlaState => clocks.summary.state;

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
