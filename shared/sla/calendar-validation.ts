import type { z } from 'zod';
import { businessCalendarSchema, type BusinessCalendar } from '../calendar/business-calendar';

/**
 * Refusing a bad business calendar with a message that names the field, e.g.
 * "weekly[2].start: windows overlap" or "timeZone: unknown time zone 'Mars/Base'".
 * The rules are businessCalendarSchema's (one schema for the forms, the store
 * and the engine); each issue keeps the schema's code, which is also the UI's
 * translation key ('window.overlap', 'timeZone.invalid', ...).
 */
export type CalendarIssue = { path: string; code: string; message: string };

export class InvalidCalendarError extends Error {
  override readonly name = 'InvalidCalendarError';
  constructor(readonly issues: CalendarIssue[]) {
    super(`Invalid business calendar: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/** A valid calendar (a copy, as zod returns it), or an InvalidCalendarError. */
export function parseBusinessCalendar(input: unknown): BusinessCalendar {
  const result = businessCalendarSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidCalendarError(result.error.issues.map((issue) => toCalendarIssue(issue, input)));
}

const explanations: Record<string, (shown: (path: PropertyKey[]) => string, path: PropertyKey[]) => string> = {
  'timeZone.invalid': (shown, path) => `unknown time zone ${shown(path)}`,
  'time.invalid': (shown, path) => `not a time of day 'HH:mm' from 00:00 to 24:00: ${shown(path)}`,
  'date.invalid': (shown, path) => `not a date 'YYYY-MM-DD': ${shown(path)}`,
  'window.endBeforeStart': (shown, path) => `the window must end after it starts (${shown([...path.slice(0, -1), 'start'])} to ${shown(path)})`,
  'window.overlap': () => 'windows overlap',
};

function toCalendarIssue(issue: z.core.$ZodIssue, input: unknown): CalendarIssue {
  const path = formatPath(issue.path);
  const shown = (at: PropertyKey[]) => {
    const value = valueAt(input, at);
    return value === undefined ? 'missing' : `'${String(value)}'`;
  };
  const explain = explanations[issue.message];
  if (explain) return { path, code: issue.message, message: explain(shown, issue.path) };
  const shownValue = shown(issue.path);
  if (issue.path.at(-1) === 'day') return { path, code: 'day.invalid', message: `not an ISO weekday 1-7 (Monday = 1): ${shownValue}` };
  return { path, code: issue.code, message: issue.message };
}

/** ['weekly', 2, 'start'] -> 'weekly[2].start'. */
function formatPath(path: PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.startsWith('.') ? text.slice(1) : text || '(calendar)';
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
