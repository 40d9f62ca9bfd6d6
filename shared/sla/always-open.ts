import type { BusinessCalendar } from '../calendar/business-calendar';

/** Real time: every day 00:00-24:00 in UTC, for calendar-hours targets. One object, so the engine's cache serves it. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

