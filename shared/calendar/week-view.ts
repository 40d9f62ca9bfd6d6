import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar, IsoDay } from './business-calendar';
import { localDateIn, windowsOn } from './open-status';

/** One bar of the week chart: a stretch of business time on one day of the displayed zone. */
export type WeekSegment = { day: IsoDay; startMinute: number; endMinute: number };

const DAY_MS = 86_400_000;

function startOfLocalDay(instant: Date, zone: string): Date {
  const l = new TZDate(instant.getTime(), zone);
  return new Date(new TZDate(l.getFullYear(), l.getMonth(), l.getDate(), 0, 0, zone).getTime());
}

function nextLocalMidnight(instant: Date, zone: string): Date {
  const l = new TZDate(instant.getTime(), zone);
  return new Date(new TZDate(l.getFullYear(), l.getMonth(), l.getDate() + 1, 0, 0, zone).getTime());
}

/** Monday 00:00 of the week containing `instant`, in `zone`. */
export function startOfWeek(instant: Date, zone: string): Date {
  const l = new TZDate(instant.getTime(), zone);
  const isoDay = l.getDay() === 0 ? 7 : l.getDay();
  return new Date(new TZDate(l.getFullYear(), l.getMonth(), l.getDate() - (isoDay - 1), 0, 0, zone).getTime());
}

/**
 * The account's business windows during the week around `at`, drawn in
 * `displayZone` (the account's own, or the TAM's): real instants, so
 * holidays, dated changes and daylight-saving shifts of that week show as
 * they will happen. Windows crossing the displayed zone's midnight are split.
 */
export function weekSegments(calendar: BusinessCalendar, at: Date, displayZone: string): WeekSegment[] {
  const weekStart = startOfWeek(at, displayZone);
  const ws = new TZDate(weekStart.getTime(), displayZone);
  const weekEnd = new Date(new TZDate(ws.getFullYear(), ws.getMonth(), ws.getDate() + 7, 0, 0, displayZone).getTime());
  const segments: WeekSegment[] = [];
  const first = localDateIn(new Date(weekStart.getTime() - DAY_MS), calendar.timeZone);
  for (let offset = 0; offset < 10; offset++) {
    const d = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    for (const w of windowsOn(calendar, date)) {
      let start = new Date(Math.max(w.start.getTime(), weekStart.getTime()));
      const end = new Date(Math.min(w.end.getTime(), weekEnd.getTime()));
      while (start < end) {
        const dayStart = startOfLocalDay(start, displayZone);
        const stop = new Date(Math.min(end.getTime(), nextLocalMidnight(start, displayZone).getTime()));
        const local = new TZDate(dayStart.getTime(), displayZone);
        segments.push({
          day: (local.getDay() === 0 ? 7 : local.getDay()) as IsoDay,
          startMinute: Math.round((start.getTime() - dayStart.getTime()) / 60_000),
          endMinute: Math.round((stop.getTime() - dayStart.getTime()) / 60_000),
        });
        start = stop;
      }
    }
  }
  return segments;
}

/** Where `at` falls in the displayed zone's week: ISO day and minute of the day. */
export function weekPosition(at: Date, zone: string): { day: IsoDay; minute: number } {
  const l = new TZDate(at.getTime(), zone);
  return { day: (l.getDay() === 0 ? 7 : l.getDay()) as IsoDay, minute: l.getHours() * 60 + l.getMinutes() };
}
