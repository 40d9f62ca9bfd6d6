import { Check } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSettings, type Settings } from '../../data/settings';
import { TextField } from '../../ui/TextField';
import { TimeZonePicker } from '../../ui/TimeZonePicker';

type Props = { settings: Settings };

const NAME_SAVE_DELAY_MS = 400;

/** Who the TAM is: their name and time zone, saved as they change. */
export function ProfileSection({ settings }: Props) {
  const { t } = useTranslation('settings');
  const headingId = useId();
  const [name, setName] = useState(settings.tamName);
  const [saved, setSaved] = useState(false);
  const pendingName = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The name saves shortly after typing stops, on blur, and when the page
  // closes, so navigating away never drops what was typed.
  const flushName = useCallback(() => {
    clearTimeout(timer.current);
    const value = pendingName.current;
    if (value === null) return;
    pendingName.current = null;
    void saveSettings({ tamName: value }).then(() => setSaved(true));
  }, []);
  useEffect(() => flushName, [flushName]);

  const changeName = (value: string) => {
    setName(value);
    setSaved(false);
    pendingName.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flushName, NAME_SAVE_DELAY_MS);
  };

  const changeZone = (zone: string) => {
    if (zone === settings.tamTimeZone) return;
    setSaved(false);
    void saveSettings({ tamTimeZone: zone }).then(() => setSaved(true));
  };

  return (
    <section className="form-section settings-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{t('you.title')}</h2>
        <span className="saved-status" role="status">
          {saved && (
            <>
              <Check aria-hidden /> {t('you.saved')}
            </>
          )}
        </span>
      </div>
      <p className="muted">{t('you.intro')}</p>
      <div className="grid-2">
        <TextField
          label={t('you.name')}
          description={t('you.nameHelp')}
          value={name}
          onChange={changeName}
          onBlur={flushName}
          maxLength={120}
          autoComplete="name"
        />
        <TimeZonePicker
          label={t('you.timeZone')}
          description={t('you.timeZoneHelp')}
          value={settings.tamTimeZone}
          onChange={changeZone}
        />
      </div>
    </section>
  );
}
