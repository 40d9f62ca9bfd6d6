import { describe, expect, it } from 'vitest';
import type { CaseEventType } from '@shared/cases';
import { summarizeCase, type CaseSummary } from '@shared/cases/summary';
import { escalationTrend } from '@shared/cases/trend';
import type { SupportCase } from '@shared/domain/case';
import { Story, WARSAW } from './story';

/**
 * Weekly counts of open escalated cases by SLA risk, Warsaw 9-17 accounts,
 * weeks starting on Monday in Europe/Warsaw. "Now" is Wed 22 Apr 2026 12:00 Warsaw.
 */
const NOW = new Date('2026-04-22T10:00:00Z');

function kase(id: string, priority: SupportCase['priority'], openedAt: string, steps: [string, CaseEventType | { type: 'escalate'; author: string; body: string }][], escalate = true): CaseSummary {
  const story = new Story(openedAt);
  if (escalate) story.on(openedAt, { type: 'escalate', author: 'tam', body: 'Revenue' });
  for (const [when, event] of steps) story.on(when, event);
  const c: SupportCase = {
    id, createdAt: openedAt, updatedAt: openedAt, deletedAt: null, clocks: {}, accountId: 'acc', title: id, description: '', problemType: 'service-problem',
    priority, channel: 'platform-panel', agent: 'Ann', status: story.state.status, escalated: story.state.escalated, escalationReason: story.state.escalationReason,
    slaPolicyId: null, slaPolicyVersion: null, openedAt, reopenCount: story.state.reopenCount,
  };
  return summarizeCase(c, { name: 'Acme', calendar: WARSAW }, story.entries.map((e) => ({ ...e, deletedAt: null })), []);
}

describe('escalation trend', () => {
  // Opened Mon 13 Apr 10:00 Warsaw, normal priority, never answered: first reply (480 business min) due Tue 14 Apr 10:00.
  const late = kase('late', 'normal', '2026-04-13T08:00:00Z', []);
  // Opened Mon 13 Apr, answered in time, waiting on the customer since Tue 14 Apr.
  const waiting = kase('waiting', 'normal', '2026-04-13T08:00:00Z', [['2026-04-13T09:00:00Z', 'respond'], ['2026-04-14T08:00:00Z', 'waitOnCustomer']]);
  // Opened and resolved in the week of 6 Apr.
  const done = kase('done', 'low', '2026-04-07T08:00:00Z', [
    ['2026-04-07T09:00:00Z', 'respond'], ['2026-04-07T10:00:00Z', 'proposeResolution'], ['2026-04-07T11:00:00Z', 'confirmByCustomer'], ['2026-04-07T12:00:00Z', 'confirmByProvider'],
  ]);
  const notEscalated = kase('quiet', 'urgent', '2026-04-13T08:00:00Z', [], false);
  const weeks = escalationTrend([late, waiting, done, notEscalated], NOW, 'Europe/Warsaw', 3);

  it('has one bar per week, starting on Mondays in the TAM’s zone', () => {
    expect(weeks.map((w) => w.weekStart.toISOString())).toEqual(['2026-04-05T22:00:00.000Z', '2026-04-12T22:00:00.000Z', '2026-04-19T22:00:00.000Z']);
  });

  it('counts escalated cases open at each week’s end by risk; resolved and not-escalated cases are left out', () => {
    const counts = weeks.map(({ onTrack, atRisk, breached, paused }) => ({ onTrack, atRisk, breached, paused }));
    expect(counts[0]).toEqual({ onTrack: 0, atRisk: 0, breached: 0, paused: 0 });
    expect(counts[1]).toEqual({ onTrack: 0, atRisk: 0, breached: 1, paused: 1 });
    expect(counts[2]).toEqual({ onTrack: 0, atRisk: 0, breached: 1, paused: 1 });
  });
});
