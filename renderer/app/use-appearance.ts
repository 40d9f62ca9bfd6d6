import { useEffect, useSyncExternalStore } from 'react';
import { i18n } from '../i18n';
import { initialAppearance, type Settings } from '../data/settings';

const startAppearance = initialAppearance();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (notify: () => void) => {
  const q = darkQuery();
  q.addEventListener('change', notify);
  return () => q.removeEventListener('change', notify);
};

/** Sets the remembered language and theme before the first paint, so nothing flashes. */
export function applyStartAppearance() {
  const { language, theme } = startAppearance;
  document.documentElement.dataset.theme = theme === 'system' ? (darkQuery().matches ? 'dark' : 'light') : theme;
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** Applies the language and theme from settings to the document. */
export function useAppearance(settings: Settings | undefined) {
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches);
  const chosen = settings ?? startAppearance;
  const theme = chosen.theme === 'system' ? (systemDark ? 'dark' : 'light') : chosen.theme;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const language = chosen.language;
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
}
