import { describe, expect, it } from 'vitest';
import { byNearestDue, emptyCaseFilter, filterCases, rateCases } from '@shared/cases/case-search';
import { openingEntry } from '@shared/cases/lifecycle';
import { summarizeCase } from '@shared/cases/summary';
import type { SupportCase } from '@shared/domain/case';

const calendar = { timeZone: 'Europe/Warsaw', weekly: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })), holidays: [] };
const account = { name: 'Wisła Media', calendar };
const make = (id: string, over: Partial<SupportCase>) => {
  const c: SupportCase = {
    id, createdAt: '2026-03-30T07:00:00.000Z', updatedAt: '2026-03-30T07:00:00.000Z', deletedAt: null, clocks: {}, accountId: 'acc-1',
    title: 'Deferrals at Onet', description: '', problemType: 'service-problem', priority: 'normal', channel: 'platform-panel', agent: 'Jan Nowak',
    status: 'new', escalated: false, escalationReason: '', slaPolicyId: null, slaPolicyVersion: null, openedAt: '2026-03-30T07:00:00.000Z', reopenCount: 0, ...over,
  };
  return summarizeCase(c, account, [{ ...openingEntry(new Date(c.openedAt), 'x'), id: `${id}-created`, deletedAt: null }], []);
};

describe('case list search and filters', () => {
  const now = new Date('2026-03-30T12:00:00.000Z');
  const all = rateCases(
    [
      make('urgent', { priority: 'urgent', escalated: true, title: 'Blocked by Gmail' }),
      make('normal', {}),
      make('gone', { deletedAt: '2026-03-30T08:00:00.000Z' }),
      make('config', { problemType: 'configuration-inquiry', title: 'DKIM for mail.wisla.test', openedAt: '2026-03-30T09:00:00.000Z' }),
    ],
    now,
  );

  it('drops tombstones and rates each case', () => {
    expect(all.map((c) => c.summary.id)).toEqual(['urgent', 'normal', 'config']);
    // Urgent: first reply within 1 calendar hour of 07:00 UTC, so breached at 12:00.
    expect(all[0]!.rating.state).toBe('breached');
    expect(all[1]!.rating.state).toBe('on-track');
  });

  it('searches title, account and agent without accents, and filters by every field', () => {
    const ids = (f: Partial<typeof emptyCaseFilter>) => filterCases(all, { ...emptyCaseFilter, ...f }).map((c) => c.summary.id);
    expect(ids({ query: 'wisla' })).toEqual(['urgent', 'normal', 'config']);
    expect(ids({ query: 'gmail' })).toEqual(['urgent']);
    expect(ids({ query: 'nowak onet' })).toEqual(['normal']);
    expect(ids({ escalatedOnly: true })).toEqual(['urgent']);
    expect(ids({ priorities: ['urgent', 'high'] })).toEqual(['urgent']);
    expect(ids({ problemTypes: ['configuration-inquiry'] })).toEqual(['config']);
    expect(ids({ slaStates: ['breached'] })).toEqual(['urgent']);
    expect(ids({ statuses: ['resolved'] })).toEqual([]);
    expect(ids({ accountId: 'other' })).toEqual([]);
  });

  it('orders by the nearest due time', () => {
    const order = byNearestDue([...all]).map((c) => c.summary.id);
    expect(order[0]).toBe('urgent');
    const due = byNearestDue([...all]).map((c) => c.rating.nextDueAt?.getTime() ?? Infinity);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });
});
