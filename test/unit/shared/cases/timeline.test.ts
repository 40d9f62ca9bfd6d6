import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachInOrder, parseInstant, statusSpans, type TimelineEntryLike } from '@shared/cases';

describe('parseInstant', () => {
  it('reads the canonical form exactly as Date.parse does, over the whole range of dates', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        expect(parseInstant(iso, 'x')).toBe(Date.parse(iso));
      }),
      { seed: 20_260_329, numRuns: 2000 },
    );
  });

  it('hands other forms to Date.parse, and refuses what is no date', () => {
    expect(parseInstant('2026-03-29T03:30:00+02:00', 'x')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(parseInstant('2026-03-29T01:30:00Z', 'x')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(parseInstant('2024-02-29T12:00:00.000Z', 'x')).toBe(Date.parse('2024-02-29T12:00:00Z'));
    for (const bad of ['2026-13-01T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-03-29T24:00:00.000Z', '2026-03-29T1a:00:00.000Z', 'not a date', '']) {
      const viaDateParse = Date.parse(bad);
      if (Number.isNaN(viaDateParse)) expect(() => parseInstant(bad, 'at'), bad).toThrow(RangeError);
      else expect(parseInstant(bad, 'at'), bad).toBe(viaDateParse);
    }
  });
});

describe('forEachInOrder', () => {
  const entry = (at: string, id?: string, over: Partial<TimelineEntryLike> = {}): TimelineEntryLike => ({ kind: 'note', at, fromStatus: null, toStatus: null, ...(id ? { id } : {}), ...over });
  const visit = (entries: TimelineEntryLike[]) => {
    const seen: string[] = [];
    forEachInOrder(entries, (t, e) => seen.push(`${new Date(t).toISOString().slice(11, 16)} ${e.id ?? '-'}`));
    return seen;
  };

  it('by instant, then id; ties without ids keep their order; tombstones left out', () => {
    const entries = [
      entry('2026-03-23T10:00:00.000Z', 'b'),
      entry('2026-03-23T09:00:00.000Z', 'c'),
      entry('2026-03-23T10:00:00.000Z', 'a'),
      entry('2026-03-23T08:00:00.000Z', 'z', { deletedAt: '2026-03-24T00:00:00Z' }),
      entry('2026-03-23T11:00:00.000Z'),
      entry('2026-03-23T11:00:00.000Z', 'y'),
    ];
    expect(visit(entries)).toEqual(['09:00 c', '10:00 a', '10:00 b', '11:00 -', '11:00 y']);
  });

  it('works when a visitor reads another timeline (no shared scratch trouble)', () => {
    const outer = [entry('2026-03-23T10:00:00.000Z', 'b'), entry('2026-03-23T09:00:00.000Z', 'a')];
    const inner = Array.from({ length: 200 }, (_, i) => entry(new Date(Date.UTC(2026, 2, 23, 12) - i * 60_000).toISOString(), `i${i}`));
    const seen: string[] = [];
    forEachInOrder(outer, (_, e) => {
      seen.push(e.id!);
      expect(visit(inner).length).toBe(200);
    });
    expect(seen).toEqual(['a', 'b']);
  });

  it('status spans: changes at one instant leave no zero-length stretch', () => {
    const opened = Date.parse('2026-03-23T08:00:00Z');
    const change = (at: string, to: TimelineEntryLike['toStatus'], id: string) => entry(at, id, { kind: 'status-change', toStatus: to });
    const spans = statusSpans(opened, [
      change('2026-03-23T08:00:00.000Z', 'responded', '1'),
      change('2026-03-23T09:00:00.000Z', 'in-progress', '2'),
      change('2026-03-23T10:00:00.000Z', 'waiting-on-customer', '3'),
      change('2026-03-23T10:00:00.000Z', 'in-progress', '4'),
      change('2026-03-23T11:00:00.000Z', 'in-progress', '5'),
    ]);
    expect(spans.map((s) => [s.status, new Date(s.start).toISOString().slice(11, 16), s.end === Infinity ? null : new Date(s.end).toISOString().slice(11, 16)])).toEqual([
      ['responded', '08:00', '09:00'],
      ['in-progress', '09:00', null],
    ]);
  });
});
