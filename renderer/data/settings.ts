import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './database';
import { LANGUAGE_CHOICES, THEME_CHOICES } from './settings-choices';
import type { Settings } from './settings-schema';

export type { Settings } from './settings-schema';

// The schema (and with it the validation library) loads after first paint.
const schema = () => import('./settings-schema').then((m) => m.settingsSchema);

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
  const parsed = (await schema()).safeParse({ ...defaultSettings(), ...(row?.value as object | undefined) });
  return parsed.success ? parsed.data : defaultSettings();
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = (await schema()).parse({ ...(await loadSettings()), ...patch });
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
  const { language, theme } = defaultSettings();
  try {
    const stored = JSON.parse(localStorage.getItem(APPEARANCE_KEY) ?? 'null') as Partial<Appearance> | null;
    return {
      language: LANGUAGE_CHOICES.find((l) => l === stored?.language) ?? language,
      theme: THEME_CHOICES.find((t) => t === stored?.theme) ?? theme,
    };
  } catch {
    return { language, theme };
  }
}

/** Live settings; `undefined` only while the first read is in flight. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(loadSettings, []);
}
