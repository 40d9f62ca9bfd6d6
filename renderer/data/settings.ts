import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { businessWindowSchema, timeZoneSchema } from '@shared/calendar/business-calendar';
import { db } from './database';

/**
 * This device's preferences. They are the TAM's own, not the team's, so
 * they live in the local `meta` table and do not sync.
 */
export const settingsSchema = z.object({
  language: z.enum(['en', 'pl']),
  theme: z.enum(['system', 'light', 'dark']),
  tamName: z.string().trim().max(120),
  tamTimeZone: timeZoneSchema,
  workingHours: z.array(businessWindowSchema),
});
export type Settings = z.infer<typeof settingsSchema>;

const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const language = navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en';
  return {
    language,
    theme: 'system',
    tamName: '',
    tamTimeZone: zone,
    workingHours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
  };
}

export async function loadSettings(): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  const parsed = settingsSchema.safeParse({ ...defaultSettings(), ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : defaultSettings();
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await db.meta.put({ key: SETTINGS_KEY, value: next });
  rememberAppearance(next);
  return next;
}

/**
 * Language and theme are also mirrored in localStorage, read synchronously at
 * start, so the first paint is already right without waiting for IndexedDB.
 * The database stays the source of truth.
 */
const APPEARANCE_KEY = 'tam-desk.appearance';
type Appearance = Pick<Settings, 'language' | 'theme'>;

function rememberAppearance({ language, theme }: Appearance) {
  try {
    localStorage.setItem(APPEARANCE_KEY, JSON.stringify({ language, theme }));
  } catch {
    // Storage full or disabled: the next start just waits for the database.
  }
}

export function initialAppearance(): Appearance {
  const fallback = defaultSettings();
  try {
    const parsed = settingsSchema.pick({ language: true, theme: true }).safeParse(JSON.parse(localStorage.getItem(APPEARANCE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : { language: fallback.language, theme: fallback.theme };
  } catch {
    return { language: fallback.language, theme: fallback.theme };
  }
}

/** Live settings; `undefined` only while the first read is in flight. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(loadSettings, []);
}
