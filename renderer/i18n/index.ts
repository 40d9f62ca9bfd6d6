import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index';
import { pl } from './pl/index';

/** Every visible string, in English and Polish (the seed's terms). */
export const LANGUAGES = ['en', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en, pl },
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(en),
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** BCP 47 locale for Intl formatting in the current language. */
export const intlLocale = (language: string) => (language === 'pl' ? 'pl-PL' : 'en-GB');
