import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dueAlerts, nextAlertCheck } from '@shared/cases/alerts';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { host } from '../../host';
import { tamHours } from './tam-hours';
import { useCaseSummaries } from './use-cases';

const SENT_KEY = 'slaAlertsSent';
const KEEP_SENT = 500;
/** Look again at least this often, in case the computer slept through a timer. */
const RECHECK_MS = 15 * 60_000;

/**
 * Desktop notifications for escalated cases: 30 minutes before a clock
 * breaches and when it breaches, each once (the keys sent are kept in this
 * device's meta table), and never outside the TAM's own working hours
 * (shared/cases/alerts.ts decides). One timer, set for the next moment an
 * alert could be due.
 */
export function useSlaAlerts(): void {
  const { t } = useTranslation('cases');
  const summaries = useCaseSummaries();
  const settings = useSettings();
  useEffect(() => {
    if (!summaries || !settings) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const hours = tamHours(settings);
    const run = async () => {
      const sent = new Set(((await db.meta.get(SENT_KEY))?.value as string[] | undefined) ?? []);
      const now = new Date();
      const alerts = dueAlerts(summaries, now, hours, sent);
      for (const alert of alerts) {
        const clock = t(`clock.${alert.clock}`);
        await host.notify({ title: t(`alert.${alert.kind}`, { clock }), body: t('alert.body', { title: alert.title, account: alert.accountName }) });
        sent.add(alert.key);
      }
      if (alerts.length > 0) await db.meta.put({ key: SENT_KEY, value: [...sent].slice(-KEEP_SENT) });
      if (stopped) return;
      const next = nextAlertCheck(summaries, now, hours, sent);
      const wait = next ? Math.min(next.getTime() - Date.now(), RECHECK_MS) : RECHECK_MS;
      timer = setTimeout(() => void run(), Math.max(wait, 1000));
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [summaries, settings, t]);
}
