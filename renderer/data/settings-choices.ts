/** The language and theme choices, apart from the settings schema so start-up needs no validation library. */
export const LANGUAGE_CHOICES = ['en', 'pl'] as const;
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
