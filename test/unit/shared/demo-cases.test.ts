import { describe, expect, it } from 'vitest';
import { statusFromTimeline } from '@shared/cases/timeline';
import { generateDemoCases } from '@shared/demo/cases';
import { generateDemoAccounts } from '@shared/demo/generator';
import { slaPolicySchema, supportCaseSchema, timelineEntrySchema } from '@shared/domain/case';

describe('demo cases', () => {
  const now = new Date('2026-11-25T10:00:00.000Z');
  const accounts = generateDemoAccounts({ count: 60 });
  const demo = generateDemoCases(accounts, now);

  it('are valid records, on active accounts, dated up to now, the same on every run', () => {
    expect(demo.cases.length).toBeGreaterThanOrEqual(20);
    for (const c of demo.cases) expect(supportCaseSchema.parse(c)).toEqual(c);
    for (const e of demo.entries) expect(timelineEntrySchema.parse(e)).toEqual(e);
    for (const p of demo.policies) expect(slaPolicySchema.parse(p)).toEqual(p);
    const active = new Set(accounts.filter((a) => !a.archivedAt).map((a) => a.id));
    expect(demo.cases.every((c) => active.has(c.accountId))).toBe(true);
    expect(demo.entries.every((e) => Date.parse(e.at) <= now.getTime())).toBe(true);
    expect(generateDemoCases(accounts, now)).toEqual(demo);
  });

  it('have the status their timeline says, reached through the lifecycle, in varied states', () => {
    for (const c of demo.cases) {
      const entries = demo.entries.filter((e) => e.caseId === c.id);
      expect(entries[0]?.kind).toBe('created');
      expect(statusFromTimeline(entries)).toBe(c.status);
      expect(c.slaPolicyId).toBe(demo.policies.find((p) => p.accountId === c.accountId)?.id);
    }
    expect(new Set(demo.cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(4);
    expect(demo.cases.some((c) => c.escalated)).toBe(true);
  });
});
