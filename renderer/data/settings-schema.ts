import { z } from 'zod';
import { businessWindowSchema, timeZoneSchema } from '@shared/calendar/business-calendar';
import { LANGUAGE_CHOICES, THEME_CHOICES } from './settings-choices';


/**
 * This device's preferences. They are the TAM's own, not the team's, so
 * they live in the local `meta` table and do not sync.
 */
export const settingsSchema = z.object({
  language: z.enum(LANGUAGE_CHOICES),
  theme: z.enum(THEME_CHOICES),
  tamName: z.string().trim().max(120),
  tamTimeZone: timeZoneSchema,
  workingHours: z.array(businessWindowSchema),
});
export type Settings = z.infer<typeof settingsSchema>;
