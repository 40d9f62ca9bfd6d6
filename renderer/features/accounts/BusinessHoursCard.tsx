import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openStatus } from '@shared/calendar/open-status';
import { weekPosition, weekSegments } from '@shared/calendar/week-view';
import type { Account } from '@shared/domain/account';
import type { Settings } from '../../data/settings';
import { formatCalendarDate, formatDuration, formatTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { WeekChart } from './WeekChart';

/**
 * "Is the customer open now?" in the account's zone and the TAM's, and the
 * week's business hours as a chart in either zone.
 */
export function BusinessHoursCard({ account, settings }: { account: Account; settings: Settings }) {
  const { t, i18n } = useTranslation('accounts');
  const now = useNow();
  const [zone, setZone] = useState<'account' | 'tam'>('account');
  const status = openStatus(account.calendar, now);
  const lang = i18n.language;
  const accountZone = account.timeZone;
  const tamZone = settings.tamTimeZone;
  const displayZone = zone === 'account' ? accountZone : tamZone;
  const both = (d: Date) =>
    accountZone === tamZone
      ? formatTime(lang, d, accountZone)
      : t('hours.bothZones', { account: formatTime(lang, d, accountZone), zone: accountZone, mine: formatTime(lang, d, tamZone) });
  const tamCalendar = { timeZone: tamZone, weekly: settings.workingHours, holidays: [] };
  const upcomingHolidays = account.calendar.holidays.filter((h) => h >= now.toISOString().slice(0, 10)).slice(0, 4);

  return (
    <section className="card wide" aria-labelledby="hours-card">
      <h2 id="hours-card">{t('hours.title')}</h2>
      <p role="status" style={{ margin: 0 }}>
        {status.open ? (
          <>
            <span className="badge open">{t('hours.openNow')}</span> {t('hours.closesAt', { time: both(status.closesAt) })}
          </>
        ) : (
          <>
            <span className="badge closed">{t('hours.closedNow')}</span>{' '}
            {status.opensAt
              ? t('hours.opensIn', { duration: formatDuration(lang, status.opensAt.getTime() - now.getTime()), time: both(status.opensAt) })
              : t('hours.neverOpens')}
          </>
        )}
      </p>
      <div className="page-head" role="radiogroup" aria-label={t('hours.showIn')}>
        <span className="muted">{t('hours.showIn')}:</span>
        <label className="checkbox">
          <input type="radio" name="chart-zone" checked={zone === 'account'} onChange={() => setZone('account')} />
          {t('hours.accountZone', { zone: accountZone })}
        </label>
        <label className="checkbox">
          <input type="radio" name="chart-zone" checked={zone === 'tam'} onChange={() => setZone('tam')} />
          {t('hours.myZone', { zone: tamZone })}
        </label>
      </div>
      <WeekChart
        title={t('hours.chartTitle', { zone: displayZone })}
        segments={weekSegments(account.calendar, now, displayZone)}
        overlay={weekSegments(tamCalendar, now, displayZone)}
        now={weekPosition(now, displayZone)}
      />
      <p className="muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>{t('hours.legend')}</p>
      {upcomingHolidays.length > 0 && (
        <p style={{ margin: 0 }}>
          {t('hours.upcomingHolidays')}: {upcomingHolidays.map((h) => formatCalendarDate(lang, h)).join(', ')}
        </p>
      )}
      {(account.calendar.changes ?? []).length > 0 && (
        <p style={{ margin: 0 }}>{t('hours.changesCount', { count: account.calendar.changes!.length, from: account.calendar.changes!.map((c) => c.from).join(', ') })}</p>
      )}
    </section>
  );
}
