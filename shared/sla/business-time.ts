import type { BusinessCalendar } from '../calendar/business-calendar';
import { localDateKey, windowsOn, type LocalDate } from '../calendar/open-status';
import { parseBusinessCalendar } from './calendar-validation';

/**
 * Business time: real elapsed time inside an account's business windows, the
 * clock every SLA figure runs on.
 *
 * Invariants (test/unit/shared/sla/ checks them as properties):
 * - A local date's windows are the instants `windowsOn` gives, read by
 *   `instantAt` (a wall time skipped by a spring-forward jump is the jump; a
 *   repeated one is its first occurrence): ordered, disjoint, inside the date.
 *   Their length is real elapsed time, so a window on a daylight-saving day is
 *   shorter or longer (Warsaw's 00:00-24:00 is 23 h on 29 Mar 2026, 25 h on 25 Oct).
 * - businessMinutesBetween(s, e) counts [s, e): 0 when e <= s, never negative,
 *   non-decreasing in e and non-increasing in s; pauses only ever take away.
 * - The clock starts at s if s is inside a window, else at the next opening.
 *   addBusinessMinutes(s, m) is the earliest instant, from then on, with m
 *   business minutes in [s, it): when the minutes run out at a window's end the
 *   answer is that end, not the next opening; 0 minutes gives the clock's start.
 *   So businessMinutesBetween(s, addBusinessMinutes(s, m)) === m, and for m > 0
 *   the answer is inside a window or at its end.
 * - Minutes are real numbers, exactly elapsed ms / 60 000: whole when the
 *   instants are on whole minutes. addBusinessMinutes rounds m to the millisecond.
 * - Never minute by minute: each calendar caches its dates' windows in blocks
 *   of 32 dates with running totals (bounded: 4096 dates a calendar, 256
 *   calendars), so a measure costs a few lookups whatever its span and a long
 *   addition skips a block at a time. A calendar is validated once per object
 *   and once per content; treat it as an immutable value (pass a new object
 *   after changing it).
 */

/** A stretch during which the SLA clock is stopped (waiting on the customer, say). */
export type Pause = { start: Date; end: Date; cause?: string };

/** The calendar has no business hours within the search horizon, so a due time does not exist. */
export class NoBusinessHoursError extends Error {
  override readonly name = 'NoBusinessHoursError';
}

export const DAY_MS = 86_400_000;
const HORIZON_DAYS = 5 * 366;
const LAST_DAY = 8.64e15 / DAY_MS; // where JavaScript dates end
const BLOCK_DAYS = 32;
const CACHED_BLOCKS = 128; // 4096 days (11 years) per calendar
const CACHED_CALENDARS = 256;

/** The business windows of a local date, as [opens, closes) epoch ms, in order, none empty. */
type Windows = readonly (readonly [number, number])[];

/**
 * BLOCK_DAYS consecutive local dates from day number `first`, with running
 * totals: `before[i]` is the business ms of the block's dates before date i,
 * so any run of whole dates sums in one subtraction and a long span skips a
 * block at a time.
 */
type Block = { first: number; days: Windows[]; before: number[]; lastOpen: number };

type Engine = { calendar: BusinessCalendar; hasHours: boolean; blocks: Map<number, Block>; lastBlock: Block | undefined };

const enginesByObject = new WeakMap<BusinessCalendar, Engine>();
const enginesByContent = new Map<string, Engine>();

/** The validated engine of a calendar; throws InvalidCalendarError. */
export function engineFor(calendar: BusinessCalendar): Engine {
  const known = enginesByObject.get(calendar);
  if (known) return known;
  const key = JSON.stringify(calendar) ?? '';
  let engine = enginesByContent.get(key);
  if (!engine) {
    const valid = parseBusinessCalendar(calendar);
    const hasHours = valid.weekly.length > 0 || (valid.changes ?? []).some((c) => c.weekly.length > 0);
    engine = { calendar: valid, hasHours, blocks: new Map(), lastBlock: undefined };
    if (enginesByContent.size >= CACHED_CALENDARS) enginesByContent.delete(enginesByContent.keys().next().value ?? '');
    enginesByContent.set(key, engine);
  }
  enginesByObject.set(calendar, engine);
  return engine;
}

/**
 * Local dates are numbered as days since 1970-01-01. A zone's offset is under
 * a day, so the windows that reach instant t belong to dates from
 * firstDayFor(t) on, and those of dates after lastDayFor(t) open after t.
 */
export const firstDayFor = (t: number) => Math.floor(t / DAY_MS) - 1;
export const lastDayFor = (t: number) => Math.floor(t / DAY_MS) + 1;

export function localDateOf(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function blockOf(engine: Engine, dayNumber: number): Block {
  const first = Math.floor(dayNumber / BLOCK_DAYS) * BLOCK_DAYS;
  if (engine.lastBlock?.first === first) return engine.lastBlock;
  let block = engine.blocks.get(first);
  if (!block) {
    if (engine.blocks.size >= CACHED_BLOCKS) engine.blocks.clear();
    block = { first, days: [], before: [0], lastOpen: -Infinity };
    for (let i = 0; i < BLOCK_DAYS; i++) {
      const windows = windowsOn(engine.calendar, localDateOf(first + i)).map((w) => [w.start.getTime(), w.end.getTime()] as const);
      block.days.push(windows);
      block.before.push(block.before[i]! + windows.reduce((sum, [opens, closes]) => sum + closes - opens, 0));
      if (windows.length > 0) block.lastOpen = first + i;
    }
    engine.blocks.set(first, block);
  }
  engine.lastBlock = block;
  return block;
}

const windowsOf = (engine: Engine, dayNumber: number): Windows => {
  const block = blockOf(engine, dayNumber);
  return block.days[dayNumber - block.first]!;
};

/** Business ms of the whole dates from day number `from` up to (not including) `to`. */
function wholeDaysMs(engine: Engine, from: number, to: number): number {
  let ms = 0;
  for (let n = from; n < to; ) {
    const block = blockOf(engine, n);
    const end = Math.min(to, block.first + BLOCK_DAYS);
    ms += block.before[end - block.first]! - block.before[n - block.first]!;
    n = end;
  }
  return ms;
}

/** Business ms before t in the dates that can reach it (firstDayFor(t) to lastDayFor(t)). */
function msBefore(engine: Engine, t: number): number {
  let ms = 0;
  for (let n = firstDayFor(t); n <= lastDayFor(t); n++) {
    for (const [opens, closes] of windowsOf(engine, n)) if (opens < t) ms += Math.min(closes, t) - opens;
  }
  return ms;
}

/**
 * Business ms in [from, to): the whole dates from firstDayFor(from) up to
 * firstDayFor(to) (all of them close before `to`), less what of them lies
 * before `from`, plus what of the later dates lies before `to`.
 */
function businessMsIn(engine: Engine, from: number, to: number): number {
  if (to <= from) return 0;
  return wholeDaysMs(engine, firstDayFor(from), firstDayFor(to)) - msBefore(engine, from) + msBefore(engine, to);
}

/**
 * Walks from the first date that can reach `from`, counting business ms, to
 * the point where the count passes what lay before `from` plus `ms`; whole
 * blocks and dates that cannot get there are skipped in one step. At exactly
 * the target, m > 0 stops at that window's end, m = 0 goes on to the next opening.
 */
function addBusinessMs(engine: Engine, from: number, ms: number): number {
  const noHours = () =>
    new NoBusinessHoursError(`No business hours within ${HORIZON_DAYS} days after ${new Date(from).toISOString()} (${engine.calendar.timeZone})`);
  if (!engine.hasHours) throw noHours();
  const target = msBefore(engine, from) + ms;
  let counted = 0;
  let lastOpen = firstDayFor(from);
  for (let n = firstDayFor(from); ; ) {
    if (n > LAST_DAY) throw new RangeError('addBusinessMinutes: the answer is past the last representable date');
    const block = blockOf(engine, n);
    const i = n - block.first;
    const days = block.days[i]!;
    const blockLeft = block.before[BLOCK_DAYS]! - block.before[i]!;
    if (counted + blockLeft < target) {
      counted += blockLeft;
      lastOpen = Math.max(lastOpen, block.lastOpen);
      n = block.first + BLOCK_DAYS;
    } else {
      for (const [opens, closes] of days) {
        const next = counted + closes - opens;
        if (next > target || (next === target && ms > 0)) return opens + target - counted;
        counted = next;
      }
      if (days.length > 0) lastOpen = n;
      n += 1;
    }
    if (n - lastOpen > HORIZON_DAYS) throw noHours();
  }
}

export function timeOf(date: Date, name: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name}: not a valid date`);
  return t;
}

/** Pauses clipped to [from, to), sorted, overlapping ones merged (touching ones kept apart), with their causes. */
export function mergePauses(pauses: readonly Pause[], from: number, to: number): { start: number; end: number; causes: string[] }[] {
  if (pauses.length === 0) return [];
  const clipped = pauses
    .map((p, i) => ({ start: Math.max(timeOf(p.start, `pauses[${i}].start`), from), end: Math.min(timeOf(p.end, `pauses[${i}].end`), to), cause: p.cause }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; causes: string[] }[] = [];
  for (const p of clipped) {
    const last = merged.at(-1);
    if (last && p.start < last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ start: p.start, end: p.end, causes: [] });
    const into = merged.at(-1)!;
    if (p.cause !== undefined && !into.causes.includes(p.cause)) into.causes.push(p.cause);
  }
  return merged;
}

/**
 * The instant at which `minutes` of business time have passed after `start`.
 * A start outside the windows counts from the next opening, so 0 minutes
 * gives `start` inside a window and the next opening outside one (a start
 * exactly at a window's end is outside it). Throws RangeError for negative or
 * non-finite minutes, NoBusinessHoursError when the calendar has no window
 * within five years of searching, InvalidCalendarError for a bad calendar.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  const engine = engineFor(calendar);
  const from = timeOf(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes: expected a finite number >= 0, got ${minutes}`);
  return new Date(addBusinessMs(engine, from, Math.round(minutes * 60_000)));
}

/**
 * Business minutes in [start, end), less the time covered by `pauses` (which
 * may overlap each other and reach outside the span). 0 when end <= start.
 * Exact real minutes (elapsed ms / 60 000), so fractional when an instant is
 * not on a whole minute.
 */
export function businessMinutesBetween(start: Date, end: Date, calendar: BusinessCalendar, pauses: readonly Pause[] = []): number {
  const engine = engineFor(calendar);
  const from = timeOf(start, 'start');
  const to = timeOf(end, 'end');
  if (to <= from) return 0;
  let ms = 0;
  let cursor = from;
  for (const pause of mergePauses(pauses, from, to)) {
    ms += businessMsIn(engine, cursor, pause.start);
    cursor = pause.end;
  }
  return (ms + businessMsIn(engine, cursor, to)) / 60_000;
}

/** The local date key ('YYYY-MM-DD') of a day number. */
export const dateKeyOf = (dayNumber: number) => localDateKey(localDateOf(dayNumber));
