import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { allowedEvents, type CaseEvent, type CaseEventType, type TransitionRefusal } from '@shared/cases/lifecycle';
import { caseClocks, explainClock, targetsForCase, type CaseClock, type SlaTargets } from '@shared/cases/sla-clocks';
import { caseStatus, confirmations, isOpenStatus } from '@shared/cases/timeline';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import type { Account } from '@shared/domain/account';
import type { SupportCase, TimelineEntry } from '@shared/domain/case';
import { applyCaseEvent, CaseTransitionError } from '../../data/cases';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { useNow } from '../../ui/use-now';
import { useAccount } from '../../data/use-accounts';
import { failureReason } from '../../ui/failure-reason';
import { formatDay, formatDue, formatMinutes } from '../../ui/format';
import { UpdateComposer } from './UpdateComposer';
import { useCase, useCaseTimeline } from './use-cases';

/** One case: its SLA clocks and why they are due when they are, the next legal steps, and its timeline. */
export function CasePage() {
  const { t } = useTranslation('cases');
  const { id } = useParams();
  const c = useCase(id);
  const timeline = useCaseTimeline(id);
  const account = useAccount(c?.accountId);
  const policies = useLiveQuery(async () => (c ? db.slaPolicies.where('accountId').equals(c.accountId).toArray() : []), [c?.accountId]);
  const now = useNow(30_000);

  if (c === undefined || timeline === undefined || account === undefined || policies === undefined) return <p className="muted">{t('loading')}</p>;
  if (c === null || account === null) {
    return (
      <div className="empty">
        <p>{t('notFound')}</p>
        <a href="#/cases">{t('backToList')}</a>
      </div>
    );
  }
  // The status the timeline tells, which every device agrees on; the targets by the same rule as the case list's.
  return <CaseView c={{ ...c, status: caseStatus(c, timeline) }} timeline={timeline} account={account} targets={targetsForCase(c, policies)} now={now} />;
}

type ViewProps = {
  c: SupportCase;
  timeline: TimelineEntry[];
  account: Account;
  targets: SlaTargets;
  now: Date;
};

function CaseView({ c, timeline, account, targets, now }: ViewProps) {
  const { t, i18n } = useTranslation('cases');
  const { calendar, name: accountName } = account;
  const clocks = useMemo(() => caseClocks(c, timeline, targets, calendar, now), [c, timeline, targets, calendar, now]);
  const confirmed = confirmations(timeline);
  const who = [confirmed.customer && t('page.customer'), confirmed.provider && t('page.bird')].filter(Boolean).join(', ');
  return (
    <article className="stack">
      <div className="page-head">
        <h1>{c.title}</h1>
        <span className="badge status">{t(`status.${c.status}`)}</span>
        <span className={`badge sla-${clocks.summary.state}`}>{t(`sla.${clocks.summary.state}`)}</span>
      </div>
      <p className="muted">
        <a href={`#/accounts/${c.accountId}`}>{accountName}</a> · {t(`priority.${c.priority}`)} · {t(`problemType.${c.problemType}`)} ·{' '}
        {t(`channel.${c.channel}`)} · {t('page.opened')} {formatDue(i18n.language, new Date(c.openedAt))}
        {c.agent && ` · ${t('page.agent')}: ${c.agent}`}
        {c.reopenCount > 0 && ` · ${t('page.reopened', { count: c.reopenCount })}`}
      </p>
      {c.escalated && <p>{t('page.escalated', { reason: c.escalationReason })}</p>}

      <section aria-labelledby="clocks-heading" className="form-section">
        <h2 id="clocks-heading">{t('page.clocks')}</h2>
        <div className="case-clocks">
          {[clocks.firstResponse, clocks.nextUpdate, clocks.resolution].map((clock) => (
            <ClockCard key={clock.kind} clock={clock} calendar={calendar} />
          ))}
        </div>
        {clocks.providerWait.minutes > 0 && <p className="muted">{t('page.providerWait', { time: formatMinutes(i18n.language, clocks.providerWait.minutes) })}</p>}
      </section>

      <section aria-labelledby="actions-heading" className="form-section">
        <h2 id="actions-heading">{t('page.actions')}</h2>
        {who && <p className="muted">{t('page.confirmations', { who })}</p>}
        <CaseActions c={c} timeline={timeline} />
      </section>

      {isOpenStatus(c.status) && <UpdateComposer c={c} timeline={timeline} account={account} clocks={clocks} />}

      <section aria-labelledby="timeline-heading" className="form-section">
        <h2 id="timeline-heading">{t('page.timeline')}</h2>
        <ol className="timeline">
          {[...timeline].reverse().map((e) => (
            <li key={e.id}>
              <div>
                <strong>
                  {e.kind === 'status-change'
                    ? t('entry.status-change', { from: e.fromStatus ? t(`status.${e.fromStatus}`) : '—', to: e.toStatus ? t(`status.${e.toStatus}`) : '—' })
                    : t(`entry.${e.kind}`)}
                </strong>{' '}
                <span className="when">{formatDue(i18n.language, new Date(e.at))} · {e.author}</span>
              </div>
              {e.body && <div className="body">{e.body}</div>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function ClockCard({ clock, calendar }: { clock: CaseClock; calendar: BusinessCalendar }) {
  const { t, i18n } = useTranslation('cases');
  const settings = useSettings();
  const [open, setOpen] = useState(false);
  const lang = i18n.language;
  const minutes = (m: number) => formatMinutes(lang, m);
  const due = clock.dueAt ? formatDue(lang, clock.dueAt, settings?.tamTimeZone) : null;
  const line = (() => {
    if (clock.state === 'not-applicable') return t('page.notApplicable');
    if (clock.state === 'met' && clock.metAt) return t('page.metAt', { when: formatDue(lang, clock.metAt, settings?.tamTimeZone) });
    if (clock.state === 'paused' && clock.minutesLeft !== null) return t('page.pausedLeft', { time: minutes(clock.minutesLeft) });
    if (clock.minutesLeft !== null && clock.minutesLeft < 0) return t('page.over', { time: minutes(clock.minutesLeft) });
    if (clock.minutesLeft !== null) return t('page.left', { time: minutes(clock.minutesLeft) });
    return '';
  })();
  const segments = open ? readable(explainClock(clock, calendar)) : [];
  return (
    <div className="case-clock" role="group" aria-label={t(`clock.${clock.kind}`)}>
      <h3>
        {t(`clock.${clock.kind}`)} <span className={`badge sla-${clock.state === 'running' ? (clock.atRisk ? 'at-risk' : 'on-track') : clock.state === 'not-applicable' ? 'met' : clock.state}`}>{t(`clockState.${clock.state}`)}</span>
      </h3>
      {due && clock.state !== 'met' && <div>{t('page.due', { when: due })}</div>}
      {clock.dueAt && clock.state !== 'met' && (
        <div className="muted">{t('page.dueLocal', { when: formatDue(lang, clock.dueAt, calendar.timeZone), zone: calendar.timeZone })}</div>
      )}
      <div>{line}</div>
      {clock.span && (
        <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{t('page.why')}</summary>
          {!open ? null : segments.length === 0 ? (
            <p className="explain">{t('page.noExplanation')}</p>
          ) : (
            <ul className="explain">
              <li><strong>{explanationSummary(t, lang, clock, segments, calendar.timeZone)}</strong></li>
              {segments.map((s, i) => (
                <li key={i}>{segmentText(t, lang, s, calendar.timeZone)}</li>
              ))}
            </ul>
          )}
        </details>
      )}
    </div>
  );
}

type Segment = ReturnType<typeof explainClock>[number];

/** One sentence over the lines: the target, from when, how much counted and how much was paused (and why). */
function explanationSummary(t: ReturnType<typeof useTranslation<'cases'>>['t'], lang: string, clock: CaseClock, segments: Segment[], zone: string): string {
  const counted = segments.reduce((sum, s) => sum + (s.kind === 'business' ? s.minutes : 0), 0);
  const paused = segments.filter((s) => s.kind === 'paused');
  const pausedMinutes = paused.reduce((sum, s) => sum + s.minutes, 0);
  const causes = [...new Set(paused.flatMap((s) => (s.kind === 'paused' ? s.causes : [])))].map((c) => t(`pauseCause.${c}` as 'pauseCause.resolved', { defaultValue: c }));
  const base = t('page.summary', {
    target: clock.targetMinutes === null ? '—' : formatMinutes(lang, clock.targetMinutes),
    from: clock.startedAt ? formatDue(lang, clock.startedAt, zone) : '—',
    counted: formatMinutes(lang, counted),
  });
  return pausedMinutes > 0 ? `${base}; ${t('page.summaryPaused', { paused: formatMinutes(lang, pausedMinutes), causes: causes.join(', ') })}` : base;
}

/**
 * The segments a reader needs: counted and paused time, holidays, and runs of
 * days without hours (a weekend) as one line; the hours outside the windows
 * of a working day go without saying.
 */
function readable(segments: Segment[]): (Segment & { until?: Date })[] {
  const out: (Segment & { until?: Date })[] = [];
  for (const s of segments) {
    if (s.kind === 'outside-hours') continue;
    const last = out[out.length - 1];
    if (s.kind === 'closed-day' && last?.kind === 'closed-day' && last.localDate !== s.localDate) {
      last.until = s.start;
      continue;
    }
    if (s.kind === 'closed-day' && last?.kind === 'closed-day') continue;
    out.push({ ...s });
  }
  return out;
}

function segmentText(t: ReturnType<typeof useTranslation<'cases'>>['t'], lang: string, s: Segment & { until?: Date }, zone: string): string {
  const day = (d: Date) => formatDay(lang, d, zone);
  const date = s.until ? `${day(s.start)} – ${day(s.until)}` : day(s.start);
  const dst = s.dstShiftMinutes ? ` (${t('explain.dst', { shift: `${s.dstShiftMinutes > 0 ? '+' : ''}${formatMinutes(lang, s.dstShiftMinutes)}` })})` : '';
  switch (s.kind) {
    case 'business':
      return t('explain.business', { minutes: formatMinutes(lang, s.minutes), date, start: s.window.start, end: s.window.end }) + dst;
    case 'paused':
      return t('explain.paused', { minutes: formatMinutes(lang, s.minutes), date, cause: s.causes.map((c) => t(`pauseCause.${c}` as 'pauseCause.resolved', { defaultValue: c })).join(', ') }) + dst;
    case 'outside-hours':
      return `${date}: ${t('explain.outside-hours')}`;
    case 'closed-day':
      return t('explain.closed-day', { date });
    case 'holiday':
      return t('explain.holiday', { date });
  }
}

/** A refusal in the reader's language, from its code and hint (the lifecycle's message is English). */
function refusalText(t: ReturnType<typeof useTranslation<'cases'>>['t'], refusal: TransitionRefusal): string {
  const action = t(`event.${refusal.event}`);
  const status = t(`status.${refusal.status}`);
  switch (refusal.code) {
    case 'not-allowed':
      return refusal.hint ? t('refusal.withHint', { action, status, hint: t(`refusal.hint.${refusal.hint}`) }) : t('refusal.notAllowed', { action, status });
    case 'already-confirmed':
      return t('refusal.alreadyConfirmed');
    case 'reason-required':
      return t('refusal.reasonRequired');
    case 'out-of-order':
      return t('refusal.outOfOrder');
  }
}

/** The lifecycle's legal next steps as buttons; each asks for its message, and a refusal says why. */
function CaseActions({ c, timeline }: { c: SupportCase; timeline: TimelineEntry[] }) {
  const { t } = useTranslation('cases');
  const settings = useSettings();
  const [event, setEvent] = useState<CaseEventType | null>(null);
  const [body, setBody] = useState('');
  const [by, setBy] = useState<'customer' | 'provider'>('customer');
  const [error, setError] = useState<string | null>(null);
  const events = allowedEvents(c.status, timeline);
  const needsReason = event === 'escalate' || event === 'rejectResolution';

  const save = async () => {
    if (!event) return;
    const author = settings?.tamName || 'TAM';
    const e: CaseEvent = event === 'rejectResolution' ? { type: event, author, body, by } : { type: event, author, body };
    try {
      await applyCaseEvent(db, c.id, e);
      setEvent(null);
      setBody('');
      setError(null);
    } catch (failure) {
      // Nothing typed is lost: the dialog stays open with the message.
      setError(failure instanceof CaseTransitionError ? refusalText(t, failure.refusal) : t('page.saveFailed', { reason: failureReason(t, failure) }));
    }
  };

  return (
    <>
      <div className="case-actions">
        {events.map((e) => (
          <Button key={e} onPress={() => { setEvent(e); setError(null); }}>{t(`event.${e}`)}</Button>
        ))}
      </div>
      <Dialog title={event ? t(`event.${event}`) : ''} isOpen={event !== null} onOpenChange={(open) => !open && setEvent(null)}>
        <form className="stack" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {event === 'rejectResolution' && (
            <fieldset className="checkbox-group">
              <legend>{t('eventDialog.by')}</legend>
              <label className="checkbox"><input type="radio" name="by" checked={by === 'customer'} onChange={() => setBy('customer')} />{t('eventDialog.customer')}</label>
              <label className="checkbox"><input type="radio" name="by" checked={by === 'provider'} onChange={() => setBy('provider')} />{t('eventDialog.provider')}</label>
            </fieldset>
          )}
          <TextField label={needsReason ? t('eventDialog.reason') : t('eventDialog.body')} multiline value={body} onChange={setBody} isRequired={needsReason} autoFocus />
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="page-head">
            <Button type="submit" variant="primary">{t('eventDialog.save')}</Button>
            <Button onPress={() => setEvent(null)}>{t('eventDialog.cancel')}</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
