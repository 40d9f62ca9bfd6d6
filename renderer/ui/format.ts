import { intlLocale } from '../i18n';

/** Formatting through Intl, in the UI's language. Formatters are made once per language: making one is slow. */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(language: string, n: number): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(intlLocale(language))));
  return format.format(n);
}

export const formatDateTime = (language: string, iso: string | Date, timeZone?: string) =>
  new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

export const formatTime = (language: string, date: Date, timeZone: string) =>
  new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(date);

/** "in 3 h 20 min" style, for "opens in …". */
export function formatDuration(language: string, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (days > 0) return [unit(days, 'day'), hours ? unit(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [unit(hours, 'hour'), mins ? unit(mins, 'minute') : ''].filter(Boolean).join(' ');
  return unit(mins, 'minute');
}

/** A due time with its weekday, in a zone: "Mon 30 Mar, 10:00". */
export const formatDue = (language: string, at: Date, timeZone?: string) =>
  new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(at);

/** Business minutes as "2 h 15 min". */
export function formatMinutes(language: string, minutes: number): string {
  const whole = Math.round(Math.abs(minutes));
  const unit = (value: number, u: 'hour' | 'minute') => new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return [h > 0 ? unit(h, 'hour') : '', m > 0 || h === 0 ? unit(m, 'minute') : ''].filter(Boolean).join(' ');
}
