import { TZDate, tzOffset } from '@date-fns/tz';
import type { BusinessCalendar, BusinessWindow, IsoDay } from './business-calendar';
import { minutesOf } from './business-calendar';

/** Where an account's business hours stand at an instant. */
export type OpenStatus =
  | { open: true; closesAt: Date }
  | { open: false; opensAt: Date | null /* null: no window in the next year */ };

export type LocalDate = { year: number; month: number /* 1-12 */; day: number };

const pad = (n: number) => String(n).padStart(2, '0');
export const localDateKey = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** The weekly windows in force on a local date, after any dated change. */
export function weeklyOn(calendar: BusinessCalendar, dateKey: string): BusinessWindow[] {
  let weekly = calendar.weekly;
  let since = '';
  for (const change of calendar.changes ?? []) {
    if (change.from <= dateKey && change.from >= since) {
      weekly = change.weekly;
      since = change.from;
    }
  }
  return weekly;
}

const DAY_MS = 86_400_000;

/**
 * The instant a local wall-clock time on a date stands for: the first instant
 * at which the zone's clock shows that time or later. So a time skipped by a
 * spring-forward jump means the jump itself (Warsaw, 29 Mar 2026: 02:30 is
 * 03:00 CEST), and a time repeated by a fall-back means its first occurrence
 * (25 Oct 2026: 02:30 is 02:30 CEST). This is monotone (a later wall time never
 * gives an earlier instant), so a day's windows stay in order and never
 * overlap; TZDate's own reading of such times is not (and depends on the
 * zone's side of Greenwich). '24:00' is the next local midnight. Assumes at
 * most one offset change within a day either side, as in every real zone.
 */
export function instantAt(date: LocalDate, hhmm: string, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutesOf(hhmm));
  const offsetAt = (t: number) => Math.round(tzOffset(timeZone, new Date(t)) * 60_000);
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return new Date(wall - before);
  // An instant t shows `wall` on the clock when the offset at t is wall - t.
  const readings = [wall - before, wall - after].filter((t) => offsetAt(t) === wall - t);
  if (readings.length > 0) return new Date(Math.min(...readings));
  // Skipped by the jump: find the jump, the first instant with the new offset.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid) === after) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDayOf(date: LocalDate): IsoDay {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as IsoDay;
}

/**
 * The business windows of one local date, as instants, in order, each with the
 * window it comes from. A window wholly inside a spring-forward gap has no
 * time at all and is left out.
 */
export function windowsOn(calendar: BusinessCalendar, date: LocalDate): { start: Date; end: Date; window: BusinessWindow }[] {
  const key = localDateKey(date);
  if (calendar.holidays.includes(key)) return [];
  const day = isoDayOf(date);
  return weeklyOn(calendar, key)
    .filter((w) => w.day === day)
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((w) => ({ start: instantAt(date, w.start, calendar.timeZone), end: instantAt(date, w.end, calendar.timeZone), window: w }))
    .filter((w) => w.end > w.start);
}

export function localDateIn(instant: Date, timeZone: string): LocalDate {
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** Is the account open at `now`, and when does that change? */
export function openStatus(calendar: BusinessCalendar, now: Date): OpenStatus {
  const today = localDateIn(now, calendar.timeZone);
  // Start a day early: a window that began yesterday cannot reach past midnight,
  // but a daylight-saving shift can make "today" in the zone start late.
  for (let offset = -1; offset <= 370; offset++) {
    const date = addDays(today, offset);
    for (const window of mergeTouching(windowsOn(calendar, date), calendar, date)) {
      if (now >= window.start && now < window.end) return { open: true, closesAt: window.end };
      if (window.start > now) return { open: false, opensAt: window.start };
    }
  }
  return { open: false, opensAt: null };
}

/**
 * A day's last window running on into the next days' first windows (24:00
 * then 00:00, as in 24x7) is one stretch, so "closes at" is the real close,
 * not midnight. Looks at most a week ahead.
 */
function mergeTouching(windows: { start: Date; end: Date }[], calendar: BusinessCalendar, date: LocalDate) {
  const merged = windows.map((w) => ({ ...w }));
  const last = merged.at(-1);
  if (!last) return merged;
  for (let offset = 1; offset <= 7; offset++) {
    const following = windowsOn(calendar, addDays(date, offset));
    const next = following[0];
    if (!next || next.start.getTime() !== last.end.getTime()) break;
    last.end = next.end;
    // The stretch ends inside that day if the day has more than one window.
    if (following.length > 1) break;
  }
  return merged;
}
