import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSettings, type Settings } from '../../data/settings';
import { Select } from '../../ui/Select';

type Props = { settings: Settings };

// Each language is named in itself, so it can be found whatever the current one.
const LANGUAGE_OPTIONS = [
  { id: 'en', label: 'English' },
  { id: 'pl', label: 'Polski' },
] as const;
const THEMES = ['system', 'light', 'dark'] as const;

/** Language and theme; both apply the moment they are chosen. */
export function AppearanceSection({ settings }: Props) {
  const { t } = useTranslation('settings');
  const headingId = useId();
  return (
    <section className="form-section settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('appearance.title')}</h2>
      <div className="grid-2">
        <Select
          label={t('appearance.language')}
          options={LANGUAGE_OPTIONS}
          value={settings.language}
          onChange={(language) => void saveSettings({ language: language === 'pl' ? 'pl' : 'en' })}
        />
        <div className="field">
          <Select
            label={t('appearance.theme')}
            options={THEMES.map((id) => ({ id, label: t(`appearance.themes.${id}`) }))}
            value={settings.theme}
            onChange={(theme) => {
              const chosen = THEMES.find((id) => id === theme);
              if (chosen) void saveSettings({ theme: chosen });
            }}
          />
          <span className="description">{t('appearance.themeHelp')}</span>
        </div>
      </div>
    </section>
  );
}
