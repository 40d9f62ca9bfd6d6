import { afterEach, expect, it } from 'vitest';
import { summarizeCase } from '@shared/cases/summary';
import type { SupportCase } from '@shared/domain/case';
import { db } from '../../../../renderer/data/database';
import { watchedCases } from '../../../../renderer/features/cases/use-cases';

afterEach(() => db.caseSummaries.clear());

const calendar = { timeZone: 'Europe/Warsaw', weekly: [], holidays: [] };
const at = '2026-03-30T08:00:00.000Z';
const kase = (i: number, over: Partial<SupportCase>): SupportCase => ({
  id: `case-${String(i).padStart(5, '0')}`, createdAt: at, updatedAt: at, deletedAt: null, clocks: {}, accountId: 'account', title: `Case ${i}`,
  description: '', problemType: 'service-problem', priority: 'normal', channel: 'platform-panel', agent: 'Jan', status: 'in-progress',
  escalated: true, escalationReason: 'Launch', slaPolicyId: null, slaPolicyVersion: null, openedAt: at, reopenCount: 0, ...over,
});

it('the SLA alerts read every open escalated case, however many chunks they take, and no other', async () => {
  const cases = Array.from({ length: 2_400 }, (_, i) =>
    kase(i, i % 4 === 1 ? { escalated: false } : i % 4 === 2 ? { status: 'closed' } : i % 4 === 3 ? { deletedAt: at } : {}),
  );
  await db.caseSummaries.bulkPut(cases.map((c) => summarizeCase(c, { name: 'Bursztyn Handel', calendar }, [], [])));
  const watched = await watchedCases();
  expect(watched.map((s) => s.id)).toEqual(cases.filter((_, i) => i % 4 === 0).map((c) => c.id));
});
