import { afterAll, expect, test } from 'vitest';
import { byNearestDue, emptyCaseFilter, filterCases, rateCases } from '@shared/cases/case-search';
import { openingEntry } from '@shared/cases/lifecycle';
import { slaDigest } from '@shared/cases/sla-digest';
import { summarizeCase, type CaseSummary } from '@shared/cases/summary';
import { generateDemoAccounts } from '@shared/demo/generator';
import { seededRandom } from '@shared/demo/random';
import { PRIORITIES, PROBLEM_TYPES, type SupportCase, type TimelineEntry } from '@shared/domain/case';
import { addBusinessMinutes, businessMinutesBetween } from '@shared/sla';
import { median, percentile, report, type Figure } from './figures';

/**
 * The SLA engine and the case list at scale: the business-hours engine and
 * the SLA digests of 20,000 open cases (built when a case or its timeline
 * changes), re-rating their SLA state (what the dashboard and the list do
 * every minute and on every change), and the case list's filter per
 * keystroke over 50,000 cases.
 * Cases are spread over 200 accounts in their own zones and business hours,
 * with a first response on half of them and a wait on the customer on some.
 */
const figures: Figure[] = [];
afterAll(() => report('cases', figures));

const NOW = new Date('2026-11-25T10:00:00.000Z');

function cases(count: number): CaseSummary[] {
  const r = seededRandom(11);
  const accounts = generateDemoAccounts({ count: 200 });
  const iso = (ms: number) => new Date(ms).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const account = accounts[i % accounts.length]!;
    const opened = NOW.getTime() - r.int(10, 20_000) * 60_000;
    const c = {
      id: `case-${i}`, createdAt: iso(opened), updatedAt: iso(opened), deletedAt: null, clocks: {},
      accountId: account.id, title: `${r.pick(['Deferrals at', 'Bounces from', 'Blocklisted by', 'DKIM failing at'])} ${r.pick(['Onet', 'WP', 'Gmail', 'Outlook', 'Yahoo', 'Interia'])} #${i}`,
      description: '', problemType: r.pick(PROBLEM_TYPES), priority: r.pick(PRIORITIES), channel: 'designated-email', agent: r.pick(['Jan Nowak', 'Olga Berg', 'Sam Lee']),
      status: 'new', escalated: r.chance(0.4), escalationReason: '', slaPolicyId: null, slaPolicyVersion: null, openedAt: iso(opened), reopenCount: 0,
    } satisfies SupportCase;
    const entries: Pick<TimelineEntry, 'id' | 'kind' | 'at' | 'fromStatus' | 'toStatus' | 'deletedAt'>[] = [{ ...openingEntry(new Date(opened), 'x'), id: `e-${i}-0`, deletedAt: null }];
    if (r.chance(0.5)) {
      const responded = opened + r.int(5, 300) * 60_000;
      entries.push({ id: `e-${i}-1`, kind: 'agent-response', at: iso(responded), fromStatus: null, toStatus: null, deletedAt: null });
      entries.push({ id: `e-${i}-2`, kind: 'status-change', at: iso(responded), fromStatus: 'new', toStatus: r.chance(0.3) ? 'waiting-on-customer' : 'in-progress', deletedAt: null });
    }
    return summarizeCase(c, account, entries, []);
  });
}

function timed(rounds: number, fn: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

test('the business-hours engine over 20,000 cases', () => {
  const calendars = generateDemoAccounts({ count: 4 }).map((a) => a.calendar);
  const now = NOW.getTime();
  const cases = Array.from({ length: 20_000 }, (_, i) => {
    const opened = new Date(now - ((i * 7919) % (30 * 1440)) * 60_000); // up to 30 days ago
    const waiting = { start: new Date(opened.getTime() + 3_600_000), end: new Date(opened.getTime() + 7_200_000) };
    return { opened, calendar: calendars[i % calendars.length]!, pauses: i % 3 ? [] : [waiting] };
  });
  // A due time and the business time so far (a third with a pause), per case.
  const times = timed(10, () => {
    for (const c of cases) {
      addBusinessMinutes(c.opened, 480, c.calendar);
      businessMinutesBetween(c.opened, NOW, c.calendar, c.pauses);
    }
  });
  const m = median(times.slice(1)); // the first round fills the calendars' caches
  figures.push({ name: 'business-hours engine: due time and business time so far of 20,000 cases (median, warm)', value: m, unit: 'ms', target: '< 100', met: m < 100 });
  // Two years across holidays and clock changes, a thousand times.
  const calendar = calendars[0]!;
  const from = new Date('2026-01-01T00:00:00Z');
  const to = new Date('2028-01-01T00:00:00Z');
  const [years] = timed(1, () => {
    for (let i = 0; i < 1000; i++) addBusinessMinutes(from, businessMinutesBetween(from, to, calendar), calendar);
  });
  figures.push({ name: 'business-hours engine: a thousand two-year measures and additions', value: years!, unit: 'ms', target: '< 1000', met: years! < 1000 });
});

test('building the SLA digests of 20,000 open cases', () => {
  const open = cases(20_000);
  const times = timed(5, () => {
    for (const s of open) slaDigest(s, s.entries.filter((e) => !e.deletedAt), s.targets, s.calendar);
  });
  const m = median(times);
  figures.push({ name: 'SLA digests of 20,000 open cases, built (median)', value: m, unit: 'ms', target: '', met: null });
});

test('re-rating the SLA state of 20,000 open cases', () => {
  const open = cases(20_000);
  let rated = rateCases(open, NOW);
  const times = timed(40, () => {
    rated = rateCases(open, NOW.getTime() + 60_000);
  });
  expect(rated).toHaveLength(20_000);
  expect(new Set(rated.map((c) => c.rating.state)).size).toBeGreaterThan(2);
  const m = median(times);
  figures.push({ name: 'SLA state of 20,000 open cases, recomputed (median)', value: m, unit: 'ms', target: '< 20', met: m < 20 });
  figures.push({ name: 'the same, p95', value: percentile(times, 95), unit: 'ms', target: '', met: null });
});

test('case list filter per keystroke over 50,000 cases', () => {
  const all = byNearestDue(rateCases(cases(50_000), NOW));
  const query = 'onet';
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (let i = 1; i <= query.length; i++) {
      const t0 = performance.now();
      const rows = filterCases(all, { ...emptyCaseFilter, query: query.slice(0, i), escalatedOnly: round % 2 === 0 });
      times.push(performance.now() - t0);
      expect(rows.length).toBeGreaterThan(0);
    }
  }
  const m = median(times);
  figures.push({ name: 'case list filter per keystroke over 50,000 cases (median)', value: m, unit: 'ms', target: '< 16', met: m < 16 });
  figures.push({ name: 'the same, p95', value: percentile(times, 95), unit: 'ms', target: '< 16', met: percentile(times, 95) < 16 });
});
