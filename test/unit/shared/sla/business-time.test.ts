import { describe, expect, it } from 'vitest';
import type { BusinessWindow } from '@shared/calendar/business-calendar';
import { addBusinessMinutes, businessMinutesBetween, NoBusinessHoursError, type BusinessCalendar } from '@shared/sla';

/**
 * Hand-worked cases. Every instant is worked out in UTC:
 * Europe/Warsaw is UTC+1 (CET) in winter and UTC+2 (CEST) in summer; in 2026
 * it springs forward on Sun 29 Mar (02:00 CET -> 03:00 CEST, at 01:00Z) and
 * falls back on Sun 25 Oct (03:00 CEST -> 02:00 CET, at 01:00Z).
 * America/New_York is UTC-5 (EST) and UTC-4 (EDT); in 2026 it springs forward
 * on Sun 8 Mar (02:00 EST -> 03:00 EDT, at 07:00Z) and falls back on Sun 1 Nov
 * (02:00 EDT -> 01:00 EST, at 06:00Z).
 */
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

const weekdays = (start: string, end: string): BusinessWindow[] => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));
const everyDay = (start: string, end: string): BusinessWindow[] => ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start, end }));
const calendar = (timeZone: string, over: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone,
  weekly: weekdays('09:00', '17:00'),
  holidays: [],
  ...over,
});
const warsaw = calendar('Europe/Warsaw');
const newYork = calendar('America/New_York');
const add = (start: string, minutes: number, c: BusinessCalendar) => iso(addBusinessMinutes(at(start), minutes, c));
const between = (start: string, end: string, c: BusinessCalendar, pauses: { start: string; end: string; cause?: string }[] = []) =>
  businessMinutesBetween(at(start), at(end), c, pauses.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })));

describe('Europe/Warsaw, 09:00-17:00 Monday to Friday, across daylight saving', () => {
  it('spring forward: Friday 16:00 + 120 min is Monday 10:00 (60 min Friday, weekend, 60 min Monday)', () => {
    // Fri 27 Mar 16:00 CET = 15:00Z; 60 min to 17:00 CET = 16:00Z.
    // Mon 30 Mar 09:00 CEST = 07:00Z; + 60 min = 08:00Z (10:00 CEST).
    expect(add('2026-03-27T15:00:00Z', 120, warsaw)).toBe('2026-03-30T08:00:00Z');
    expect(between('2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z', warsaw)).toBe(120);
  });

  it('fall back: Friday 16:00 + 120 min is Monday 10:00', () => {
    // Fri 23 Oct 16:00 CEST = 14:00Z; 60 min to 17:00 CEST = 15:00Z.
    // Mon 26 Oct 09:00 CET = 08:00Z; + 60 = 09:00Z.
    expect(add('2026-10-23T14:00:00Z', 120, warsaw)).toBe('2026-10-26T09:00:00Z');
    expect(between('2026-10-23T14:00:00Z', '2026-10-26T09:00:00Z', warsaw)).toBe(120);
  });

  it('a whole week around each change holds 5 x 480 min: the shift falls on a Sunday night', () => {
    // Mon 23 Mar 00:00 CET = 22 Mar 23:00Z .. Mon 30 Mar 00:00 CEST = 29 Mar 22:00Z
    expect(between('2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z', warsaw)).toBe(2400);
    // Mon 19 Oct 00:00 CEST = 18 Oct 22:00Z .. Mon 26 Oct 00:00 CET = 25 Oct 23:00Z
    expect(between('2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z', warsaw)).toBe(2400);
  });
});

describe('America/New_York, 09:00-17:00 Monday to Friday, across daylight saving', () => {
  it('spring forward: Friday 16:00 EST + 120 min is Monday 10:00 EDT', () => {
    // Fri 6 Mar 16:00 EST = 21:00Z; 60 min to 17:00 EST = 22:00Z.
    // Mon 9 Mar 09:00 EDT = 13:00Z; + 60 = 14:00Z.
    expect(add('2026-03-06T21:00:00Z', 120, newYork)).toBe('2026-03-09T14:00:00Z');
  });

  it('fall back: Friday 16:00 EDT + 120 min is Monday 10:00 EST', () => {
    // Fri 30 Oct 16:00 EDT = 20:00Z; 60 min to 17:00 EDT = 21:00Z.
    // Mon 2 Nov 09:00 EST = 14:00Z; + 60 = 15:00Z.
    expect(add('2026-10-30T20:00:00Z', 120, newYork)).toBe('2026-11-02T15:00:00Z');
    expect(between('2026-10-30T20:00:00Z', '2026-11-02T15:00:00Z', newYork)).toBe(120);
  });
});

describe('24x7 (00:00-24:00 every day): real hours, 23 h and 25 h days', () => {
  const warsaw24 = calendar('Europe/Warsaw', { weekly: everyDay('00:00', '24:00') });
  const newYork24 = calendar('America/New_York', { weekly: everyDay('00:00', '24:00') });

  it('Warsaw: Sun 29 Mar is 23 h, Sun 25 Oct is 25 h', () => {
    // Sun 29 Mar 00:00 CET = 28 Mar 23:00Z .. Mon 30 Mar 00:00 CEST = 29 Mar 22:00Z: 23 h = 1380 min
    expect(between('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', warsaw24)).toBe(1380);
    // Sun 25 Oct 00:00 CEST = 24 Oct 22:00Z .. Mon 26 Oct 00:00 CET = 25 Oct 23:00Z: 25 h = 1500 min
    expect(between('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', warsaw24)).toBe(1500);
    // Saturday + Sunday in spring: 24 h + 23 h = 47 h = 2820 min
    expect(between('2026-03-27T23:00:00Z', '2026-03-29T22:00:00Z', warsaw24)).toBe(2820);
  });

  it('New York: Sun 8 Mar is 23 h, Sun 1 Nov is 25 h', () => {
    // Sun 8 Mar 00:00 EST = 05:00Z .. Mon 9 Mar 00:00 EDT = 04:00Z
    expect(between('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', newYork24)).toBe(1380);
    // Sun 1 Nov 00:00 EDT = 04:00Z .. Mon 2 Nov 00:00 EST = 05:00Z
    expect(between('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', newYork24)).toBe(1500);
  });

  it('24 business hours from Saturday noon over the spring-forward night is Sunday 13:00, real time', () => {
    // Sat 28 Mar 12:00 CET = 11:00Z; 24 real hours later = 29 Mar 11:00Z = Sun 13:00 CEST
    expect(add('2026-03-28T11:00:00Z', 24 * 60, warsaw24)).toBe('2026-03-29T11:00:00Z');
    // Midnight is no pause: 60 min from Sat 23:30 CET (22:30Z) is Sun 00:30 CET (23:30Z)
    expect(add('2026-03-28T22:30:00Z', 60, warsaw24)).toBe('2026-03-28T23:30:00Z');
  });

  it('a span of a year is 365 x 24 h whatever the shifts', () => {
    // 1 Jan 2026 00:00 CET = 31 Dec 2025 23:00Z .. 1 Jan 2027 00:00 CET = 31 Dec 2026 23:00Z
    expect(between('2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z', warsaw24)).toBe(365 * 1440);
  });
});

describe('windows on a daylight-saving night', () => {
  const sunday = (start: string, end: string) => calendar('Europe/Warsaw', { weekly: [{ day: 7, start, end }] });

  it('01:00-04:00 lasts 2 h on the spring-forward day and 4 h on the fall-back day', () => {
    // 29 Mar: 01:00 CET = 00:00Z .. 04:00 CEST = 02:00Z
    expect(between('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', sunday('01:00', '04:00'))).toBe(120);
    // 25 Oct: 01:00 CEST = 24 Oct 23:00Z .. 04:00 CET = 03:00Z
    expect(between('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', sunday('01:00', '04:00'))).toBe(240);
  });

  it('a time skipped by the jump means the jump: 02:30 on 29 Mar is 03:00 CEST', () => {
    // 01:00-02:30 is 01:00 CET (00:00Z) .. 03:00 CEST (01:00Z) = 60 min;
    // 02:30-04:00 is 01:00Z .. 04:00 CEST (02:00Z) = 60 min: the two halves still make 01:00-04:00.
    const split = calendar('Europe/Warsaw', { weekly: [{ day: 7, start: '01:00', end: '02:30' }, { day: 7, start: '02:30', end: '04:00' }] });
    expect(between('2026-03-28T23:00:00Z', '2026-03-29T01:00:00Z', split)).toBe(60);
    expect(between('2026-03-29T01:00:00Z', '2026-03-29T22:00:00Z', split)).toBe(60);
    // A window wholly inside the skipped hour has no time at all; the next Sunday's is 45 min.
    expect(between('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', sunday('02:00', '02:45'))).toBe(0);
    // so 10 min from Saturday land in 5 Apr's window: 02:00 CEST = 00:00Z, + 10
    expect(add('2026-03-28T12:00:00Z', 10, sunday('02:00', '02:45'))).toBe('2026-04-05T00:10:00Z');
  });

  it('a time repeated by the fall-back means its first occurrence: 02:30 on 25 Oct is 02:30 CEST', () => {
    // 01:00-02:30 is 01:00 CEST (24 Oct 23:00Z) .. 02:30 CEST (00:30Z) = 90 min;
    // 02:30-04:00 is 00:30Z .. 04:00 CET (03:00Z) = 150 min (it holds the repeated hour).
    const split = calendar('Europe/Warsaw', { weekly: [{ day: 7, start: '01:00', end: '02:30' }, { day: 7, start: '02:30', end: '04:00' }] });
    expect(between('2026-10-24T23:00:00Z', '2026-10-25T00:30:00Z', split)).toBe(90);
    expect(between('2026-10-25T00:30:00Z', '2026-10-25T23:00:00Z', split)).toBe(150);
    // So a window 02:30-04:00 opens at 02:30 CEST (00:30Z), not at 02:30 CET (01:30Z), and lasts 150 min.
    expect(add('2026-10-24T12:00:00Z', 0, sunday('02:30', '04:00'))).toBe('2026-10-25T00:30:00Z');
    expect(between('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', sunday('02:30', '04:00'))).toBe(150);
    // New York, west of Greenwich, reads it the same way: 01:30 on 1 Nov is 01:30 EDT (05:30Z);
    // 01:30-02:00 runs to 02:00 EST (07:00Z): 90 min.
    const ny = calendar('America/New_York', { weekly: [{ day: 7, start: '01:30', end: '02:00' }] });
    expect(add('2026-10-31T12:00:00Z', 0, ny)).toBe('2026-11-01T05:30:00Z');
    expect(between('2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z', ny)).toBe(90);
  });
});

describe('holidays', () => {
  const easter = calendar('Europe/Warsaw', { holidays: ['2026-04-06'] }); // Easter Monday

  it('skips a holiday: Friday 16:00 + 120 min over Easter is Tuesday 10:00', () => {
    // Fri 3 Apr 16:00 CEST = 14:00Z; 60 min to 17:00 CEST = 15:00Z; weekend; Mon 6 Apr holiday;
    // Tue 7 Apr 09:00 CEST = 07:00Z + 60 = 08:00Z
    expect(add('2026-04-03T14:00:00Z', 120, easter)).toBe('2026-04-07T08:00:00Z');
    expect(between('2026-04-03T14:00:00Z', '2026-04-07T08:00:00Z', easter)).toBe(120);
  });

  it('counts nothing on the holiday itself', () => {
    // Mon 6 Apr 00:00 CEST = 5 Apr 22:00Z .. Tue 7 Apr 00:00 CEST = 6 Apr 22:00Z
    expect(between('2026-04-05T22:00:00Z', '2026-04-06T22:00:00Z', easter)).toBe(0);
    expect(between('2026-04-05T22:00:00Z', '2026-04-06T22:00:00Z', warsaw)).toBe(480);
  });

  it('a holiday on a 24x7 calendar closes the whole local date', () => {
    // 25 Dec 2026 00:00 CET = 24 Dec 23:00Z .. 26 Dec 00:00 CET = 25 Dec 23:00Z is closed
    const christmas = calendar('Europe/Warsaw', { weekly: everyDay('00:00', '24:00'), holidays: ['2026-12-25'] });
    expect(between('2026-12-24T12:00:00Z', '2026-12-26T12:00:00Z', christmas)).toBe(48 * 60 - 24 * 60);
    // 30 min before the holiday starts, + 60 min: 30 min on the 24th, then the 26th 00:00 CET + 30
    expect(add('2026-12-24T22:30:00Z', 60, christmas)).toBe('2026-12-25T23:30:00Z');
  });
});

describe('dated changes of hours', () => {
  const reduced = calendar('Europe/Warsaw', { changes: [{ from: '2026-11-09', weekly: weekdays('10:00', '14:00') }] });

  it('counts the old hours before the change and the new ones from its date', () => {
    // Fri 6 Nov 16:00 CET = 15:00Z: 60 min to 17:00 (old hours);
    // Mon 9 Nov 10:00 CET = 09:00Z (new hours) + 180 min = 12:00Z (13:00 CET)
    expect(add('2026-11-06T15:00:00Z', 240, reduced)).toBe('2026-11-09T12:00:00Z');
    // A week under the new hours: 5 x 4 h
    expect(between('2026-11-08T23:00:00Z', '2026-11-15T23:00:00Z', reduced)).toBe(5 * 240);
    // The week before: 5 x 8 h
    expect(between('2026-11-01T23:00:00Z', '2026-11-08T23:00:00Z', reduced)).toBe(5 * 480);
  });

  it('extended hours from a date: weekends added', () => {
    const extended = calendar('Europe/Warsaw', { changes: [{ from: '2026-11-14', weekly: everyDay('09:00', '17:00') }] });
    // Sat 14 Nov 2026 09:00 CET = 08:00Z .. Sun 15 Nov 17:00 CET = 16:00Z: 2 x 480
    expect(between('2026-11-13T23:00:00Z', '2026-11-15T23:00:00Z', extended)).toBe(960);
    // Fri 13 Nov 16:30 CET (15:30Z) + 60: 30 min Friday, Saturday 09:00 CET + 30 = 08:30Z
    expect(add('2026-11-13T15:30:00Z', 60, extended)).toBe('2026-11-14T08:30:00Z');
  });
});

describe('a lunch break: 09:00-12:00 and 13:00-17:00', () => {
  const lunch = calendar('Europe/Warsaw', {
    weekly: weekdays('09:00', '12:00').flatMap((w) => [w, { day: w.day, start: '13:00', end: '17:00' }]),
  });

  it('skips the break', () => {
    // Tue 3 Nov 11:00 CET = 10:00Z: 60 min to 12:00; lunch; 13:00 CET = 12:00Z + 60 = 13:00Z
    expect(add('2026-11-03T10:00:00Z', 120, lunch)).toBe('2026-11-03T13:00:00Z');
    // A whole day is 3 h + 4 h = 420 min
    expect(between('2026-11-02T23:00:00Z', '2026-11-03T23:00:00Z', lunch)).toBe(420);
  });

  it('ends at 12:00 when the minutes run out at the break, not at 13:00', () => {
    // 11:00 CET + 60 = 12:00 CET = 11:00Z
    expect(add('2026-11-03T10:00:00Z', 60, lunch)).toBe('2026-11-03T11:00:00Z');
  });
});

describe('starts outside business hours', () => {
  it('before opening counts from the opening', () => {
    // Tue 3 Nov 07:00 CET = 06:00Z -> 09:00 CET = 08:00Z + 30
    expect(add('2026-11-03T06:00:00Z', 30, warsaw)).toBe('2026-11-03T08:30:00Z');
  });

  it('after closing counts from the next day', () => {
    // Tue 3 Nov 18:00 CET = 17:00Z -> Wed 4 Nov 09:00 CET = 08:00Z + 30
    expect(add('2026-11-03T17:00:00Z', 30, warsaw)).toBe('2026-11-04T08:30:00Z');
  });

  it('on a weekend counts from Monday', () => {
    // Sat 7 Nov 12:00 CET = 11:00Z -> Mon 9 Nov 09:00 CET = 08:00Z + 30
    expect(add('2026-11-07T11:00:00Z', 30, warsaw)).toBe('2026-11-09T08:30:00Z');
  });

  it('on a holiday counts from the next working day', () => {
    // Wed 11 Nov 10:00 CET (holiday) = 09:00Z -> Thu 12 Nov 09:00 CET = 08:00Z + 60
    const independenceDay = calendar('Europe/Warsaw', { holidays: ['2026-11-11'] });
    expect(add('2026-11-11T09:00:00Z', 60, independenceDay)).toBe('2026-11-12T09:00:00Z');
  });

  it('counts nothing between a start after closing and the next opening', () => {
    expect(between('2026-11-03T17:00:00Z', '2026-11-04T08:00:00Z', warsaw)).toBe(0);
  });
});

describe('the window-end rule and zero minutes', () => {
  it('minutes that run out exactly at closing give the closing, not the next opening', () => {
    // Fri 27 Mar 16:00 CET = 15:00Z + 60 = 17:00 CET = 16:00Z
    expect(add('2026-03-27T15:00:00Z', 60, warsaw)).toBe('2026-03-27T16:00:00Z');
    // A whole day from its opening: Tue 3 Nov 09:00 CET = 08:00Z + 480 = 17:00 CET = 16:00Z
    expect(add('2026-11-03T08:00:00Z', 480, warsaw)).toBe('2026-11-03T16:00:00Z');
  });

  it('0 minutes inside a window is the start itself', () => {
    expect(add('2026-11-03T10:17:00Z', 0, warsaw)).toBe('2026-11-03T10:17:00Z');
    expect(add('2026-11-03T08:00:00Z', 0, warsaw)).toBe('2026-11-03T08:00:00Z');
  });

  it('0 minutes outside a window is the next opening, also from exactly the closing', () => {
    // Tue 18:00 CET -> Wed 09:00 CET = 08:00Z
    expect(add('2026-11-03T17:00:00Z', 0, warsaw)).toBe('2026-11-04T08:00:00Z');
    // Tue 17:00 CET = 16:00Z is the end of the window, outside it
    expect(add('2026-11-03T16:00:00Z', 0, warsaw)).toBe('2026-11-04T08:00:00Z');
  });

  it('minutes round to the millisecond; the measure is exact real minutes', () => {
    // 10:00:30 CET + 0.5 min = 10:01:00 CET
    expect(add('2026-11-03T09:00:30Z', 0.5, warsaw)).toBe('2026-11-03T09:01:00Z');
    // 16:59:30 CET to 17:00 CET: half a minute
    expect(between('2026-11-03T15:59:30Z', '2026-11-03T18:00:00Z', warsaw)).toBe(0.5);
  });

  it('refuses negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(at('2026-11-03T09:00:00Z'), -1, warsaw)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2026-11-03T09:00:00Z'), Number.NaN, warsaw)).toThrow(/minutes/);
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, warsaw)).toThrow(/start: not a valid date/);
    expect(() => businessMinutesBetween(at('2026-11-03T09:00:00Z'), new Date(Number.NaN), warsaw)).toThrow(/end/);
  });
});

describe('pauses', () => {
  const day = ['2026-11-03T08:00:00Z', '2026-11-03T16:00:00Z'] as const; // Tue 09:00-17:00 CET, 480 min

  it('take the paused business time away', () => {
    // 2 h waiting on the customer, 10:00-12:00 CET = 09:00Z-11:00Z: 480 - 120
    expect(between(...day, warsaw, [{ start: '2026-11-03T09:00:00Z', end: '2026-11-03T11:00:00Z', cause: 'waiting on customer' }])).toBe(360);
  });

  it('overlapping pauses count once; pauses outside the span or the windows take nothing', () => {
    const pauses = [
      { start: '2026-11-03T09:00:00Z', end: '2026-11-03T11:00:00Z' },
      { start: '2026-11-03T10:00:00Z', end: '2026-11-03T12:00:00Z' }, // union 09:00Z-12:00Z = 180 min
      { start: '2026-11-03T17:00:00Z', end: '2026-11-04T07:00:00Z' }, // overnight, outside the windows
      { start: '2026-11-02T12:00:00Z', end: '2026-11-02T13:00:00Z' }, // the day before the span
    ];
    expect(between(...day, warsaw, pauses)).toBe(300);
  });

  it('a pause reaching outside the span is clipped to it; one covering it leaves nothing', () => {
    // paused from Monday to Tue 10:00 CET (09:00Z): Tuesday keeps 10:00-17:00 = 420
    expect(between(...day, warsaw, [{ start: '2026-11-02T00:00:00Z', end: '2026-11-03T09:00:00Z' }])).toBe(420);
    expect(between(...day, warsaw, [{ start: '2026-11-01T00:00:00Z', end: '2026-11-05T00:00:00Z' }])).toBe(0);
  });

  it('a pause with its end before its start is empty', () => {
    expect(between(...day, warsaw, [{ start: '2026-11-03T11:00:00Z', end: '2026-11-03T09:00:00Z' }])).toBe(480);
  });

  it('across the weekend and a DST change (Warsaw, 27-30 Mar)', () => {
    // Fri 27 Mar 09:00 CET (08:00Z) .. Mon 30 Mar 12:00 CEST (10:00Z): Friday 480 + Monday 180 = 660;
    // paused Fri 16:00 CET (15:00Z) .. Mon 10:00 CEST (08:00Z): takes 60 Friday + 60 Monday = 120
    expect(between('2026-03-27T08:00:00Z', '2026-03-30T10:00:00Z', warsaw)).toBe(660);
    expect(between('2026-03-27T08:00:00Z', '2026-03-30T10:00:00Z', warsaw, [{ start: '2026-03-27T15:00:00Z', end: '2026-03-30T08:00:00Z' }])).toBe(540);
  });
});

describe('businessMinutesBetween edge cases', () => {
  it('is 0 when end <= start', () => {
    expect(between('2026-11-03T12:00:00Z', '2026-11-03T12:00:00Z', warsaw)).toBe(0);
    expect(between('2026-11-03T12:00:00Z', '2026-11-03T09:00:00Z', warsaw)).toBe(0);
  });
});

describe('spans of years', () => {
  // Polish public holidays of 2026 and 2027 (16 of them fall on weekdays:
  // 2026: 1 Jan Thu, 6 Jan Tue, 6 Apr Mon, 1 May Fri, 4 Jun Thu, 11 Nov Wed, 24 Dec Thu, 25 Dec Fri;
  // 2027: 1 Jan Fri, 6 Jan Wed, 29 Mar Mon, 3 May Mon, 27 May Thu, 1 Nov Mon, 11 Nov Thu, 24 Dec Fri).
  const holidays = [
    '2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-03', '2026-05-24', '2026-06-04',
    '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26',
    '2027-01-01', '2027-01-06', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-03', '2027-05-16', '2027-05-27',
    '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-24', '2027-12-25', '2027-12-26',
  ];
  const poland = calendar('Europe/Warsaw', { holidays });
  // 1 Jan 2026 00:00 CET = 31 Dec 2025 23:00Z .. 1 Jan 2028 00:00 CET = 31 Dec 2027 23:00Z
  const from = '2025-12-31T23:00:00Z';
  const to = '2027-12-31T23:00:00Z';

  it('two years of 09:00-17:00 Monday to Friday: 522 weekdays, 16 of them holidays', () => {
    // 2026 and 2027 each have 52 weeks + 1 weekday (Thu 1 Jan 2026, Fri 1 Jan 2027): 261 + 261 = 522.
    expect(between(from, to, calendar('Europe/Warsaw'))).toBe(522 * 480);
    // (522 - 16) x 480 = 242 880
    expect(between(from, to, poland)).toBe(242_880);
  });

  it('adding those minutes ends at the close of the last working day, Fri 31 Dec 2027 17:00 CET = 16:00Z', () => {
    expect(add(from, 242_880, poland)).toBe('2027-12-31T16:00:00Z');
    // one more minute goes into 2028: Mon 3 Jan 2028 09:00 CET = 08:00Z + 1
    expect(add(from, 242_881, poland)).toBe('2028-01-03T08:01:00Z');
  });
});

describe('spans longer than the cache of a calendar (4096 dates)', () => {
  it('15 years of 24x7 in UTC are all their minutes, and adding them gets back to the end', () => {
    const utc24 = calendar('UTC', { weekly: everyDay('00:00', '24:00') });
    const minutes = (Date.UTC(2035, 0, 1) - Date.UTC(2020, 0, 1)) / 60_000; // 5479 days
    expect(between('2020-01-01T00:00:00Z', '2035-01-01T00:00:00Z', utc24)).toBe(minutes);
    expect(add('2020-01-01T00:00:00Z', minutes, utc24)).toBe('2035-01-01T00:00:00Z');
  });

  it('a sparse calendar: 15 min a week, 520 weeks on', () => {
    // Wednesdays 12:00-12:15 UTC. Wed 7 Jan 2026 12:00Z + 520 x 15 min ends at the 520th window's end,
    // 519 weeks later: 7 Jan 2026 + 3633 days = Wed 19 Dec 2035, 12:15Z
    const weekly = calendar('UTC', { weekly: [{ day: 3, start: '12:00', end: '12:15' }] });
    expect(add('2026-01-07T12:00:00Z', 520 * 15, weekly)).toBe('2035-12-19T12:15:00Z');
    expect(between('2026-01-07T12:00:00Z', '2035-12-19T12:15:00Z', weekly)).toBe(520 * 15);
  });
});

describe('a calendar without business hours', () => {
  it('throws instead of searching forever', () => {
    const never = calendar('Europe/Warsaw', { weekly: [] });
    expect(() => addBusinessMinutes(at('2026-11-03T09:00:00Z'), 60, never)).toThrow(NoBusinessHoursError);
    expect(() => addBusinessMinutes(at('2026-11-03T09:00:00Z'), 0, never)).toThrow(/No business hours/);
    expect(between('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', never)).toBe(0);
  });

  it('throws when the hours stop for good, once the search passes five years', () => {
    const closing = calendar('Europe/Warsaw', { changes: [{ from: '2026-12-01', weekly: [] }] });
    // Until then it works: Mon 30 Nov 16:00 CET + 60 = 17:00 CET = 16:00Z
    expect(add('2026-11-30T15:00:00Z', 60, closing)).toBe('2026-11-30T16:00:00Z');
    expect(() => addBusinessMinutes(at('2026-11-30T15:00:00Z'), 61, closing)).toThrow(NoBusinessHoursError);
  });

  it('finds hours that begin within the horizon', () => {
    const opening = calendar('Europe/Warsaw', { weekly: [], changes: [{ from: '2029-01-01', weekly: weekdays('09:00', '17:00') }] });
    // Mon 1 Jan 2029 09:00 CET = 08:00Z
    expect(add('2026-01-01T00:00:00Z', 0, opening)).toBe('2029-01-01T08:00:00Z');
  });
});

describe('other zones', () => {
  it('Asia/Kolkata (UTC+05:30, no daylight saving)', () => {
    // Mon 2 Nov 2026 09:00 IST = 03:30Z; 16:00 IST = 10:30Z; + 120 min: 60 min to 17:00 IST (11:30Z), Tue 09:00 IST (03:30Z) + 60
    expect(add('2026-11-02T10:30:00Z', 120, calendar('Asia/Kolkata'))).toBe('2026-11-03T04:30:00Z');
  });

  it('Australia/Lord_Howe (a 30 min shift): a 24x7 Sunday is 23.5 h in October and 24.5 h in April', () => {
    const lordHowe = calendar('Australia/Lord_Howe', { weekly: everyDay('00:00', '24:00') });
    // Sun 4 Oct 2026: 00:00 +10:30 = 3 Oct 13:30Z .. Mon 5 Oct 00:00 +11 = 4 Oct 13:00Z
    expect(between('2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', lordHowe)).toBe(23.5 * 60);
    // Sun 5 Apr 2026: 00:00 +11 = 4 Apr 13:00Z .. Mon 6 Apr 00:00 +10:30 = 5 Apr 13:30Z
    expect(between('2026-04-04T13:00:00Z', '2026-04-05T13:30:00Z', lordHowe)).toBe(24.5 * 60);
  });

  it('Pacific/Chatham (UTC+12:45 / +13:45)', () => {
    // Mon 2 Nov 2026 (summer, +13:45): 09:00 = 1 Nov 19:15Z; + 60 = 20:15Z
    expect(add('2026-11-01T19:15:00Z', 60, calendar('Pacific/Chatham'))).toBe('2026-11-01T20:15:00Z');
  });
});
