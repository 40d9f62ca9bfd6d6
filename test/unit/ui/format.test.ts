import { describe, expect, it } from 'vitest';
import { formatAgo, formatCalendarDate, formatDue, formatMinutes, formatNumber } from '../../../renderer/ui/format';

/** What a TAM reads, in each language, in the zone asked for. */
describe('formatting dates and numbers', () => {
  const monday10Warsaw = new Date('2026-03-30T08:00:00Z');

  it('writes a due time in the language and zone asked for', () => {
    expect(formatDue('en', monday10Warsaw, 'Europe/Warsaw')).toBe('Mon 30 Mar, 10:00');
    expect(formatDue('en', monday10Warsaw, 'America/New_York')).toBe('Mon 30 Mar, 04:00');
    expect(formatDue('pl', monday10Warsaw, 'Europe/Warsaw')).toMatch(/^pon\.?,? 30 mar\.?,? 10:00$/);
  });

  it('groups thousands the way each language does', () => {
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatNumber('pl', 12345)).toBe('12\u00a0345');
  });

  it('shows a holiday on its own date whatever the zone of the machine', () => {
    expect(formatCalendarDate('en', '2026-12-24')).toBe('24 Dec 2026');
  });

  it('writes business minutes and recent instants in words', () => {
    expect(formatMinutes('en', 135)).toBe('2 hrs 15 mins');
    expect(formatMinutes('en', 0)).toBe('0 mins');
    expect(formatAgo('en', new Date(Date.now() - 120_000))).toBe('2 min ago');
  });
});
