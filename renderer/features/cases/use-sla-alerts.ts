import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/database';
import { markJoined } from '../../data/joined';
import { useSettings } from '../../data/settings';
import { host } from '../../host';
import { ringDueAlerts, type Ring } from './sla-alert-ringer';
import { tamHours } from './tam-hours';
import { useCaseSummariesRevision, watchedCases } from './use-cases';

/** Look again at least this often, in case the computer slept through a timer. */
const RECHECK_MS = 15 * 60_000;

/**
 * Desktop notifications for escalated cases: 30 minutes before a clock
 * breaches and when it breaches, each once, never outside the TAM's own
 * working hours (shared/cases/alerts.ts decides what is due;
 * sla-alert-ringer.ts what was rung). A run reads the open escalated cases
 * alone (the lane index), when case summaries have changed (once after a
 * sync, not per page) or when its one timer, set for the next moment an
 * alert could be due, fires. A run replaced by a newer one stops at once.
 */
export function useSlaAlerts(): void {
  const { t } = useTranslation('cases');
  const revision = useCaseSummariesRevision();
  const settings = useSettings();
  useEffect(() => {
    if (revision === undefined || !settings) return;
    const run = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hours = tamHours(settings);
    const ring = (r: Ring) =>
      host.notify(
        r.kind === 'away'
          ? { title: t('alert.away', { count: r.cases }), body: t('alert.awayBody') }
          : { title: t(`alert.${r.alert.kind}`, { clock: t(`clock.${r.alert.clock}`) }), body: t('alert.body', { title: r.alert.title, account: r.alert.accountName }) },
      );
    const check = async () => {
      const [cases, joinedAt] = await Promise.all([watchedCases(), markJoined(db, Date.now(), { ifFirst: true })]);
      if (run.signal.aborted) return;
      const next = await ringDueAlerts({ db, cases, now: new Date(), tamHours: hours, joinedAt, ring, signal: run.signal });
      if (run.signal.aborted) return;
      const wait = next ? Math.min(next.getTime() - Date.now(), RECHECK_MS) : RECHECK_MS;
      timer = setTimeout(() => void check().catch(report), Math.max(wait, 1000));
    };
    void check().catch(report);
    return () => {
      run.abort();
      clearTimeout(timer);
    };
  }, [revision, settings, t]);
}

const report = (error: unknown) => console.warn('SLA alerts:', error);
