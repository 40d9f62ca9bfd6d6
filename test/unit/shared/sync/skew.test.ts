import { describe, expect, it } from 'vitest';
import { checkClockSkew, MAX_CLOCK_SKEW_MS } from '@shared/sync/merge';
import { ERROR_CODES } from '@shared/sync/protocol';
import { clock } from './helpers';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');

describe('checkClockSkew', () => {
  it('accepts clocks behind, at, or up to the bound ahead of now', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(5 * 60_000);
    expect(checkClockSkew(clock(NOW - 86_400_000, 'a'), NOW)).toEqual({ ok: true });
    expect(checkClockSkew(clock(NOW, 'a', 99_999), NOW)).toEqual({ ok: true });
    expect(checkClockSkew(clock(NOW + MAX_CLOCK_SKEW_MS, 'a'), NOW)).toEqual({ ok: true });
  });

  it('refuses a clock more than the bound ahead, with how far', () => {
    const result = checkClockSkew(clock(NOW + MAX_CLOCK_SKEW_MS + 1, 'a'), NOW);
    expect(result).toMatchObject({ ok: false, reason: 'ahead', aheadMs: MAX_CLOCK_SKEW_MS + 1 });
    expect(checkClockSkew(clock(NOW + 2000, 'a'), NOW, 1000)).toMatchObject({ ok: false, aheadMs: 2000 });
  });

  it('refuses text that is not a clock', () => {
    expect(checkClockSkew('yesterday', NOW)).toMatchObject({ ok: false, reason: 'not_a_clock' });
  });

  it('has an error code for the server to answer with', () => {
    expect(ERROR_CODES).toContain('clock_skew');
  });
});
