import { intlLocale } from '../i18n';

/**
 * The one place dates, times and numbers are formatted: through Intl, in the
 * language asked for (the UI's, or the customer's for text meant for them),
 * in the time zone asked for. A formatter is made once per language, zone and
 * style and kept: making one is slow, and a list formats thousands of values.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const dateFormat = (language: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${language}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(intlLocale(language), options));
const numberFormat = (language: string, options: Intl.NumberFormatOptions = {}) =>
  cached(`n|${language}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(intlLocale(language), options));

export const formatNumber = (language: string, n: number): string => numberFormat(language).format(n);

/** "30 Mar 2026, 10:00". */
export const formatDateTime = (language: string, at: string | Date, timeZone?: string) =>
  dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));

/** "30/03/2026, 10:00". */
export const formatShortDateTime = (language: string, at: string | Date, timeZone?: string) =>
  dateFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(at));

/** A calendar date ("2026-12-24", as holidays are kept) as "24 Dec 2026". */
export const formatCalendarDate = (language: string, day: string) =>
  dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** "Mon 30 Mar". */
export const formatDay = (language: string, at: Date, timeZone?: string) =>
  dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(at);

/** "30 Mar", for chart axes. */
export const formatDayMonth = (language: string, at: Date, timeZone?: string) =>
  dateFormat(language, { day: 'numeric', month: 'short', timeZone }).format(at);

/** "Mon 10:00". */
export const formatTime = (language: string, at: Date, timeZone: string) =>
  dateFormat(language, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(at);

/** A due time with its weekday, in a zone: "Mon 30 Mar, 10:00". */
export const formatDue = (language: string, at: Date, timeZone?: string) =>
  dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(at);

const unit = (language: string, value: number, u: 'day' | 'hour' | 'minute') => numberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);

/** "in 3 h 20 min" style, for "opens in …". */
export function formatDuration(language: string, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return [unit(language, days, 'day'), hours ? unit(language, hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [unit(language, hours, 'hour'), mins ? unit(language, mins, 'minute') : ''].filter(Boolean).join(' ');
  return unit(language, mins, 'minute');
}

/** Business minutes as "2 h 15 min". */
export function formatMinutes(language: string, minutes: number): string {
  const whole = Math.round(Math.abs(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return [h > 0 ? unit(language, h, 'hour') : '', m > 0 || h === 0 ? unit(language, m, 'minute') : ''].filter(Boolean).join(' ');
}

/** "2 min ago", "just now". */
export function formatAgo(language: string, at: string | Date, now = Date.now()): string {
  const seconds = Math.round((new Date(at).getTime() - now) / 1000);
  const format = cached(`r|${language}`, () => new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto', style: 'short' }));
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
