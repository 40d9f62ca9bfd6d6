import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../data/settings';
import { lazyComponent, useContributions } from '../../ui/contribution';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
import { useImport } from './import-store';
import { ProfileSection } from './ProfileSection';
import { WorkingHoursSection } from './WorkingHoursSection';

/** Settings: language and theme, the TAM's profile and hours, data and backup, about. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const settings = useSettings();
  // Other features' sections (team sync).
  const { settingsSections } = useContributions();
  // An import left half-way (refused, or waiting for confirmation) does not follow the user to other pages.
  useEffect(() => () => useImport.getState().reset(), []);
  return (
    <div className="settings-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      {settings && (
        <>
          <AppearanceSection settings={settings} />
          <ProfileSection settings={settings} />
          <WorkingHoursSection settings={settings} />
        </>
      )}
      {settingsSections.map((section) => {
        const Section = lazyComponent(section.load);
        return (
          <Suspense key={section.id} fallback={null}>
            <Section />
          </Suspense>
        );
      })}
      <DataSection />
      <AboutSection />
    </div>
  );
}
