import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  explainBusinessTime,
  InvalidCalendarError,
  parseBusinessCalendar,
  type BusinessCalendar,
} from '@shared/sla';

const valid = {
  timeZone: 'Europe/Warsaw',
  weekly: [
    { day: 1, start: '09:00', end: '12:00' },
    { day: 1, start: '13:00', end: '17:00' },
    { day: 2, start: '09:00', end: '17:00' },
  ],
  holidays: ['2026-11-11'],
  changes: [{ from: '2026-12-01', weekly: [{ day: 1, start: '10:00', end: '14:00' }] }],
};

/** The valid calendar with one field replaced. */
function withField(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function refusal(input: unknown): InvalidCalendarError {
  try {
    parseBusinessCalendar(input);
  } catch (error) {
    if (error instanceof InvalidCalendarError) return error;
    throw error;
  }
  throw new Error('the calendar was accepted');
}

describe('parseBusinessCalendar', () => {
  it('accepts a valid calendar and returns an equal copy', () => {
    const parsed = parseBusinessCalendar(valid);
    expect(parsed).toEqual(valid);
    expect(parsed).not.toBe(valid);
  });

  it.each([
    ['unknown time zone', ['timeZone'], 'Mars/Base', "timeZone: unknown time zone 'Mars/Base'", 'timeZone.invalid'],
    ['empty time zone', ['timeZone'], '', "timeZone: unknown time zone ''", 'timeZone.invalid'],
    ['bad start time', ['weekly', 2, 'start'], '25:00', "weekly[2].start: not a time of day 'HH:mm' from 00:00 to 24:00: '25:00'", 'time.invalid'],
    ['bad end time', ['weekly', 0, 'end'], '9am', "weekly[0].end: not a time of day 'HH:mm' from 00:00 to 24:00: '9am'", 'time.invalid'],
    ['24:30', ['weekly', 0, 'end'], '24:30', 'weekly[0].end: not a time of day', 'time.invalid'],
    ['end before start', ['weekly', 2, 'end'], '08:00', "weekly[2].end: the window must end after it starts ('09:00' to '08:00')", 'window.endBeforeStart'],
    ['empty window', ['weekly', 2, 'end'], '09:00', 'weekly[2].end: the window must end after it starts', 'window.endBeforeStart'],
    ['overlapping windows', ['weekly', 1, 'start'], '11:00', 'weekly[1].start: windows overlap', 'window.overlap'],
    ['bad day', ['weekly', 0, 'day'], 8, "weekly[0].day: not an ISO weekday 1-7 (Monday = 1): '8'", 'day.invalid'],
    ['day 0', ['weekly', 0, 'day'], 0, 'weekly[0].day: not an ISO weekday', 'day.invalid'],
    ['bad holiday', ['holidays', 0], '2026-13-01', "holidays[0]: not a date 'YYYY-MM-DD': '2026-13-01'", 'date.invalid'],
    ['bad change date', ['changes', 0, 'from'], '1 Dec 2026', "changes[0].from: not a date 'YYYY-MM-DD': '1 Dec 2026'", 'date.invalid'],
    ['bad time in a change', ['changes', 0, 'weekly', 0, 'end'], '10:00', 'changes[0].weekly[0].end: the window must end after it starts', 'window.endBeforeStart'],
    ['missing time zone', ['timeZone'], undefined, 'timeZone:', 'invalid_type'],
    ['weekly not a list', ['weekly'], 'Mon-Fri', 'weekly:', 'invalid_type'],
  ])('refuses %s, naming the field', (_name, path, value, message, code) => {
    const error = refusal(withField(path, value));
    expect(error.message).toContain(message);
    expect(error.issues[0]).toMatchObject({ path: message.split(':')[0], code });
  });

  it('names the overlap in a dated change', () => {
    const input = withField(['changes', 0, 'weekly'], [
      { day: 3, start: '09:00', end: '17:00' },
      { day: 3, start: '16:00', end: '18:00' },
    ]);
    expect(refusal(input).message).toContain('changes[0].weekly[1].start: windows overlap');
  });

  it('refuses what is not a calendar at all', () => {
    expect(refusal(null).issues[0]!.path).toBe('(calendar)');
    expect(refusal('Europe/Warsaw').message).toContain('(calendar)');
  });

  it('lists every problem', () => {
    const input = { ...valid, timeZone: 'Mars/Base', holidays: ['someday'] };
    expect(refusal(input).issues.map((i) => i.path)).toEqual(['timeZone', 'holidays[0]']);
  });
});

describe('the engine refuses invalid calendars', () => {
  const bad = { ...valid, timeZone: 'Mars/Base' } as BusinessCalendar;
  const start = new Date('2026-11-03T09:00:00Z');
  const end = new Date('2026-11-04T09:00:00Z');

  it.each([
    ['addBusinessMinutes', () => addBusinessMinutes(start, 60, bad)],
    ['businessMinutesBetween', () => businessMinutesBetween(start, end, bad)],
    ['explainBusinessTime', () => explainBusinessTime(start, end, bad)],
  ])('%s', (_name, call) => {
    expect(call).toThrow(InvalidCalendarError);
    expect(call).toThrow(/timeZone: unknown time zone 'Mars\/Base'/);
  });

  it('every time, not only the first (refusals are not cached as calendars)', () => {
    expect(() => businessMinutesBetween(start, end, bad)).toThrow(InvalidCalendarError);
    expect(() => businessMinutesBetween(start, end, bad)).toThrow(InvalidCalendarError);
  });

  it('an equal fresh calendar object gives the same answers as the first', () => {
    const first = parseBusinessCalendar(valid);
    const second = structuredClone(first);
    expect(businessMinutesBetween(start, end, first)).toBe(businessMinutesBetween(start, end, second));
  });
});
