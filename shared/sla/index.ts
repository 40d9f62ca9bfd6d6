/**
 * The business-hours engine: every SLA figure in the app runs on it. Pure (no
 * DOM, no Node); see business-time.ts for the invariants and explain.ts for
 * the segments of an explanation.
 */
export { businessCalendarSchema, type BusinessCalendar } from '../calendar/business-calendar';
export { InvalidCalendarError, parseBusinessCalendar, type CalendarIssue } from './calendar-validation';
export { addBusinessMinutes, businessMinutesBetween, NoBusinessHoursError, type Pause } from './business-time';
export { explainBusinessTime, type BusinessTimeSegment, type WindowHours } from './explain';
export { ALWAYS_OPEN } from './always-open';
