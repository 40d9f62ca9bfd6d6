import { tzOffset } from '@date-fns/tz';
import { minutesOf, type BusinessCalendar, type IsoDay } from '../calendar/business-calendar';
import { addDays, instantAt, isoDayOf, weeklyOn, windowsOn } from '../calendar/open-status';
import { DAY_MS, dateKeyOf, engineFor, firstDayFor, lastDayFor, localDateOf, mergePauses, timeOf, type Pause } from './business-time';

/**
 * Why a span holds the business time it does, so the app can say why a case
 * is due when it is ("60 min on Friday, weekend, 60 min on Monday; paused 2 h
 * waiting on customer"). Structured data; the UI words it.
 *
 * Invariants:
 * - The segments cover [start, end) in order, end to end, with no gaps, and
 *   none crosses a local midnight of the calendar's zone.
 * - The 'business' minutes add up to businessMinutesBetween(start, end,
 *   calendar, pauses); 'business' plus 'paused' minutes add up to it without
 *   the pauses. A pause shows only where it stopped business time: the part of
 *   a pause over a weekend shows as the weekend.
 * - `minutes` is real elapsed time. `dstShiftMinutes` is how much longer (+)
 *   or shorter (-) that is than the local clock face says: the configured
 *   times at a window's or day's edges, the clock reading at a cut (the span's
 *   or a pause's edges). -60 for Warsaw's whole 29 Mar 2026, or a 02:00-04:00
 *   window that day (02:00 does not exist, the window opens at the 03:00 jump); 0 on most days.
 */
export type WindowHours = { start: string; end: string };
type SegmentBase = { start: Date; end: Date; localDate: string; minutes: number; dstShiftMinutes: number };
export type BusinessTimeSegment =
  /** Business time counted, inside one window. */
  | (SegmentBase & { kind: 'business'; window: WindowHours })
  /** Business time a pause stopped the clock for, with the pauses' causes. */
  | (SegmentBase & { kind: 'paused'; window: WindowHours; causes: string[] })
  /** Before the first window, between windows (lunch), or after the last, on a working date. */
  | (SegmentBase & { kind: 'outside-hours' })
  /** A date with no windows at all (a weekend). */
  | (SegmentBase & { kind: 'closed-day'; isoDay: IsoDay })
  /** A date listed among the holidays. */
  | (SegmentBase & { kind: 'holiday'; isoDay: IsoDay });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type SegmentDetail = DistributiveOmit<BusinessTimeSegment, keyof SegmentBase>;

/** An edge of a segment: an instant and what the local clock face says there, in ms since the date's midnight. */
type Mark = { at: number; clock: number };

export function explainBusinessTime(start: Date, end: Date, calendar: BusinessCalendar, pauses: readonly Pause[] = []): BusinessTimeSegment[] {
  const { calendar: valid } = engineFor(calendar);
  const from = timeOf(start, 'start');
  const to = timeOf(end, 'end');
  const segments: BusinessTimeSegment[] = [];
  if (to <= from) return segments;
  const paused = mergePauses(pauses, from, to);

  for (let n = firstDayFor(from), last = lastDayFor(to); n <= last; n++) {
    const date = localDateOf(n);
    const localDate = dateKeyOf(n);
    const configured = (hhmm: string, at: number): Mark => ({ at, clock: minutesOf(hhmm) * 60_000 });
    const dayStart = configured('00:00', instantAt(date, '00:00', valid.timeZone).getTime());
    const dayEnd = configured('24:00', instantAt(addDays(date, 1), '00:00', valid.timeZone).getTime());
    if (dayEnd.at <= from || dayStart.at >= to) continue;
    /** A cut inside the date: the clock face reads the zone's actual time there. */
    const cut = (at: number): Mark => ({ at, clock: at + Math.round(tzOffset(valid.timeZone, new Date(at)) * 60_000) - n * DAY_MS });
    const push = (a: Mark, b: Mark, detail: SegmentDetail) => {
      const s = a.at < from ? cut(from) : a;
      const e = b.at > to ? cut(to) : b;
      if (e.at <= s.at) return;
      const ms = e.at - s.at;
      segments.push({ ...detail, start: new Date(s.at), end: new Date(e.at), localDate, minutes: ms / 60_000, dstShiftMinutes: (ms - (e.clock - s.clock)) / 60_000 });
    };

    const isoDay = isoDayOf(date);
    if (valid.holidays.includes(localDate)) push(dayStart, dayEnd, { kind: 'holiday', isoDay });
    else if (!weeklyOn(valid, localDate).some((w) => w.day === isoDay)) push(dayStart, dayEnd, { kind: 'closed-day', isoDay });
    else {
      // A working date: gaps and windows in turn (a window wholly in a spring-forward gap is no window; its time shows as a gap).
      let cursor = dayStart;
      for (const { start: opensAt, end: closesAt, window } of windowsOn(valid, date)) {
        const opens = configured(window.start, opensAt.getTime());
        const closes = configured(window.end, closesAt.getTime());
        push(cursor, opens, { kind: 'outside-hours' });
        const hours = { start: window.start, end: window.end };
        let open = opens;
        for (const pause of paused) {
          if (pause.end <= open.at || pause.start >= closes.at) continue;
          const stops = pause.start > open.at ? cut(pause.start) : open;
          const resumes = pause.end < closes.at ? cut(pause.end) : closes;
          push(open, stops, { kind: 'business', window: hours });
          push(stops, resumes, { kind: 'paused', window: hours, causes: pause.causes });
          open = resumes;
        }
        push(open, closes, { kind: 'business', window: hours });
        cursor = closes;
      }
      push(cursor, dayEnd, { kind: 'outside-hours' });
    }
  }
  return segments;
}
