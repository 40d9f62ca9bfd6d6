import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { host } from '../../host';

/** The app's version and where it runs. */
export function AboutSection() {
  const { t } = useTranslation('settings');
  const headingId = useId();
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void host.appVersion().then((v) => live && setVersion(v));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="form-section settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('about.title')}</h2>
      <dl className="about-list">
        <dt>{t('about.version')}</dt>
        <dd className="mono">{version ?? '…'}</dd>
        <dt>{t('about.runsIn')}</dt>
        <dd>{t(`about.kind.${host.kind}`)}</dd>
      </dl>
      <p className="muted">{t('about.storage')}</p>
    </section>
  );
}
