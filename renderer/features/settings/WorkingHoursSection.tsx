import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDay } from '@shared/calendar/business-calendar';
import { saveSettings, type Settings } from '../../data/settings';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { validationMessage } from '../../ui/validation-message';
import { TimeField } from './TimeField';
import { draftFromWindows, WEEK, windowsFromDraft, type DayDraft, type HoursErrors } from './working-hours';

type Props = { settings: Settings };

/** The TAM's own weekly working hours, edited as a draft and saved together. */
export function WorkingHoursSection({ settings }: Props) {
  const { t } = useTranslation('settings');
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  // The draft starts from the stored hours once; later changes elsewhere do
  // not overwrite what is being typed here.
  const [draft, setDraft] = useState(() => draftFromWindows(settings.workingHours));
  const [errors, setErrors] = useState<HoursErrors>({});
  const [failedAttempt, setFailedAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  // After a refused save, take the keyboard to the first field to fix.
  useEffect(() => {
    if (failedAttempt > 0) sectionRef.current?.querySelector<HTMLElement>('input[aria-invalid="true"]')?.focus();
  }, [failedAttempt]);

  const change = (day: IsoDay, patch: Partial<DayDraft>) => {
    setDraft((d) => ({ ...d, [day]: { ...d[day], ...patch } }));
    // A field's error goes once it is edited; the rest stay until the next save.
    setErrors((e) => {
      const dayErrors = e[day];
      if (!dayErrors) return e;
      const next = { ...dayErrors };
      if ('works' in patch) return { ...e, [day]: undefined };
      if ('start' in patch) delete next.start;
      if ('end' in patch) delete next.end;
      return { ...e, [day]: next };
    });
  };

  const save = async () => {
    const result = windowsFromDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setFailedAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await saveSettings({ workingHours: result.windows });
      setErrors({});
      showToast(t('hours.saved'));
    } finally {
      setSaving(false);
    }
  };

  const errorText = (key: string | undefined) => (key ? validationMessage(t, key) : undefined);
  const hasErrors = Object.values(errors).some((e) => e && (e.start || e.end));

  return (
    <section className="form-section settings-section" aria-labelledby={headingId} ref={sectionRef}>
      <h2 id={headingId}>{t('hours.title')}</h2>
      <p className="muted">{t('hours.intro', { zone: settings.tamTimeZone.replaceAll('_', ' ') })}</p>
      <form
        className="hours-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="hours-row hours-head" aria-hidden>
          <span>{t('hours.day')}</span>
          <span>{t('hours.start')}</span>
          <span>{t('hours.end')}</span>
        </div>
        {WEEK.map((day) => {
          const d = draft[day];
          const name = t(`hours.days.${day}`);
          return (
            <div className="hours-row" key={day} data-off={!d.works || undefined}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={d.works}
                  aria-label={t(`hours.worksOn.${day}`)}
                  onChange={(e) => change(day, { works: e.target.checked })}
                />
                <span aria-hidden>{name}</span>
              </label>
              <TimeField
                label={t('hours.dayStart', { day: name })}
                value={d.start}
                onChange={(start) => change(day, { start })}
                isDisabled={!d.works}
                error={errorText(errors[day]?.start)}
              />
              <TimeField
                label={t('hours.dayEnd', { day: name })}
                value={d.end}
                onChange={(end) => change(day, { end })}
                isDisabled={!d.works}
                error={errorText(errors[day]?.end)}
              />
              {!d.works && <span className="faint hours-off">{t('hours.off')}</span>}
            </div>
          );
        })}
        {hasErrors && (
          <p role="alert" className="form-error">
            {t('hours.invalid')}
          </p>
        )}
        <div className="section-actions">
          <Button type="submit" variant="primary" isDisabled={saving}>
            {t('hours.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
