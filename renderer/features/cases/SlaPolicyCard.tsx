import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '@shared/cases/sla-clocks';
import { PRIORITIES } from '@shared/domain/case';
import { publishSlaPolicy, slaPolicies } from '../../data/cases';
import { db } from '../../data/database';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { formatDue } from '../../ui/format';

const TARGETS = ['firstResponse', 'nextUpdate', 'resolution'] as const;
type Draft = Record<(typeof PRIORITIES)[number], Record<(typeof TARGETS)[number], string> & { calendarHours: boolean }>;

const toHours = (minutes: number | null) => (minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100));
const draftOf = (targets: SlaTargets): Draft =>
  Object.fromEntries(PRIORITIES.map((p) => [p, { ...Object.fromEntries(TARGETS.map((k) => [k, toHours(targets[p][k])])), calendarHours: targets[p].calendarHours }])) as Draft;

/** The account's SLA targets per priority, and publishing a new version of them (cases keep the version they opened under). */
export function SlaPolicyCard({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('cases');
  const policies = useLiveQuery(() => slaPolicies(db, accountId), [accountId]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  if (!policies) return null;
  const current = policies.at(-1);
  const targets: SlaTargets = current?.targets ?? DEFAULT_SLA_TARGETS;
  const shown = (minutes: number | null) => (minutes === null ? t('policy.none') : t('policy.hours', { count: Math.round((minutes / 60) * 100) / 100 }));

  const publish = async () => {
    if (!draft) return;
    const bad = new Set<string>();
    const next = Object.fromEntries(
      PRIORITIES.map((p) => {
        const minutes = Object.fromEntries(
          TARGETS.map((k) => {
            const text = draft[p][k].trim().replace(',', '.');
            const hours = Number(text);
            if (text !== '' && !(Number.isFinite(hours) && hours > 0)) bad.add(`${p}.${k}`);
            return [k, text === '' ? null : Math.max(1, Math.round(hours * 60))];
          }),
        );
        return [p, { ...minutes, calendarHours: draft[p].calendarHours }];
      }),
    ) as SlaTargets;
    setInvalid(bad);
    if (bad.size > 0) return;
    const policy = await publishSlaPolicy(db, accountId, next);
    setDraft(null);
    showToast(t('policy.published', { version: policy.version }));
  };

  return (
    <section aria-labelledby={`policy-${accountId}`} className="form-section">
      <h2 id={`policy-${accountId}`}>{t('policy.title')}</h2>
      <p className="muted">
        {!current
          ? t('policy.defaults')
          : // The first version, made with the account's first case, covers all time.
            Date.parse(current.effectiveFrom) <= 0
            ? t('policy.firstVersion')
            : t('policy.version', { version: current.version, when: formatDue(i18n.language, new Date(current.effectiveFrom)) })}
        {' · '}
        {t('policy.intro')}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('policy.priority')}</th>
            {TARGETS.map((k) => <th key={k} scope="col">{t(`policy.${k}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`priority.${p}`)}</th>
              {TARGETS.map((k) => (
                <td key={k}>
                  {draft ? (
                    <>
                      <input
                        className="input"
                        inputMode="decimal"
                        aria-label={t('policy.hoursLabel', { target: t(`policy.${k}`), priority: t(`priority.${p}`) })}
                        aria-invalid={invalid.has(`${p}.${k}`) || undefined}
                        aria-describedby={invalid.has(`${p}.${k}`) ? `policy-invalid-${accountId}` : undefined}
                        value={draft[p][k]}
                        onChange={(e) => setDraft({ ...draft, [p]: { ...draft[p], [k]: e.target.value } })}
                        style={{ width: 90 }}
                      />
                      {k === 'firstResponse' && (
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={draft[p].calendarHours}
                            onChange={(e) => setDraft({ ...draft, [p]: { ...draft[p], calendarHours: e.target.checked } })}
                            aria-label={t('policy.calendarLabel', { priority: t(`priority.${p}`) })}
                          />
                          {t('policy.calendar')}
                        </label>
                      )}
                    </>
                  ) : (
                    <>
                      {shown(targets[p][k])}
                      {k === 'firstResponse' && targets[p].calendarHours && <span className="faint"> ({t('policy.calendar')})</span>}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {invalid.size > 0 && <p className="form-error" role="alert" id={`policy-invalid-${accountId}`}>{t('policy.invalid')}</p>}
      <div className="page-head">
        {draft ? (
          <>
            <Button variant="primary" onPress={() => void publish()}>{t('policy.save')}</Button>
            <Button onPress={() => { setDraft(null); setInvalid(new Set()); }}>{t('policy.cancel')}</Button>
          </>
        ) : (
          <Button onPress={() => setDraft(draftOf(targets))}>{t('policy.edit')}</Button>
        )}
      </div>
    </section>
  );
}
