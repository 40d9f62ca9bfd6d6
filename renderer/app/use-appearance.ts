import { useEffect, useSyncExternalStore } from 'react';
import { i18n } from '../i18n';
import type { Settings } from '../data/settings';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (notify: () => void) => {
  const q = darkQuery();
  q.addEventListener('change', notify);
  return () => q.removeEventListener('change', notify);
};

/** Applies the language and theme from settings to the document. */
export function useAppearance(settings: Settings | undefined) {
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches);
  const theme = settings?.theme === 'system' || !settings ? (systemDark ? 'dark' : 'light') : settings.theme;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const language = settings?.language;
  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
}
