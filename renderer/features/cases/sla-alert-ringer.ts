import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { dueAlerts, nextAlertCheck, type Alert, type AlertCase } from '@shared/cases/alerts';
import type { TamDeskDb } from '../../data/db';

/**
 * The rules of the SLA alerts around shared/cases/alerts.ts (which decides
 * what is due): what this device has rung, kept in its meta table.
 *
 * - Once: an alert is claimed (its key stored, in a transaction that first
 *   checks that no one stored it) before it is rung, so two runs, a run
 *   replaced by a newer one, or two windows never ring it twice; a run that
 *   is aborted stops before its next claim.
 * - News, not history: a clock that breached before this device joined
 *   (renderer/data/joined.ts: say, everything a first sync brings) is not
 *   rung; instead one notification says how many escalated cases breached
 *   while the TAM was away. A breach older than ALERT_MEMORY_MS is not news
 *   either (the app was closed for weeks), which is also why the keys of
 *   alerts due before then can be forgotten: pruned by age, not by count.
 */
export const ALERT_MEMORY_MS = 14 * 86_400_000;

const STATE_KEY = 'slaAlerts';
/** Before: an array of the keys rung, the last 500 kept. */
const OLD_STATE_KEY = 'slaAlertsSent';

type RungState = {
  /** Key of each alert rung (shared/cases/alerts.ts alertKey) → its clock's due instant (epoch ms). */
  sent: Record<string, number>;
  /** The joinedAt for which the "while you were away" notification was rung. */
  awayToldFor: number | null;
};

export type Ring = { kind: 'alert'; alert: Alert } | { kind: 'away'; cases: number };

export type RingOptions = {
  db: TamDeskDb;
  /** The open escalated cases (the 'escalated' lane). */
  cases: readonly AlertCase[];
  now: Date;
  tamHours: BusinessCalendar;
  /** When this device joined (renderer/data/joined.ts). */
  joinedAt: number;
  /** Shows one notification. */
  ring: (ring: Ring) => Promise<void>;
  signal: AbortSignal;
};

/** Rings what is due at `now` and not rung before; returns when to look again (nextAlertCheck). */
export async function ringDueAlerts({ db, cases, now, tamHours, joinedAt, ring, signal }: RingOptions): Promise<Date | null> {
  const sent = new Set(Object.keys((await readState(db)).sent));
  const newsSince = Math.max(joinedAt, now.getTime() - ALERT_MEMORY_MS);
  const due = dueAlerts(cases, now, tamHours, sent);
  const isHistory = (a: Alert) => a.kind === 'breached' && a.dueAt.getTime() < newsSince;
  const history = due.filter(isHistory);
  const news = due.filter((a) => !isHistory(a));
  const away = new Set(history.filter((a) => a.dueAt.getTime() < joinedAt).map((a) => a.caseId)).size;

  if (away > 0 && !signal.aborted && (await claim(db, now, (state) => (state.awayToldFor === joinedAt ? false : ((state.awayToldFor = joinedAt), true))))) {
    await ring({ kind: 'away', cases: away });
  }
  for (const alert of news) {
    if (signal.aborted) break;
    const claimed = await claim(db, now, (state) => (alert.key in state.sent ? false : ((state.sent[alert.key] = alert.dueAt.getTime()), true)));
    if (claimed) await ring({ kind: 'alert', alert });
  }
  return nextAlertCheck(cases, now, tamHours, new Set([...sent, ...due.map((a) => a.key)]));
}

async function readState(db: TamDeskDb): Promise<RungState> {
  const [state, old] = await Promise.all([db.meta.get(STATE_KEY), db.meta.get(OLD_STATE_KEY)]);
  if (isRungState(state?.value)) return state.value;
  // The old list's keys end with their due instant.
  const keys = Array.isArray(old?.value) ? old.value.filter((k): k is string => typeof k === 'string') : [];
  return { sent: Object.fromEntries(keys.map((k) => [k, Number(k.split(':').at(-1))])), awayToldFor: null };
}

const isRungState = (value: unknown): value is RungState =>
  typeof value === 'object' && value !== null && typeof (value as RungState).sent === 'object' && (value as RungState).sent !== null;

/**
 * In one transaction: the state, with the keys of alerts due before the
 * memory forgotten, changed by `take`; stored if `take` says it took
 * something (true), which is then the caller's to ring.
 */
function claim(db: TamDeskDb, now: Date, take: (state: RungState) => boolean): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const state = await readState(db);
    const forgetBefore = now.getTime() - ALERT_MEMORY_MS;
    const kept: RungState = { ...state, sent: Object.fromEntries(Object.entries(state.sent).filter(([, dueAt]) => dueAt >= forgetBefore)) };
    if (!take(kept)) return false;
    await Promise.all([db.meta.put({ key: STATE_KEY, value: kept }), db.meta.delete(OLD_STATE_KEY)]);
    return true;
  });
}
