import { describe, expect, it } from 'vitest';
import { checkClockSkew } from '@shared/sync/merge';
import { clock } from './helpers';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');

describe('checkClockSkew', () => {
  // The bound the Sync status message names: "more than 5 minutes ahead".
  it('accepts clocks behind, at, or up to 5 minutes ahead of now', () => {
    expect(checkClockSkew(clock(NOW - 86_400_000, 'a'), NOW)).toEqual({ ok: true });
    expect(checkClockSkew(clock(NOW, 'a', 99_999), NOW)).toEqual({ ok: true });
    expect(checkClockSkew(clock(NOW + 5 * 60_000, 'a'), NOW)).toEqual({ ok: true });
  });

  it('refuses a clock more than 5 minutes ahead, with how far', () => {
    const result = checkClockSkew(clock(NOW + 5 * 60_000 + 1, 'a'), NOW);
    expect(result).toMatchObject({ ok: false, reason: 'ahead', aheadMs: 5 * 60_000 + 1 });
    expect(checkClockSkew(clock(NOW + 2000, 'a'), NOW, 1000)).toMatchObject({ ok: false, aheadMs: 2000 });
  });

  it('refuses text that is not a clock', () => {
    expect(checkClockSkew('yesterday', NOW)).toMatchObject({ ok: false, reason: 'not_a_clock' });
  });
});
