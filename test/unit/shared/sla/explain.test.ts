import { describe, expect, it } from 'vitest';
import type { BusinessWindow } from '@shared/calendar/business-calendar';
import { businessMinutesBetween, explainBusinessTime, type BusinessCalendar, type BusinessTimeSegment } from '@shared/sla';

/** Instants worked out in UTC as in business-time.test.ts (Warsaw CET = UTC+1, CEST = UTC+2; 29 Mar 2026 springs forward). */
const at = (iso: string) => new Date(iso);
const weekdays = (start: string, end: string): BusinessWindow[] => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));
const warsaw = (over: Partial<BusinessCalendar> = {}): BusinessCalendar => ({ timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00'), holidays: [], ...over });

/** Segments in a compact form: kind, local date, UTC start-end, minutes, and the extras. */
const brief = (segments: BusinessTimeSegment[]) =>
  segments.map((s) => {
    const { kind, localDate, minutes, dstShiftMinutes, start, end, ...extra } = s;
    const span = `${start.toISOString().slice(5, 16)}/${end.toISOString().slice(5, 16)}`;
    return { kind, localDate, span, minutes, ...(dstShiftMinutes ? { dstShiftMinutes } : {}), ...extra };
  });

describe('explainBusinessTime', () => {
  it('explains a due time: 60 min on Friday, the weekend (Sunday 23 h), 60 min on Monday', () => {
    // Fri 27 Mar 16:00 CET = 15:00Z .. Mon 30 Mar 10:00 CEST = 08:00Z
    const segments = explainBusinessTime(at('2026-03-27T15:00:00Z'), at('2026-03-30T08:00:00Z'), warsaw());
    const hours = { start: '09:00', end: '17:00' };
    expect(brief(segments)).toEqual([
      { kind: 'business', localDate: '2026-03-27', span: '03-27T15:00/03-27T16:00', minutes: 60, window: hours },
      // 17:00 CET .. 24:00 CET (23:00Z)
      { kind: 'outside-hours', localDate: '2026-03-27', span: '03-27T16:00/03-27T23:00', minutes: 420 },
      { kind: 'closed-day', localDate: '2026-03-28', span: '03-27T23:00/03-28T23:00', minutes: 1440, isoDay: 6 },
      // Sun 29 Mar 00:00 CET (28 Mar 23:00Z) .. Mon 00:00 CEST (29 Mar 22:00Z): 23 h, an hour short
      { kind: 'closed-day', localDate: '2026-03-29', span: '03-28T23:00/03-29T22:00', minutes: 1380, dstShiftMinutes: -60, isoDay: 7 },
      // Mon 00:00 CEST .. 09:00 CEST (07:00Z)
      { kind: 'outside-hours', localDate: '2026-03-30', span: '03-29T22:00/03-30T07:00', minutes: 540 },
      { kind: 'business', localDate: '2026-03-30', span: '03-30T07:00/03-30T08:00', minutes: 60, window: hours },
    ]);
  });

  it('shows a pause only where it stopped business time, with its cause', () => {
    // Thu 26 Mar 14:00 CET (13:00Z) .. Mon 30 Mar 12:00 CEST (10:00Z); Friday is a holiday here.
    // Paused Thu 15:00 CET (14:00Z) .. Mon 11:00 CEST (09:00Z), waiting on the customer:
    // it takes Thu 15:00-17:00 (120) and Mon 09:00-11:00 (120) of business time.
    const calendar = warsaw({ holidays: ['2026-03-27'] });
    const pauses = [{ start: at('2026-03-26T14:00:00Z'), end: at('2026-03-30T09:00:00Z'), cause: 'waiting on customer' }];
    const segments = explainBusinessTime(at('2026-03-26T13:00:00Z'), at('2026-03-30T10:00:00Z'), calendar, pauses);
    const hours = { start: '09:00', end: '17:00' };
    expect(brief(segments)).toEqual([
      { kind: 'business', localDate: '2026-03-26', span: '03-26T13:00/03-26T14:00', minutes: 60, window: hours },
      { kind: 'paused', localDate: '2026-03-26', span: '03-26T14:00/03-26T16:00', minutes: 120, window: hours, causes: ['waiting on customer'] },
      { kind: 'outside-hours', localDate: '2026-03-26', span: '03-26T16:00/03-26T23:00', minutes: 420 },
      { kind: 'holiday', localDate: '2026-03-27', span: '03-26T23:00/03-27T23:00', minutes: 1440, isoDay: 5 },
      { kind: 'closed-day', localDate: '2026-03-28', span: '03-27T23:00/03-28T23:00', minutes: 1440, isoDay: 6 },
      { kind: 'closed-day', localDate: '2026-03-29', span: '03-28T23:00/03-29T22:00', minutes: 1380, dstShiftMinutes: -60, isoDay: 7 },
      { kind: 'outside-hours', localDate: '2026-03-30', span: '03-29T22:00/03-30T07:00', minutes: 540 },
      { kind: 'paused', localDate: '2026-03-30', span: '03-30T07:00/03-30T09:00', minutes: 120, window: hours, causes: ['waiting on customer'] },
      { kind: 'business', localDate: '2026-03-30', span: '03-30T09:00/03-30T10:00', minutes: 60, window: hours },
    ]);
    expect(businessMinutesBetween(at('2026-03-26T13:00:00Z'), at('2026-03-30T10:00:00Z'), calendar, pauses)).toBe(120);
  });

  it('merges overlapping pauses and keeps both causes', () => {
    // Tue 3 Nov 09:00-17:00 CET = 08:00Z-16:00Z; pauses 10:00-12:00 and 11:00-13:00 CET
    const pauses = [
      { start: at('2026-11-03T09:00:00Z'), end: at('2026-11-03T11:00:00Z'), cause: 'customer' },
      { start: at('2026-11-03T10:00:00Z'), end: at('2026-11-03T12:00:00Z'), cause: 'mailbox provider' },
    ];
    const segments = explainBusinessTime(at('2026-11-03T08:00:00Z'), at('2026-11-03T16:00:00Z'), warsaw(), pauses);
    expect(brief(segments).map((s) => [s.kind, s.minutes, 'causes' in s ? s.causes : null])).toEqual([
      ['business', 60, null],
      ['paused', 180, ['customer', 'mailbox provider']],
      ['business', 240, null],
    ]);
  });

  it('a lunch break is an outside-hours gap between two windows', () => {
    const lunch = warsaw({ weekly: weekdays('09:00', '12:00').flatMap((w) => [w, { day: w.day, start: '13:00', end: '17:00' }]) });
    // Tue 3 Nov 11:00 CET (10:00Z) .. 14:00 CET (13:00Z)
    const segments = explainBusinessTime(at('2026-11-03T10:00:00Z'), at('2026-11-03T13:00:00Z'), lunch);
    expect(brief(segments)).toEqual([
      { kind: 'business', localDate: '2026-11-03', span: '11-03T10:00/11-03T11:00', minutes: 60, window: { start: '09:00', end: '12:00' } },
      { kind: 'outside-hours', localDate: '2026-11-03', span: '11-03T11:00/11-03T12:00', minutes: 60 },
      { kind: 'business', localDate: '2026-11-03', span: '11-03T12:00/11-03T13:00', minutes: 60, window: { start: '13:00', end: '17:00' } },
    ]);
  });

  it('notes a window shortened or lengthened by daylight saving', () => {
    const always = warsaw({ weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })) });
    // Sun 29 Mar whole: 23 h, -60; Sun 25 Oct whole: 25 h, +60
    const spring = explainBusinessTime(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), always);
    expect(brief(spring)).toEqual([
      { kind: 'business', localDate: '2026-03-29', span: '03-28T23:00/03-29T22:00', minutes: 1380, dstShiftMinutes: -60, window: { start: '00:00', end: '24:00' } },
    ]);
    const fall = explainBusinessTime(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), always);
    expect(brief(fall)).toMatchObject([{ kind: 'business', minutes: 1500, dstShiftMinutes: 60 }]);
    // Only the part of the day in the span counts: from Sun 12:00 CEST (10:00Z) no shift is left.
    const afternoon = explainBusinessTime(at('2026-03-29T10:00:00Z'), at('2026-03-29T22:00:00Z'), always);
    expect(brief(afternoon)).toMatchObject([{ kind: 'business', minutes: 720 }]);
    expect(afternoon[0]!.dstShiftMinutes).toBe(0);
    // A 02:00-04:00 window that day opens at the 03:00 CEST jump: 60 real minutes for 120 on the clock face.
    const night = explainBusinessTime(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), warsaw({ weekly: [{ day: 7, start: '02:00', end: '04:00' }] }));
    expect(brief(night).filter((s) => s.kind === 'business')).toEqual([
      { kind: 'business', localDate: '2026-03-29', span: '03-29T01:00/03-29T02:00', minutes: 60, dstShiftMinutes: -60, window: { start: '02:00', end: '04:00' } },
    ]);
    // The gap before it, 00:00 CET (28 Mar 23:00Z) .. the jump (01:00Z), is 120 min for 00:00-02:00 on the face: no shift.
    expect(brief(night).filter((s) => s.localDate === '2026-03-29' && s.kind === 'outside-hours')).toEqual([
      { kind: 'outside-hours', localDate: '2026-03-29', span: '03-28T23:00/03-29T01:00', minutes: 120 },
      // 04:00 CEST (02:00Z) .. 24:00 CEST (22:00Z)
      { kind: 'outside-hours', localDate: '2026-03-29', span: '03-29T02:00/03-29T12:00', minutes: 600 },
    ]);
  });

  it('is empty for an empty span and clips the first and last days', () => {
    expect(explainBusinessTime(at('2026-11-03T12:00:00Z'), at('2026-11-03T12:00:00Z'), warsaw())).toEqual([]);
    // Sat 7 Nov 12:00 CET (11:00Z) .. Sun 8 Nov 12:00 CET (11:00Z)
    const segments = explainBusinessTime(at('2026-11-07T11:00:00Z'), at('2026-11-08T11:00:00Z'), warsaw());
    expect(brief(segments)).toEqual([
      { kind: 'closed-day', localDate: '2026-11-07', span: '11-07T11:00/11-07T23:00', minutes: 720, isoDay: 6 },
      { kind: 'closed-day', localDate: '2026-11-08', span: '11-07T23:00/11-08T11:00', minutes: 720, isoDay: 7 },
    ]);
  });
});
