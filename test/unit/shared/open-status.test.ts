import { describe, expect, it } from 'vitest';
import { BUSINESS_HOURS_PRESETS, type BusinessCalendar, type BusinessWindow } from '@shared/calendar/business-calendar';

/** The 24x7 preset in a zone. */
const always = (timeZone: string): BusinessCalendar => ({ timeZone, weekly: BUSINESS_HOURS_PRESETS[4].weekly.map((w) => ({ ...w })), holidays: [] });
import { openStatus, weeklyOn } from '@shared/calendar/open-status';

/**
 * Every expected instant below was worked out by hand in UTC:
 * Europe/Warsaw is UTC+1 in winter (CET) and UTC+2 in summer (CEST);
 * America/New_York is UTC-5 (EST) and UTC-4 (EDT). In 2026 New York moves
 * to EDT on Sunday 8 March at 02:00 and back to EST on Sunday 1 November at 02:00.
 */
const at = (iso: string) => new Date(iso);

const weekdays = (start: string, end: string): BusinessWindow[] =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

const warsaw = (over: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone: 'Europe/Warsaw',
  weekly: weekdays('09:00', '17:00'),
  holidays: [],
  changes: [],
  ...over,
});

const open = (closesAt: string) => ({ open: true, closesAt: at(closesAt) });
const closed = (opensAt: string | null) => ({ open: false, opensAt: opensAt === null ? null : at(opensAt) });

describe('openStatus, Europe/Warsaw 09:00-17:00 Monday to Friday', () => {
  it('is open on Tuesday 10:00 local and closes at 17:00 local (winter, CET)', () => {
    // Tue 2026-11-03 10:00 CET = 09:00Z; 17:00 CET = 16:00Z
    expect(openStatus(warsaw(), at('2026-11-03T09:00:00Z'))).toEqual(open('2026-11-03T16:00:00Z'));
  });

  it('is open on Tuesday 10:00 local and closes at 17:00 local (summer, CEST)', () => {
    // Tue 2026-07-14 10:00 CEST = 08:00Z; 17:00 CEST = 15:00Z
    expect(openStatus(warsaw(), at('2026-07-14T08:00:00Z'))).toEqual(open('2026-07-14T15:00:00Z'));
  });

  it('is open from the first minute and closed from the last', () => {
    // 09:00 CET sharp = 08:00Z is open; 17:00 CET sharp = 16:00Z is closed
    expect(openStatus(warsaw(), at('2026-11-03T08:00:00Z'))).toEqual(open('2026-11-03T16:00:00Z'));
    expect(openStatus(warsaw(), at('2026-11-03T07:59:59Z'))).toEqual(closed('2026-11-03T08:00:00Z'));
    expect(openStatus(warsaw(), at('2026-11-03T16:00:00Z'))).toEqual(closed('2026-11-04T08:00:00Z'));
  });

  it('on Friday 18:00 opens next on Monday 09:00', () => {
    // Fri 2026-11-06 18:00 CET = 17:00Z -> Mon 2026-11-09 09:00 CET = 08:00Z
    expect(openStatus(warsaw(), at('2026-11-06T17:00:00Z'))).toEqual(closed('2026-11-09T08:00:00Z'));
    // Saturday and Sunday give the same answer
    expect(openStatus(warsaw(), at('2026-11-07T12:00:00Z'))).toEqual(closed('2026-11-09T08:00:00Z'));
    expect(openStatus(warsaw(), at('2026-11-08T22:59:00Z'))).toEqual(closed('2026-11-09T08:00:00Z'));
  });

  it('uses the local date, not the UTC date, near midnight', () => {
    // Mon 2026-11-09 00:30 CET is Sun 2026-11-08 23:30Z: local Monday, opens 09:00 CET the same day
    expect(openStatus(warsaw(), at('2026-11-08T23:30:00Z'))).toEqual(closed('2026-11-09T08:00:00Z'));
  });

  it('skips a holiday', () => {
    // Wed 2026-11-11 is a holiday: Tue 18:00 CET -> Thu 2026-11-12 09:00 CET = 08:00Z
    const calendar = warsaw({ holidays: ['2026-11-11'] });
    expect(openStatus(calendar, at('2026-11-10T17:00:00Z'))).toEqual(closed('2026-11-12T08:00:00Z'));
    // During what would be business hours on the holiday itself
    expect(openStatus(calendar, at('2026-11-11T09:00:00Z'))).toEqual(closed('2026-11-12T08:00:00Z'));
    // Without the holiday that instant is open
    expect(openStatus(warsaw(), at('2026-11-11T09:00:00Z'))).toEqual(open('2026-11-11T16:00:00Z'));
  });

  it('skips several holidays in a row (Christmas)', () => {
    // Thu 24, Fri 25 Dec 2026 are holidays: Wed 23 Dec 18:00 CET -> Mon 28 Dec 09:00 CET = 08:00Z
    const calendar = warsaw({ holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] });
    expect(openStatus(calendar, at('2026-12-23T17:00:00Z'))).toEqual(closed('2026-12-28T08:00:00Z'));
  });

  it('honours a lunch break 12:00-13:00', () => {
    const calendar = warsaw({
      weekly: weekdays('09:00', '17:00').flatMap((w) => [
        { day: w.day, start: '09:00', end: '12:00' },
        { day: w.day, start: '13:00', end: '17:00' },
      ]),
    });
    // Tue 2026-11-03 11:00 CET = 10:00Z: open until 12:00 CET = 11:00Z
    expect(openStatus(calendar, at('2026-11-03T10:00:00Z'))).toEqual(open('2026-11-03T11:00:00Z'));
    // 12:30 CET = 11:30Z: at lunch, opens 13:00 CET = 12:00Z
    expect(openStatus(calendar, at('2026-11-03T11:30:00Z'))).toEqual(closed('2026-11-03T12:00:00Z'));
    // 13:00 CET sharp: open until 17:00 CET = 16:00Z
    expect(openStatus(calendar, at('2026-11-03T12:00:00Z'))).toEqual(open('2026-11-03T16:00:00Z'));
  });

  it('windows given out of order still give the earliest next opening', () => {
    const calendar = warsaw({
      weekly: [
        { day: 2, start: '13:00', end: '17:00' },
        { day: 2, start: '09:00', end: '12:00' },
      ],
    });
    // Tue 2026-11-03 07:00 CET = 06:00Z -> 09:00 CET = 08:00Z, not 13:00
    expect(openStatus(calendar, at('2026-11-03T06:00:00Z'))).toEqual(closed('2026-11-03T08:00:00Z'));
  });

  it('applies a dated change from its date on, and the weekly hours before it', () => {
    const calendar = warsaw({ changes: [{ from: '2026-11-09', weekly: weekdays('10:00', '14:00') }] });
    // Thu 2026-11-05 15:00 CET = 14:00Z: old hours, open until 17:00 CET = 16:00Z
    expect(openStatus(calendar, at('2026-11-05T14:00:00Z'))).toEqual(open('2026-11-05T16:00:00Z'));
    // Fri 2026-11-06 18:00 CET -> Mon 2026-11-09 10:00 CET = 09:00Z (new hours)
    expect(openStatus(calendar, at('2026-11-06T17:00:00Z'))).toEqual(closed('2026-11-09T09:00:00Z'));
    // Tue 2026-11-10 13:00 CET = 12:00Z: open until 14:00 CET = 13:00Z
    expect(openStatus(calendar, at('2026-11-10T12:00:00Z'))).toEqual(open('2026-11-10T13:00:00Z'));
    // Tue 2026-11-10 15:00 CET = 14:00Z: closed (would be open under the old hours)
    expect(openStatus(calendar, at('2026-11-10T14:00:00Z'))).toEqual(closed('2026-11-11T09:00:00Z'));
  });

  it('with several dated changes, the latest one in force wins whatever the list order', () => {
    const reduced = weekdays('10:00', '14:00');
    const extended = weekdays('08:00', '18:00');
    const calendar = warsaw({ changes: [{ from: '2026-12-01', weekly: extended }, { from: '2026-11-09', weekly: reduced }] });
    expect(weeklyOn(calendar, '2026-11-08')).toEqual(calendar.weekly);
    expect(weeklyOn(calendar, '2026-11-09')).toEqual(reduced);
    expect(weeklyOn(calendar, '2026-11-30')).toEqual(reduced);
    expect(weeklyOn(calendar, '2026-12-01')).toEqual(extended);
    // Wed 2026-12-02 17:30 CET = 16:30Z: open until 18:00 CET = 17:00Z
    expect(openStatus(calendar, at('2026-12-02T16:30:00Z'))).toEqual(open('2026-12-02T17:00:00Z'));
  });

  it('says null when no window exists', () => {
    expect(openStatus(warsaw({ weekly: [] }), at('2026-11-03T09:00:00Z'))).toEqual(closed(null));
  });
});

describe('openStatus, 24x7', () => {
  it('is always open, in every hour of two weeks around both New York DST changes', () => {
    const calendar = always('America/New_York');
    for (const startIso of ['2026-03-01T00:00:00Z', '2026-10-25T00:00:00Z']) {
      const start = Date.parse(startIso);
      for (let h = 0; h < 14 * 24; h++) {
        const now = new Date(start + h * 3_600_000 + 17 * 60_000);
        const status = openStatus(calendar, now);
        expect(status, now.toISOString()).toMatchObject({ open: true });
        if (status.open) expect(status.closesAt.getTime()).toBeGreaterThan(now.getTime());
      }
    }
  });

  it('closes for a holiday at local midnight and reopens at the next local midnight', () => {
    const calendar = { ...always('Europe/Warsaw'), holidays: ['2026-12-25'] };
    // Thu 2026-12-24 23:30 CET = 22:30Z: open, closes at 25 Dec 00:00 CET = 24 Dec 23:00Z
    expect(openStatus(calendar, at('2026-12-24T22:30:00Z'))).toEqual(open('2026-12-24T23:00:00Z'));
    // Fri 2026-12-25 noon: closed, opens 26 Dec 00:00 CET = 25 Dec 23:00Z
    expect(openStatus(calendar, at('2026-12-25T11:00:00Z'))).toEqual(closed('2026-12-25T23:00:00Z'));
  });
});

describe('openStatus, America/New_York across daylight-saving changes', () => {
  const newYork = (over: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
    timeZone: 'America/New_York',
    weekly: weekdays('09:00', '17:00'),
    holidays: [],
    changes: [],
    ...over,
  });

  it('spring forward (2026-03-08): Friday 18:00 EST opens Monday 09:00 EDT', () => {
    // Fri 2026-03-06 18:00 EST = 23:00Z -> Mon 2026-03-09 09:00 EDT = 13:00Z (not 14:00Z)
    expect(openStatus(newYork(), at('2026-03-06T23:00:00Z'))).toEqual(closed('2026-03-09T13:00:00Z'));
    // Mon 2026-03-09 10:00 EDT = 14:00Z: open until 17:00 EDT = 21:00Z
    expect(openStatus(newYork(), at('2026-03-09T14:00:00Z'))).toEqual(open('2026-03-09T21:00:00Z'));
    // The Friday before: 16:30 EST = 21:30Z closes 17:00 EST = 22:00Z
    expect(openStatus(newYork(), at('2026-03-06T21:30:00Z'))).toEqual(open('2026-03-06T22:00:00Z'));
  });

  it('fall back (2026-11-01): Friday 18:00 EDT opens Monday 09:00 EST', () => {
    // Fri 2026-10-30 18:00 EDT = 22:00Z -> Mon 2026-11-02 09:00 EST = 14:00Z (not 13:00Z)
    expect(openStatus(newYork(), at('2026-10-30T22:00:00Z'))).toEqual(closed('2026-11-02T14:00:00Z'));
    // Mon 2026-11-02 16:30 EST = 21:30Z: open until 17:00 EST = 22:00Z
    expect(openStatus(newYork(), at('2026-11-02T21:30:00Z'))).toEqual(open('2026-11-02T22:00:00Z'));
    // 13:30Z on that Monday is 08:30 EST: still closed (it would be 09:30 in EDT)
    expect(openStatus(newYork(), at('2026-11-02T13:30:00Z'))).toEqual(closed('2026-11-02T14:00:00Z'));
  });

  it('a window on the short spring-forward Sunday lasts two real hours', () => {
    const calendar = newYork({ weekly: [{ day: 7, start: '01:00', end: '04:00' }] });
    // Sun 2026-03-08 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z
    expect(openStatus(calendar, at('2026-03-08T05:00:00Z'))).toEqual(closed('2026-03-08T06:00:00Z'));
    expect(openStatus(calendar, at('2026-03-08T07:30:00Z'))).toEqual(open('2026-03-08T08:00:00Z'));
  });

  it('a whole-day window on the long fall-back Sunday lasts 25 hours', () => {
    const calendar = newYork({ weekly: [{ day: 7, start: '00:00', end: '24:00' }] });
    // Sun 2026-11-01 00:00 EDT = 04:00Z; 24:00 = Mon 00:00 EST = 2026-11-02T05:00Z
    expect(openStatus(calendar, at('2026-11-01T03:59:00Z'))).toEqual(closed('2026-11-01T04:00:00Z'));
    expect(openStatus(calendar, at('2026-11-02T04:30:00Z'))).toEqual(open('2026-11-02T05:00:00Z'));
    // After it closes the next opening is a week later: Sun 2026-11-08 00:00 EST = 05:00Z
    expect(openStatus(calendar, at('2026-11-02T05:00:00Z'))).toEqual(closed('2026-11-08T05:00:00Z'));
  });
});
