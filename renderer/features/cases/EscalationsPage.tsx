import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { foresight, foresightUntil } from '@shared/cases/alerts';
import { byNearestDue, rateCases } from '@shared/cases/case-search';
import { escalationTrend } from '@shared/cases/trend';
import { useOnline } from '../../ui/use-online';
import { useSettings } from '../../data/settings';
import { useNow } from '../../ui/use-now';
import { formatDayMonth, formatDue } from '../../ui/format';
import { tamHours } from './tam-hours';
import { useEscalatedCases } from './use-cases';

const WEEKS = 8;
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The TAM's open escalated cases, nearest due first; what will breach before the day ends; the last weeks at a glance. */
export function EscalationsPage() {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language;
  // Escalated cases only, open or closed (the chart looks back 8 weeks), through the lane index.
  const summaries = useEscalatedCases();
  const settings = useSettings();
  const online = useOnline();
  const now = useNow(30_000);
  const escalated = useMemo(() => (summaries ?? []).filter((c) => c.lane === 'escalated'), [summaries]);
  const rated = useMemo(() => byNearestDue(rateCases(escalated, now)), [escalated, now]);
  const hours = settings ? tamHours(settings) : null;
  const until = hours ? foresightUntil(now, hours) : null;
  const breaching = hours ? foresight(escalated, now, hours) : [];
  const trend = useMemo(() => (settings && summaries ? escalationTrend(summaries, now, settings.tamTimeZone, WEEKS) : []), [summaries, now, settings]);
  const weekLabel = (d: Date) => formatDayMonth(lang, d, settings?.tamTimeZone);
  const data = trend.map((w) => ({ week: weekLabel(w.weekStart), ...w }));
  const series = [
    { key: 'breached', color: 'var(--danger)' },
    { key: 'atRisk', color: 'var(--warning)' },
    { key: 'paused', color: 'var(--text-muted)' },
    { key: 'onTrack', color: 'var(--success)' },
  ] as const;
  const seriesLabel = { breached: t('sla.breached'), atRisk: t('sla.at-risk'), paused: t('sla.paused'), onTrack: t('sla.on-track') };

  if (!summaries || !settings) return <p className="muted">{t('loading')}</p>;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('escalations.title')}</h1>
        <span className="muted">{t('escalations.intro')}</span>
      </div>

      {!online && (
        <section aria-labelledby="foresight-heading" className="form-section">
          <h2 id="foresight-heading">{t('escalations.foresight')}</h2>
          {until === null ? (
            <p>{t('escalations.foresightOff')}</p>
          ) : breaching.length === 0 ? (
            <p>{t('escalations.foresightNone', { until: formatDue(lang, until, settings.tamTimeZone) })}</p>
          ) : (
            <>
              <p>{t('escalations.foresightOffline', { until: formatDue(lang, until, settings.tamTimeZone) })}</p>
              <ul className="timeline">
                {breaching.map((b) => (
                  <li key={`${b.caseId}:${b.clock}`}>
                    <a href={`#/cases/${b.caseId}`}>{b.title}</a> <span className="when">{b.accountName}</span>
                    <div>{t('escalations.nextClock', { clock: t(`clock.${b.clock}`), when: formatDue(lang, b.dueAt, settings.tamTimeZone) })}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="escalated-heading" className="form-section">
        <h2 id="escalated-heading">{t('escalations.list')}</h2>
        {rated.length === 0 ? (
          <p className="muted">{t('escalations.none')}</p>
        ) : (
          <ol className="timeline" aria-labelledby="escalated-heading">
            {rated.map(({ summary: c, rating }) => (
              <li key={c.id}>
                <a href={`#/cases/${c.id}`}>{c.title}</a> <span className={`badge sla-${rating.state}`}>{t(`sla.${rating.state}`)}</span>{' '}
                <span className="when">{c.accountName} · {t(`status.${c.status}`)} · {t(`priority.${c.priority}`)}</span>
                <div>
                  {rating.nextDueAt && rating.clock
                    ? t('escalations.nextClock', { clock: t(`clock.${rating.clock}`), when: formatDue(lang, rating.nextDueAt, settings.tamTimeZone) })
                    : t('escalations.noneDue')}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="trend-heading" className="form-section">
        <h2 id="trend-heading">{t('escalations.chart', { weeks: WEEKS })}</h2>
        <div role="img" aria-label={t('escalations.chart', { weeks: WEEKS })} style={{ width: '100%', height: 260 }}>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="week" stroke="var(--text-muted)" fontSize={12} />
              <YAxis allowDecimals={false} stroke="var(--text-muted)" fontSize={12} />
              <Tooltip contentStyle={{ background: 'var(--bg-elevated, var(--bg))', border: '1px solid var(--border)' }} />
              <Legend />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={seriesLabel[s.key]} stackId="risk" fill={s.color} isAnimationActive={!reducedMotion()} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="sr-only">
          <caption>{t('escalations.chartTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('escalations.weekColumn')}</th>
              {series.map((s) => <th key={s.key} scope="col">{seriesLabel[s.key]}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.map((w) => (
              <tr key={w.week}>
                <th scope="row">{t('escalations.week', { date: w.week })}</th>
                {series.map((s) => <td key={s.key}>{w[s.key]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
