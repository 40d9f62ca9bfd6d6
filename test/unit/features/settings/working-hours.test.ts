import { describe, expect, it } from 'vitest';
import { draftFromWindows, windowsFromDraft, type HoursDraft } from '../../../../renderer/features/settings/working-hours';

const weekdays = draftFromWindows([1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '09:00', end: '17:00' })));

describe('working hours draft', () => {
  it('shows one row per weekday, days off keeping default times', () => {
    expect(weekdays[1]).toEqual({ works: true, start: '09:00', end: '17:00' });
    expect(weekdays[6]).toEqual({ works: false, start: '09:00', end: '17:00' });
    expect(Object.keys(weekdays)).toHaveLength(7);
  });

  it('shows a split day (lunch break) from its first start to its last end', () => {
    const draft = draftFromWindows([
      { day: 2, start: '13:00', end: '17:30' },
      { day: 2, start: '08:30', end: '12:00' },
    ]);
    expect(draft[2]).toEqual({ works: true, start: '08:30', end: '17:30' });
  });

  it('round-trips valid hours, leaving out days off', () => {
    const draft: HoursDraft = { ...weekdays, 5: { works: false, start: '10:00', end: '14:00' }, 6: { works: true, start: '10:00', end: '14:00' } };
    const result = windowsFromDraft(draft);
    if (!result.ok) return expect.fail(JSON.stringify(result.errors));
    expect(result.windows.map((w) => w.day)).toEqual([1, 2, 3, 4, 6]);
    expect(result.windows.at(-1)).toEqual({ day: 6, start: '10:00', end: '14:00' });
  });

  it('reports errors by day and field with the shared message keys', () => {
    const draft: HoursDraft = {
      ...weekdays,
      1: { works: true, start: '17:00', end: '09:00' },
      3: { works: true, start: '', end: '17:00' },
      7: { works: false, start: '', end: '' },
    };
    const result = windowsFromDraft(draft);
    if (result.ok) return expect.fail('expected errors');
    expect(result.errors).toEqual({ 1: { end: 'window.endBeforeStart' }, 3: { start: 'time.invalid' } });
  });
});
