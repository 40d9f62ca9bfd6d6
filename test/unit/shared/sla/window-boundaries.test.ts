import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { instantAt, type LocalDate } from '@shared/calendar/open-status';

/**
 * What a window's edge means on a daylight-saving day (the engine relies on
 * it): the first instant at which the zone's clock shows that time or later.
 * Checked for every minute of each 2026 clock-change day, and the days either
 * side, in the zones the properties use.
 */
const CHANGE_DAYS: [string, string[]][] = [
  ['Europe/Warsaw', ['2026-03-29', '2026-10-25']],
  ['America/New_York', ['2026-03-08', '2026-11-01']],
  ['Australia/Lord_Howe', ['2026-04-05', '2026-10-04']],
  ['Pacific/Chatham', ['2026-04-05', '2026-09-27']],
  ['Asia/Kolkata', ['2026-03-29']],
  ['UTC', ['2026-03-29']],
  ['America/Santiago', ['2026-09-06']], // springs forward at midnight: 00:00 does not exist
];

const toLocalDate = (text: string, shift: number): LocalDate => {
  const d = new Date(Date.parse(text) + shift * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('instantAt: a wall time on a daylight-saving day', () => {
  it.each(CHANGE_DAYS)('%s: the first instant the clock shows it, and never earlier for a later time', (zone, dates) => {
    for (const text of dates) {
      for (const shift of [-1, 0, 1]) {
        const date = toLocalDate(text, shift);
        const midnight = Date.UTC(date.year, date.month - 1, date.day);
        /** What the zone's clock shows at t, in ms since the date's midnight. */
        const clock = (t: number) => t + tzOffset(zone, new Date(t)) * 60_000 - midnight;
        let previous = -Infinity;
        for (let m = 0; m <= 1440; m++) {
          const t = instantAt(date, hhmm(m), zone).getTime();
          expect(clock(t), `${zone} ${text}${shift} ${hhmm(m)}`).toBeGreaterThanOrEqual(m * 60_000);
          expect(clock(t - 1), `${zone} ${text}${shift} ${hhmm(m)}`).toBeLessThan(m * 60_000);
          expect(t).toBeGreaterThanOrEqual(previous);
          previous = t;
        }
      }
    }
  });

  it('Warsaw: a skipped time is the jump, a repeated one its first occurrence', () => {
    const spring = { year: 2026, month: 3, day: 29 };
    const fall = { year: 2026, month: 10, day: 25 };
    // 02:00-02:59 do not exist on 29 Mar: all mean 03:00 CEST = 01:00Z
    expect(instantAt(spring, '02:00', 'Europe/Warsaw').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantAt(spring, '02:30', 'Europe/Warsaw').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantAt(spring, '03:00', 'Europe/Warsaw').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 happens twice on 25 Oct: 02:30 CEST = 00:30Z, then 02:30 CET = 01:30Z
    expect(instantAt(fall, '02:30', 'Europe/Warsaw').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt(fall, '03:00', 'Europe/Warsaw').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    // 24:00 is the next local midnight
    expect(instantAt(spring, '24:00', 'Europe/Warsaw').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
