import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { dueAlerts } from '@shared/cases/alerts';
import { ALWAYS_OPEN } from '@shared/sla';
import { summarizeCase, type CaseSummary } from '@shared/cases/summary';
import type { SupportCase } from '@shared/domain/case';
import type { TamDeskDb } from '../../../../renderer/data/db';
import { ALERT_MEMORY_MS, ringDueAlerts, type Ring } from '../../../../renderer/features/cases/sla-alert-ringer';
import { Story, weekdays } from '../../shared/cases/story';
import { throwawayDatabases } from '../../data/throwaway-db';

/**
 * The rules around the SLA alerts, against a real IndexedDB
 * (fake-indexeddb). The TAM works Europe/Warsaw 09:00-17:00 (07:00Z-15:00Z
 * in April 2026); urgent cases' first response is due 60 calendar minutes
 * after they open, so an urgent case opened at 13:00Z has breached at 14:00Z.
 */
const TAM: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00'), holidays: [] };
const account = { name: 'Bursztyn Handel', calendar: { timeZone: 'Europe/Warsaw', weekly: weekdays('00:00', '24:00'), holidays: [] } };
const ms = (s: string) => Date.parse(s);

/** An urgent case, escalated a minute after it opened, never answered. */
function breaching(id: string, openedAt: string): CaseSummary {
  const story = new Story(openedAt).on(new Date(ms(openedAt) + 60_000).toISOString(), 'escalate');
  const c: SupportCase = {
    id, createdAt: openedAt, updatedAt: openedAt, deletedAt: null, clocks: {}, accountId: 'account', title: `Case ${id}`, description: '',
    problemType: 'service-problem', priority: 'urgent', channel: 'platform-panel', agent: 'Jan', status: story.state.status,
    escalated: true, escalationReason: 'Launch', slaPolicyId: null, slaPolicyVersion: null, openedAt, reopenCount: 0,
  };
  return summarizeCase(c, account, story.entries.map((e) => ({ ...e, deletedAt: null })), []);
}

const device = throwawayDatabases('ringer');

/** Rings into a list: the kind and case (or count) of each notification. */
function recorder() {
  const rung: string[] = [];
  const ring = async (r: Ring) => {
    rung.push(r.kind === 'away' ? `away:${r.cases}` : `${r.alert.caseId}:${r.alert.clock}:${r.alert.kind}`);
  };
  return { rung, ring };
}

const run = (db: TamDeskDb, cases: CaseSummary[], now: string, joinedAt: string, ring: (r: Ring) => Promise<void>, signal = new AbortController().signal) =>
  ringDueAlerts({ db, cases, now: new Date(now), tamHours: TAM, joinedAt: ms(joinedAt), ring, signal });

describe('the SLA alerts rung on a device', () => {
  const a = breaching('a', '2026-04-14T12:00:00Z');
  const b = breaching('b', '2026-04-14T12:10:00Z');
  const c = breaching('c', '2026-04-14T12:20:00Z');
  const joined = '2026-04-14T08:00:00Z';

  it('marks an alert rung, in the database, before it rings, and rings it once', async () => {
    const db = device();
    const seen: boolean[] = [];
    await run(db, [a], '2026-04-14T13:30:00Z', joined, async (r) => {
      const stored = JSON.stringify((await db.meta.get('slaAlerts'))?.value);
      seen.push(r.kind === 'alert' && stored.includes(r.alert.key));
    });
    expect(seen).toEqual([true]);
    const { rung, ring } = recorder();
    await run(db, [a], '2026-04-14T13:31:00Z', joined, ring);
    expect(rung).toEqual([]);
  });

  it('a run replaced by a newer one stops at once, and neither rings what the other rang', async () => {
    const db = device();
    const rung: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = new AbortController();
    // The first run is still showing its first notification (a permission prompt, say) when the summaries change.
    const firstRun = run(db, [a, b, c], '2026-04-14T13:30:00Z', joined, async (r) => {
      rung.push(`first ${r.kind === 'alert' ? r.alert.caseId : r.kind}`);
      await held;
    }, first.signal);
    await expect.poll(() => rung.length).toBe(1);
    first.abort();
    await run(db, [a, b, c], '2026-04-14T13:30:00Z', joined, async (r) => void rung.push(`second ${r.kind === 'alert' ? r.alert.caseId : r.kind}`));
    release();
    await firstRun;
    expect(rung).toEqual(['first a', 'second b', 'second c']);
  });

  it('a first sync rings no breach from before the device joined: one notification says how many cases breached', async () => {
    const db = device();
    const { rung, ring } = recorder();
    // Joined at 13:50Z: a, b and c breached at 13:00Z-13:20Z; d's first response is due at 14:41Z.
    const d = breaching('d', '2026-04-14T13:40:00Z');
    await run(db, [a, b, c, d], '2026-04-14T14:15:00Z', '2026-04-14T13:50:00Z', ring);
    expect(rung).toEqual(['away:3', 'd:first-response:imminent']);
    // Once: not again on the next look; d's breach, after the device joined, is news.
    await run(db, [a, b, c, d], '2026-04-14T14:45:00Z', '2026-04-14T13:50:00Z', ring);
    expect(rung).toEqual(['away:3', 'd:first-response:imminent', 'd:first-response:breached']);
  });

  it('forgets what it rang by age, and rings no breach older than it remembers', async () => {
    const db = device();
    const { rung, ring } = recorder();
    const now = '2026-04-14T13:30:00Z';
    const old = breaching('old', new Date(ms(now) - ALERT_MEMORY_MS - 86_400_000).toISOString());
    const weekOld = breaching('week-old', new Date(ms(now) - 7 * 86_400_000).toISOString());
    // What the device rang before: the week-old breaches (kept) and one 20 days ago (forgotten).
    const weekOldSent = Object.fromEntries(dueAlerts([weekOld], new Date(now), ALWAYS_OPEN, new Set()).map((alert) => [alert.key, alert.dueAt.getTime()]));
    expect(Object.keys(weekOldSent)).toHaveLength(2);
    await db.meta.put({ key: 'slaAlerts', value: { sent: { ...weekOldSent, 'gone:first-response:breached:1': ms(now) - 20 * 86_400_000 }, awayToldFor: null } });
    await run(db, [old, weekOld, a], now, '2026-01-01T08:00:00Z', ring);
    expect(rung).toEqual(['a:first-response:breached']);
    const kept = Object.keys(((await db.meta.get('slaAlerts'))!.value as { sent: object }).sent);
    expect(kept.sort()).toEqual([`a:first-response:breached:${a.sla.firstResponse.dueAt}`, ...Object.keys(weekOldSent)].sort());
  });

  it('keeps what an earlier version rang (its list of keys)', async () => {
    const db = device();
    const { rung, ring } = recorder();
    await db.meta.put({ key: 'slaAlertsSent', value: [`a:first-response:breached:${a.sla.firstResponse.dueAt}`] });
    await run(db, [a, b], '2026-04-14T13:30:00Z', joined, ring);
    expect(rung).toEqual(['b:first-response:breached']);
  });

  it('rings nothing outside the TAM\'s working hours, not even the count of what breached while away', async () => {
    const db = device();
    const { rung, ring } = recorder();
    const next = await run(db, [a, b], '2026-04-14T16:00:00Z', '2026-04-14T15:30:00Z', ring);
    expect(rung).toEqual([]);
    expect(next?.toISOString()).toBe('2026-04-15T07:00:00.000Z');
  });
});
