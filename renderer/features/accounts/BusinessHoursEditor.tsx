import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { BUSINESS_HOURS_PRESETS } from '@shared/calendar/business-calendar';
import { newId } from '@shared/ids';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import type { AccountDraft } from './account-draft';
import { WindowsEditor } from './WindowsEditor';

type Props = {
  draft: AccountDraft;
  update: (patch: Partial<AccountDraft>) => void;
  errorFor: (key: string) => string | undefined;
};

/**
 * Designated business hours (godziny pracy): weekly windows with presets from
 * the historical service terms, public holidays, and dated changes (the
 * provider may extend or reduce hours from a date on).
 */
export function BusinessHoursEditor({ draft, update, errorFor }: Props) {
  const { t } = useTranslation('accounts');
  return (
    <section className="form-section" aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('hours.title')}</h2>
      <div className="page-head" role="group" aria-label={t('hours.presets')}>
        <span className="muted">{t('hours.presets')}:</span>
        {BUSINESS_HOURS_PRESETS.map((p) => (
          <Button
            key={p.id}
            size="small"
            onPress={() => update({ weekly: p.weekly.map((w) => ({ ...w })), ...(p.timeZone ? { timeZone: p.timeZone } : {}) })}
          >
            {t(`preset.${p.id}`)}
          </Button>
        ))}
      </div>
      <WindowsEditor label={t('hours.weekly')} windows={draft.weekly} onChange={(weekly) => update({ weekly })} errorPath="weekly" errorFor={errorFor} />

      <h3>{t('hours.holidays')}</h3>
      <div className="list-editor" role="group" aria-label={t('hours.holidays')}>
        {draft.holidays.map((h, i) => (
          <div key={h.id} className="list-row" style={{ gridTemplateColumns: 'minmax(160px, 240px) auto' }}>
            <TextField
              label={t('hours.holiday', { n: i + 1 })}
              value={h.date}
              type="date"
              onChange={(date) => update({ holidays: draft.holidays.map((x) => (x.id === h.id ? { ...x, date } : x)) })}
              error={errorFor(`holidays.${i}`)}
            />
            <Button variant="ghost" aria-label={t('hours.removeHoliday', { n: i + 1 })} onPress={() => update({ holidays: draft.holidays.filter((x) => x.id !== h.id) })}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <div>
          <Button size="small" onPress={() => update({ holidays: [...draft.holidays, { id: newId(), date: '' }] })}>{t('hours.addHoliday')}</Button>
        </div>
      </div>

      <h3>{t('hours.changes')}</h3>
      <p className="description muted" style={{ margin: 0 }}>{t('hours.changesHelp')}</p>
      {draft.changes.map((c, i) => (
        <div key={c.id} className="card" role="group" aria-label={t('hours.change', { n: i + 1 })}>
          <div className="list-row" style={{ gridTemplateColumns: 'minmax(160px, 240px) auto' }}>
            <TextField
              label={t('hours.changeFrom')}
              type="date"
              value={c.from}
              onChange={(from) => update({ changes: draft.changes.map((x) => (x.id === c.id ? { ...x, from } : x)) })}
              error={errorFor(`changes.${i}.from`)}
            />
            <Button variant="ghost" aria-label={t('hours.removeChange', { n: i + 1 })} onPress={() => update({ changes: draft.changes.filter((x) => x.id !== c.id) })}>
              <Trash2 aria-hidden />
            </Button>
          </div>
          <WindowsEditor
            label={t('hours.change', { n: i + 1 })}
            windows={c.weekly}
            onChange={(weekly) => update({ changes: draft.changes.map((x) => (x.id === c.id ? { ...x, weekly } : x)) })}
            errorPath={`changes.${i}.weekly`}
            errorFor={errorFor}
          />
        </div>
      ))}
      <div>
        <Button size="small" onPress={() => update({ changes: [...draft.changes, { id: newId(), from: '', weekly: draft.weekly.map((w) => ({ ...w })) }] })}>
          {t('hours.addChange')}
        </Button>
      </div>
    </section>
  );
}
