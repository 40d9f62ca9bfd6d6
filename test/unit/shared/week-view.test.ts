import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { startOfWeek, weekPosition, weekSegments } from '@shared/calendar/week-view';

const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));
const warsaw: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00'), holidays: [], changes: [] };
const byDay = (segments: ReturnType<typeof weekSegments>) => segments.map((s) => `${s.day} ${s.startMinute}-${s.endMinute}`);

describe('the week chart', () => {
  // Wednesday 25 November 2026, 12:00 UTC (13:00 in Warsaw, 07:00 in New York).
  const at = new Date('2026-11-25T12:00:00Z');

  it('starts the week on Monday 00:00 of the displayed zone', () => {
    expect(startOfWeek(at, 'Europe/Warsaw').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(startOfWeek(at, 'America/New_York').toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });

  it('draws the account’s hours in its own zone as they are written', () => {
    expect(byDay(weekSegments(warsaw, at, 'Europe/Warsaw'))).toEqual(['1 540-1020', '2 540-1020', '3 540-1020', '4 540-1020', '5 540-1020']);
  });

  it('draws them in the TAM’s zone at the real instants (Warsaw 9-17 is 3-11 in New York)', () => {
    expect(byDay(weekSegments(warsaw, at, 'America/New_York'))).toEqual(['1 180-660', '2 180-660', '3 180-660', '4 180-660', '5 180-660']);
  });

  it('splits a window that crosses the displayed zone’s midnight', () => {
    const tokyo: BusinessCalendar = { timeZone: 'Asia/Tokyo', weekly: [{ day: 2, start: '09:00', end: '17:00' }], holidays: [] };
    // Tuesday 09:00-17:00 in Tokyo is Monday 19:00 to Tuesday 03:00 in New York (EST, UTC-5).
    expect(byDay(weekSegments(tokyo, at, 'America/New_York'))).toEqual(['1 1140-1440', '2 0-180']);
  });

  it('leaves out a holiday and follows a dated change of hours within the week', () => {
    const calendar: BusinessCalendar = {
      ...warsaw,
      holidays: ['2026-11-24'],
      changes: [{ from: '2026-11-26', weekly: weekdays('08:00', '12:00') }],
    };
    expect(byDay(weekSegments(calendar, at, 'Europe/Warsaw'))).toEqual(['1 540-1020', '3 540-1020', '4 480-720', '5 480-720']);
  });

  it('shows the hour the clocks change: Warsaw 9-17 in New York during the US-only summer-time week', () => {
    // 2026-03-08: New York moves to EDT (UTC-4); Warsaw stays on CET (UTC+1) until 29 March.
    const march = new Date('2026-03-11T12:00:00Z');
    expect(byDay(weekSegments(warsaw, march, 'America/New_York'))).toEqual(['1 240-720', '2 240-720', '3 240-720', '4 240-720', '5 240-720']);
  });

  it('marks now at its day and minute in the displayed zone', () => {
    expect(weekPosition(at, 'Europe/Warsaw')).toEqual({ day: 3, minute: 13 * 60 });
    expect(weekPosition(at, 'America/New_York')).toEqual({ day: 3, minute: 7 * 60 });
  });
});
