import { startOfWeek } from '../calendar/week-view';
import { isOpenStatus, statusHistory } from './timeline';
import type { CaseSummary } from './summary';

/**
 * The Escalations dashboard's chart: for each of the last weeks, the escalated
 * cases open at the week's end, by SLA risk at that moment. Read from what
 * each summary keeps (its timeline's dated facts and its clocks' digest):
 * - open at t: opened by t and not resolved or closed at t;
 * - breached by t: a clock whose target ran out (dueAt) by t;
 * - paused at t: waiting on the customer at t;
 * - at risk by t: a clock still running now that was in its at-risk stretch
 *   by t (a clock that stopped since does not keep when it was at risk, so
 *   past weeks can only under-count "at risk", never invent it);
 * - otherwise on track.
 */
export type TrendWeek = { weekStart: Date; onTrack: number; atRisk: number; breached: number; paused: number };

const DAY_MS = 86_400_000;

export function escalationTrend(cases: readonly CaseSummary[], now: Date, timeZone: string, weeks = 8): TrendWeek[] {
  const thisWeek = startOfWeek(now, timeZone).getTime();
  const out: TrendWeek[] = [];
  const histories = cases
    .filter((c) => c.escalated && !c.deletedAt)
    .map((c) => ({ c, history: statusHistory(c.openedAt, c.entries.filter((e) => !e.deletedAt)) }));
  for (let w = weeks - 1; w >= 0; w--) {
    // Week starts step by 7 days from this week's start; the nearest local
    // midnight keeps them on Mondays across a daylight-saving change.
    const weekStart = startOfWeek(new Date(thisWeek - w * 7 * DAY_MS + DAY_MS / 2), timeZone);
    const at = Math.min(weekStart.getTime() + 7 * DAY_MS, now.getTime());
    const week: TrendWeek = { weekStart, onTrack: 0, atRisk: 0, breached: 0, paused: 0 };
    for (const { c, history } of histories) {
      const span = history.find((h) => h.start.getTime() <= at && (h.end === null || h.end.getTime() > at));
      if (!span || !isOpenStatus(span.status)) continue;
      const clocks = [c.sla.firstResponse, c.sla.nextUpdate, c.sla.resolution];
      if (clocks.some((k) => k.dueAt !== null && k.dueAt <= at)) week.breached += 1;
      else if (span.status === 'waiting-on-customer') week.paused += 1;
      else if (clocks.some((k) => k.phase === 'running' && k.atRiskAt !== null && k.atRiskAt <= at)) week.atRisk += 1;
      else week.onTrack += 1;
    }
    out.push(week);
  }
  return out;
}
