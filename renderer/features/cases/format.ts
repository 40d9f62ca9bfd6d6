import { intlLocale } from '../../i18n';

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
