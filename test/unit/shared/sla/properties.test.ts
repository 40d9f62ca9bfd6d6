import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessWindow, IsoDay } from '@shared/calendar/business-calendar';
import { addDays, localDateIn, openStatus, windowsOn } from '@shared/calendar/open-status';
import { addBusinessMinutes, businessMinutesBetween, explainBusinessTime, type BusinessCalendar, type Pause } from '@shared/sla';

/**
 * Properties of the business-hours engine over random calendars: six zones
 * (two with 30 or 45 min offsets, one with a 30 min shift), random windows
 * (often with edges inside the zones' skipped or repeated hours), holidays and
 * dated changes, and instants around the 2026 daylight-saving changes. The
 * seed is fixed so a failure reproduces; fast-check prints the failing case.
 */
const SEED = 20_260_329;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const ZONES = ['Europe/Warsaw', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];
/** Where the 2026 clock changes are, in UTC: Warsaw, New York, Lord Howe, Chatham. */
const SHIFTS = [
  '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-03-08T07:00Z', '2026-11-01T06:00Z',
  '2026-04-04T15:00Z', '2026-10-03T15:30Z', '2026-04-04T14:00Z', '2026-09-26T14:00Z',
].map(Date.parse);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes of the day: any, or at night around the times skipped or repeated by the clock changes above (01:30 to 03:45). */
const nightEdge = fc.constantFrom(0, 90, 105, 120, 135, 150, 165, 180, 195, 225, 240, 1440);
const anyEdge = fc.oneof(fc.integer({ min: 0, max: 1440 }), nightEdge);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A day's windows from sorted distinct edges, either apart (a-b, c-d) or touching (a-b, b-c). */
const dayWindows = (edge: fc.Arbitrary<number>) => (day: IsoDay) =>
  fc.tuple(fc.uniqueArray(edge, { maxLength: 5 }), fc.boolean()).map(([edges, touching]) => {
    const sorted = [...edges].sort((a, b) => a - b);
    const windows: BusinessWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += touching ? 1 : 2) windows.push({ day, start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    return windows;
  });
const days = [1, 2, 3, 4, 5, 6, 7] as const;
const weekly: fc.Arbitrary<BusinessWindow[]> = fc
  .oneof(
    { weight: 3, arbitrary: fc.tuple(...days.map(dayWindows(anyEdge))).map((perDay) => perDay.flat()) },
    { weight: 2, arbitrary: fc.tuple(...days.map(dayWindows(nightEdge))).map((perDay) => perDay.flat()) },
    { weight: 1, arbitrary: fc.constant(days.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:00' }))) },
    { weight: 1, arbitrary: fc.constant(days.map((day) => ({ day, start: '00:00', end: '24:00' }))) },
  )
  .filter((w) => w.length > 0);

const localDateText = fc.integer({ min: Date.UTC(2025, 6, 1) / DAY, max: Date.UTC(2027, 5, 30) / DAY }).map((n) => new Date(n * DAY).toISOString().slice(0, 10));
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekly,
  holidays: fc.uniqueArray(localDateText, { maxLength: 25 }),
  changes: fc.array(fc.record({ from: localDateText, weekly }), { maxLength: 2 }),
});

/** Whole-minute instants: anywhere in 2025-2027, or within three days of a clock change. */
const instant = fc
  .oneof(
    fc.integer({ min: Date.UTC(2025, 6, 1) / MINUTE, max: Date.UTC(2027, 6, 1) / MINUTE }).map((m) => m * MINUTE),
    fc.tuple(fc.constantFrom(...SHIFTS), fc.integer({ min: -3 * 1440, max: 3 * 1440 })).map(([t, m]) => t + m * MINUTE),
  )
  .map((t) => new Date(t));
const minutes = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }) });
const ordered = fc.tuple(instant, instant).map(([a, b]): [Date, Date] => (a <= b ? [a, b] : [b, a]));
/** A span of up to 40 days (long enough to cross weekends, holidays and changes; short enough for the reference). */
const span = fc.tuple(instant, fc.integer({ min: 0, max: 40 * 1440 })).map(([s, m]) => [s, new Date(s.getTime() + m * MINUTE)] as const);
const pausesIn = (s: Date, e: Date) =>
  fc.array(
    fc.record({
      start: fc.integer({ min: s.getTime() - DAY, max: e.getTime() + DAY }),
      length: fc.integer({ min: 0, max: 4 * 1440 }),
      cause: fc.option(fc.constantFrom('customer', 'mailbox provider'), { nil: undefined }),
    }).map(({ start, length, cause }): Pause => ({ start: new Date(start), end: new Date(start + length * MINUTE), ...(cause ? { cause } : {}) })),
    { maxLength: 4 },
  );

/**
 * A reference count, written the plain way and independently of the engine's
 * day numbering and caches: each local date's windows from windowsOn, overlapped with the span.
 */
function referenceMinutes(s: Date, e: Date, calendar: BusinessCalendar, pauses: Pause[] = []): number {
  let pieces: [number, number][] = [[s.getTime(), e.getTime()]];
  for (const p of pauses) {
    pieces = pieces.flatMap(([a, b]): [number, number][] => [[a, Math.min(b, p.start.getTime())], [Math.max(a, p.end.getTime()), b]]).filter(([a, b]) => b > a);
  }
  let ms = 0;
  const last = localDateIn(new Date(e.getTime() + DAY), calendar.timeZone);
  for (let date = localDateIn(new Date(s.getTime() - DAY), calendar.timeZone); ; date = addDays(date, 1)) {
    for (const w of windowsOn(calendar, date)) {
      for (const [a, b] of pieces) ms += Math.max(0, Math.min(b, w.end.getTime()) - Math.max(a, w.start.getTime()));
    }
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
  }
  return ms / MINUTE;
}

describe(`business-time properties (fast-check seed ${SEED})`, () => {
  it('adding then measuring gives back the minutes', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes, (calendar, s, m) => {
        expect(businessMinutesBetween(s, addBusinessMinutes(s, m, calendar), calendar)).toBe(m);
      }),
      runs(300),
    );
  });

  it('an answer for m > 0 is inside a window or exactly at its end (the millisecond before it is open)', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutes.filter((m) => m > 0), (calendar, s, m) => {
        const due = addBusinessMinutes(s, m, calendar);
        expect(openStatus(calendar, new Date(due.getTime() - 1)).open).toBe(true);
      }),
      runs(300),
    );
  });

  it('0 minutes gives the start when it is open, else the next opening', () => {
    fc.assert(
      fc.property(calendarArb, instant, (calendar, s) => {
        const status = openStatus(calendar, s);
        const expected = status.open ? s : status.opensAt;
        if (expected) expect(addBusinessMinutes(s, 0, calendar)).toEqual(expected);
      }),
      runs(300),
    );
  });

  it('measures what a plain reference count measures, with and without pauses', () => {
    fc.assert(
      fc.property(
        calendarArb,
        span.chain(([s, e]) => fc.tuple(fc.constant(s), fc.constant(e), pausesIn(s, e))),
        (calendar, [s, e, pauses]) => {
          expect(businessMinutesBetween(s, e, calendar)).toBe(referenceMinutes(s, e, calendar));
          expect(businessMinutesBetween(s, e, calendar, pauses)).toBe(referenceMinutes(s, e, calendar, pauses));
        },
      ),
      runs(200),
    );
  });

  it('business time never exceeds elapsed time (windows never overlap)', () => {
    fc.assert(
      fc.property(calendarArb, span, (calendar, [s, e]) => {
        expect(businessMinutesBetween(s, e, calendar)).toBeLessThanOrEqual((e.getTime() - s.getTime()) / MINUTE);
      }),
      runs(300),
    );
  });

  it('addBusinessMinutes is non-decreasing in the start and in the minutes', () => {
    fc.assert(
      fc.property(calendarArb, ordered, minutes, minutes, (calendar, [s1, s2], m1, m2) => {
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes(s1, low, calendar).getTime()).toBeLessThanOrEqual(addBusinessMinutes(s2, low, calendar).getTime());
        expect(addBusinessMinutes(s1, low, calendar).getTime()).toBeLessThanOrEqual(addBusinessMinutes(s1, high, calendar).getTime());
      }),
      runs(200),
    );
  });

  it('businessMinutesBetween is non-decreasing in the end and non-increasing in the start', () => {
    fc.assert(
      fc.property(calendarArb, instant, ordered, (calendar, fixed, [a, b]) => {
        expect(businessMinutesBetween(fixed, a, calendar)).toBeLessThanOrEqual(businessMinutesBetween(fixed, b, calendar));
        expect(businessMinutesBetween(a, fixed, calendar)).toBeGreaterThanOrEqual(businessMinutesBetween(b, fixed, calendar));
      }),
      runs(200),
    );
  });

  it('pauses only ever reduce the count, never below zero', () => {
    fc.assert(
      fc.property(
        calendarArb,
        span.chain(([s, e]) => fc.tuple(fc.constant(s), fc.constant(e), pausesIn(s, e), pausesIn(s, e))),
        (calendar, [s, e, some, more]) => {
          const without = businessMinutesBetween(s, e, calendar);
          const withSome = businessMinutesBetween(s, e, calendar, some);
          expect(withSome).toBeGreaterThanOrEqual(0);
          expect(withSome).toBeLessThanOrEqual(without);
          expect(businessMinutesBetween(s, e, calendar, [...some, ...more])).toBeLessThanOrEqual(withSome);
        },
      ),
      runs(200),
    );
  });

  it("explain's segments cover the span end to end and add up to the measures", () => {
    fc.assert(
      fc.property(
        calendarArb,
        span.chain(([s, e]) => fc.tuple(fc.constant(s), fc.constant(e), pausesIn(s, e))),
        (calendar, [s, e, pauses]) => {
          const segments = explainBusinessTime(s, e, calendar, pauses);
          const total = (kinds: string[]) => segments.filter((g) => kinds.includes(g.kind)).reduce((sum, g) => sum + g.minutes, 0);
          // (pauses fall on any millisecond, so fractional minutes add up only to float precision)
          expect(total(['business'])).toBeCloseTo(businessMinutesBetween(s, e, calendar, pauses), 9);
          expect(total(['business', 'paused'])).toBeCloseTo(businessMinutesBetween(s, e, calendar), 9);
          if (e <= s) {
            expect(segments).toEqual([]);
            return;
          }
          expect(segments[0]!.start).toEqual(s);
          expect(segments.at(-1)!.end).toEqual(e);
          segments.forEach((g, i) => {
            expect(g.end.getTime()).toBeGreaterThan(g.start.getTime());
            expect(g.minutes).toBe((g.end.getTime() - g.start.getTime()) / MINUTE);
            if (i > 0) expect(g.start).toEqual(segments[i - 1]!.end);
            // inside one local date of the calendar's zone
            const d = localDateIn(g.start, calendar.timeZone);
            expect(g.localDate).toBe(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
            if (calendar.timeZone === 'UTC' || calendar.timeZone === 'Asia/Kolkata') expect(g.dstShiftMinutes).toBe(0);
          });
        },
      ),
      runs(200),
    );
  });
});
