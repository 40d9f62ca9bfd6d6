import { businessWindowSchema, minutesOf, type BusinessWindow, type IsoDay } from '@shared/calendar/business-calendar';

/**
 * The working-hours form: one row per weekday, a "works that day" switch and
 * one start-end window. Days off keep their times in the draft, so switching
 * a day off and on again loses nothing typed.
 */
export const WEEK: readonly IsoDay[] = [1, 2, 3, 4, 5, 6, 7];

export type DayDraft = { works: boolean; start: string; end: string };
export type HoursDraft = Record<IsoDay, DayDraft>;
/** Error message keys (common namespace, `error.*`) by day and field. */
export type HoursErrors = Partial<Record<IsoDay, { start?: string; end?: string }>>;

const DEFAULT_DAY: DayDraft = { works: false, start: '09:00', end: '17:00' };

/** A day with several windows (a lunch break) shows as one, from its first start to its last end. */
export function draftFromWindows(windows: readonly BusinessWindow[]): HoursDraft {
  const draft = {} as HoursDraft;
  for (const day of WEEK) {
    const today = windows.filter((w) => w.day === day).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    draft[day] = today.length === 0 ? { ...DEFAULT_DAY } : { works: true, start: today[0]!.start, end: today.at(-1)!.end };
  }
  return draft;
}

export type HoursResult = { ok: true; windows: BusinessWindow[] } | { ok: false; errors: HoursErrors };

/** Validates the working days with the shared window schema. */
export function windowsFromDraft(draft: HoursDraft): HoursResult {
  const windows: BusinessWindow[] = [];
  const errors: HoursErrors = {};
  for (const day of WEEK) {
    const { works, start, end } = draft[day];
    if (!works) continue;
    const parsed = businessWindowSchema.safeParse({ day, start, end });
    if (parsed.success) {
      windows.push(parsed.data);
      continue;
    }
    const dayErrors: { start?: string; end?: string } = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'start' || field === 'end') && !dayErrors[field]) dayErrors[field] = issue.message;
    }
    errors[day] = dayErrors;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, windows };
}
