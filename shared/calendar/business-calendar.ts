import { z } from 'zod';

/**
 * An account's designated business hours (godziny pracy), in the shape the
 * SLA engine (shared/sla/) takes. Windows never cross midnight and an `end`
 * of '24:00' means midnight; several windows a day are allowed (a lunch
 * break). Because the provider may extend or reduce hours over time, dated
 * `changes` replace the weekly windows from a local date on.
 */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'time.invalid' });
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'date.invalid' });

export const isoDaySchema = z.union([1, 2, 3, 4, 5, 6, 7].map((d) => z.literal(d)) as [
  z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>, z.ZodLiteral<6>, z.ZodLiteral<7>,
]);
export type IsoDay = z.infer<typeof isoDaySchema>;

export const businessWindowSchema = z
  .object({ day: isoDaySchema, start: time, end: time })
  .refine((w) => minutesOf(w.start) < minutesOf(w.end), { error: 'window.endBeforeStart', path: ['end'] });
export type BusinessWindow = z.infer<typeof businessWindowSchema>;

const weeklySchema = z.array(businessWindowSchema).superRefine((windows, ctx) => {
  const sorted = windows.map((w, i) => ({ ...w, i })).sort((a, b) => a.day - b.day || minutesOf(a.start) - minutesOf(b.start));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (prev.day === cur.day && minutesOf(cur.start) < minutesOf(prev.end)) {
      ctx.addIssue({ code: 'custom', message: 'window.overlap', path: [cur.i, 'start'] });
    }
  }
});

export const timeZoneSchema = z.string().refine(isValidTimeZone, { error: 'timeZone.invalid' });

export const businessCalendarSchema = z.object({
  timeZone: timeZoneSchema,
  weekly: weeklySchema,
  holidays: z.array(localDate),
  changes: z.array(z.object({ from: localDate, weekly: weeklySchema })).optional(),
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Zones found valid: building a formatter to ask costs ~50 µs, and sync checks every pulled calendar. At most the runtime's few hundred zones. */
const validZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    validZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone the runtime knows, for the time-zone picker. */
export function supportedTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

const weekdays = (start: string, end: string): BusinessWindow[] =>
  ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

/**
 * Business-hours presets. The first three are the historical options of the
 * SparkPost Premium terms (DOMAIN.md §1): 9:00-17:00 US Eastern, 9:00-17:00
 * US Pacific, 08:30-16:30 UK, Monday to Friday.
 */
export const BUSINESS_HOURS_PRESETS = [
  { id: 'us-eastern', timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') },
  { id: 'us-pacific', timeZone: 'America/Los_Angeles', weekly: weekdays('09:00', '17:00') },
  { id: 'uk', timeZone: 'Europe/London', weekly: weekdays('08:30', '16:30') },
  { id: 'poland', timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00') },
  { id: 'always', timeZone: null, weekly: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })) },
] as const satisfies readonly { id: string; timeZone: string | null; weekly: BusinessWindow[] }[];

