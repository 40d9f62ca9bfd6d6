import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import type { Settings } from '../../data/settings';

/** The TAM's own working hours (Settings) as a business calendar: when alerts may ring, when "today" ends. */
export const tamHours = (settings: Pick<Settings, 'tamTimeZone' | 'workingHours'>): BusinessCalendar => ({
  timeZone: settings.tamTimeZone,
  weekly: settings.workingHours,
  holidays: [],
});
