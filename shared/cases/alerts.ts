import type { BusinessCalendar } from '../calendar/business-calendar';
import { openStatus } from '../calendar/open-status';
import { breachForesight, CLOCK_KINDS, type ClockDigest, type ClockKind } from './sla-clocks';
import type { CaseSummary } from './summary';
import { isOpenStatus } from './timeline';

/**
 * SLA alerts for the TAM: the desktop notifications to show now
 * (`dueAlerts`), when to look again (`nextAlertCheck`, so the app sets one
 * timer instead of polling), and the dashboard's "will breach before you
 * stop today" list (`foresight`). Pure: the caller shows the notifications
 * (through the host API) and keeps the keys of those it showed.
 *
 * Which clocks: the running clocks (first response, next update,
 * resolution) of open, escalated, live (not tombstoned) cases. A paused
 * clock (waiting on the customer) is not due, a stopped one (responded,
 * resolved, closed) is over: neither alerts.
 *
 * When: a clock is 'imminent' from IMMINENT_MINUTES REAL minutes before its
 * due instant (wall-clock time, not business minutes of the account's
 * calendar: "due in 30 minutes" means what the TAM's watch says) until the
 * due instant, and 'breached' from the due instant on (dueAt itself is
 * breached, as in sla-clocks).
 *
 * Never outside the TAM's own working hours (`tamHours`, their settings'
 * zone and weekly windows): then nothing is shown. What was held back is
 * reconsidered at the TAM's next opening: by then an imminent window that
 * passed while they were away has turned into a breach, so the TAM gets the
 * breach (once) and not the stale warning. A TAM calendar with no windows
 * at all means no alerts; pass ALWAYS_OPEN for "any time".
 *
 * Once: each alert has a stable key, `${caseId}:${clock}:${kind}:${dueAt
 * epoch ms}`. The caller keeps the keys it showed (persist them, so a
 * restart does not repeat them) and passes them as `alreadySent`. A due
 * instant that moves (a pause, a new update restarting the next-update
 * clock) makes new keys: the new deadline is alerted afresh.
 *
 * The timer: call dueAlerts(now), show and record them, then sleep until
 * nextAlertCheck(now); recompute both whenever the cases or the TAM's hours
 * change. Thresholds are exact instants (dueAlerts at exactly dueAt - 30 min
 * gives the imminent alert), so a timer that may fire a little early should
 * wait again rather than call dueAlerts before the instant it was set for.
 */

/** Real (wall-clock) minutes before the due instant from which a running clock is 'imminent'. */
const IMMINENT_MINUTES = 30;
const IMMINENT_MS = IMMINENT_MINUTES * 60_000;

export type AlertKind = 'imminent' | 'breached';

export type Alert = {
  /** `${caseId}:${clock}:${kind}:${dueAt epoch ms}`: the same alert has the same key on every call. */
  key: string;
  caseId: string;
  clock: ClockKind;
  kind: AlertKind;
  dueAt: Date;
  /** The case's title. */
  title: string;
  accountName: string;
};

/** A clock that will breach before the TAM's working window ends. */
export type ForeseenBreach = {
  caseId: string;
  title: string;
  accountName: string;
  clock: ClockKind;
  dueAt: Date;
};

/** What the alerts read of a case summary. */
export type AlertCase = Pick<CaseSummary, 'id' | 'title' | 'accountName' | 'escalated' | 'status' | 'deletedAt' | 'sla'>;

export const alertKey = (caseId: string, clock: ClockKind, kind: AlertKind, dueAt: number): string => `${caseId}:${clock}:${kind}:${dueAt}`;

/** Open (by its record and by its timeline), escalated and not tombstoned. */
const watched = (c: AlertCase): boolean => c.escalated && !c.deletedAt && c.sla.open && isOpenStatus(c.status);

/** The case's running clocks with a known due instant, in CLOCK_KINDS order. */
function runningClocks(c: AlertCase): (ClockDigest & { dueAt: number })[] {
  const out: (ClockDigest & { dueAt: number })[] = [];
  for (const clock of [c.sla.firstResponse, c.sla.nextUpdate, c.sla.resolution]) {
    if (clock.phase === 'running' && clock.dueAt !== null) out.push(clock as ClockDigest & { dueAt: number });
  }
  return out;
}

/** The alert a clock due at `dueAt` calls for at `now` (epoch ms), if any. */
function kindAt(dueAt: number, now: number): AlertKind | null {
  if (now >= dueAt) return 'breached';
  if (now >= dueAt - IMMINENT_MS) return 'imminent';
  return null;
}

const clockOrder = (k: ClockKind) => CLOCK_KINDS.indexOf(k);
const byDue = <T extends { dueAt: Date; caseId: string; clock: ClockKind }>(a: T, b: T) =>
  a.dueAt.getTime() - b.dueAt.getTime() || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) || clockOrder(a.clock) - clockOrder(b.clock);

/**
 * The notifications to show at `now`, not yet in `alreadySent`: nothing
 * outside the TAM's working hours; otherwise, for every running clock of an
 * open escalated case, 'breached' when now >= dueAt, 'imminent' when
 * dueAt - 30 real minutes <= now < dueAt. Earliest due first (so breaches
 * before warnings).
 */
export function dueAlerts(cases: readonly AlertCase[], now: Date, tamHours: BusinessCalendar, alreadySent: ReadonlySet<string>): Alert[] {
  const at = now.getTime();
  const alerts: Alert[] = [];
  // The cheap filter first: most cases have no clock within 30 minutes.
  for (const c of cases) {
    if (!watched(c)) continue;
    for (const clock of runningClocks(c)) {
      const kind = kindAt(clock.dueAt, at);
      if (kind === null) continue;
      const key = alertKey(c.id, clock.kind, kind, clock.dueAt);
      if (alreadySent.has(key)) continue;
      alerts.push({ key, caseId: c.id, clock: clock.kind, kind, dueAt: new Date(clock.dueAt), title: c.title, accountName: c.accountName });
    }
  }
  if (alerts.length === 0 || !openStatus(tamHours, now).open) return [];
  return alerts.sort(byDue);
}

/**
 * When dueAlerts could next have something new: the earliest instant after
 * `now` at which a running clock of an open escalated case turns imminent
 * (dueAt - 30 min) or breached (dueAt), moved to the TAM's next opening if
 * it falls outside their working hours. When the TAM is outside working
 * hours now and an alert is being held back (one that dueAlerts would give
 * if they were working), it is their next opening. Null when nothing is
 * ahead (or the TAM has no working hours ahead).
 *
 * Always after `now`: call dueAlerts(now) first. `alreadySent`, if given,
 * lets a held-back alert that was already shown not count (without it, the
 * answer may be an opening at which there turns out to be nothing new: an
 * extra wake-up, never a missed alert).
 */
export function nextAlertCheck(cases: readonly AlertCase[], now: Date, tamHours: BusinessCalendar, alreadySent?: ReadonlySet<string>): Date | null {
  const at = now.getTime();
  let next = Infinity;
  let heldBack = false;
  for (const c of cases) {
    if (!watched(c)) continue;
    for (const clock of runningClocks(c)) {
      const imminentAt = clock.dueAt - IMMINENT_MS;
      if (imminentAt > at) next = Math.min(next, imminentAt);
      else if (clock.dueAt > at) next = Math.min(next, clock.dueAt);
      if (!heldBack) {
        const kind = kindAt(clock.dueAt, at);
        heldBack = kind !== null && !(alreadySent?.has(alertKey(c.id, clock.kind, kind, clock.dueAt)) ?? false);
      }
    }
  }
  if (heldBack) {
    const status = openStatus(tamHours, now);
    // Open now: the caller has just shown them. Closed: they wait for the opening, which comes before any later threshold can.
    if (!status.open) return status.opensAt;
  }
  if (next === Infinity) return null;
  // Moving an instant to the next opening never reorders instants, so moving the earliest one is enough.
  const status = openStatus(tamHours, new Date(next));
  return status.open ? new Date(next) : status.opensAt;
}

/**
 * The end of the TAM's working window: the current one if they are working
 * at `now`, else the next one (tonight or at the weekend: the end of the
 * next working day's window). Null when they have no working hours ahead.
 * With a lunch break, "the window" is the one before or after it.
 */
export function foresightUntil(now: Date, tamHours: BusinessCalendar): Date | null {
  const status = openStatus(tamHours, now);
  if (status.open) return status.closesAt;
  if (status.opensAt === null) return null;
  const next = openStatus(tamHours, status.opensAt);
  return next.open ? next.closesAt : null;
}

/**
 * For the dashboard (offline too): the running clocks of open escalated
 * cases that are not breached at `now` but will be by the end of the TAM's
 * working window (foresightUntil), earliest first. Paused clocks cannot
 * breach until the case resumes, so they never appear; clocks already
 * breached are not foreseen (the breached list shows them).
 */
export function foresight(cases: readonly AlertCase[], now: Date, tamHours: BusinessCalendar): ForeseenBreach[] {
  const until = foresightUntil(now, tamHours);
  if (until === null) return [];
  const found: ForeseenBreach[] = [];
  for (const c of cases) {
    if (!watched(c)) continue;
    for (const { kind, dueAt } of breachForesight(c.sla, until, now)) {
      found.push({ caseId: c.id, title: c.title, accountName: c.accountName, clock: kind, dueAt });
    }
  }
  return found.sort(byDue);
}
