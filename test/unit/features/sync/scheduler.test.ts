import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS, INTERVAL_MS, SyncScheduler, WRITE_DELAY_MS } from '../../../../renderer/data/sync/scheduler';

class Transient extends Error {}

/** A run the test finishes by hand, to see what happens while one is in flight. */
function controllableRun() {
  const calls: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const run = vi.fn(() => new Promise<void>((resolve, reject) => calls.push({ resolve, reject })));
  return { run, calls };
}

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 5 min', () => {
    expect([1, 2, 3, 4, 5].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(backoffDelay(9)).toBe(256_000);
    expect(backoffDelay(10)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1000)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(0)).toBe(0);
  });
});

describe('SyncScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = (run: () => Promise<void>, onError = vi.fn()) =>
    new SyncScheduler({ run, isTransient: (e) => e instanceof Transient, onError });

  it('syncs at once on start, and about a second after a local write', async () => {
    const run = vi.fn(async () => {});
    const s = make(run);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    s.trigger('write');
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS - 1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('coalesces a burst of writes into one sync', async () => {
    const run = vi.fn(async () => {});
    const s = make(run);
    for (let i = 0; i < 10; i++) {
      s.trigger('write');
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs two syncs at once: a trigger during a run runs once more after it', async () => {
    const { run, calls } = controllableRun();
    const s = make(run);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(0);
    s.trigger('manual');
    s.trigger('online');
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('retries transient failures after 1 s, 2 s, 4 s …, and resets after a success', async () => {
    let fail = 4;
    const run = vi.fn(async () => {
      if (fail-- > 0) throw new Transient('offline');
    });
    const onError = vi.fn();
    const s = make(run, onError);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenLastCalledWith(expect.any(Transient), 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenLastCalledWith(expect.any(Transient), 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(run).toHaveBeenCalledTimes(4);
    expect(onError).toHaveBeenLastCalledWith(expect.any(Transient), 8000);
    await vi.advanceTimersByTimeAsync(8000);
    expect(run).toHaveBeenCalledTimes(5);
    expect(s.failures).toBe(0);
    // After the success, a failure starts again from 1 s.
    fail = 1;
    s.trigger('manual');
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenLastCalledWith(expect.any(Transient), 1000);
  });

  it('caps the wait at 5 minutes through a long outage', async () => {
    const run = vi.fn(async () => {
      throw new Transient('offline');
    });
    const onError = vi.fn();
    const s = make(run, onError);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const waits = onError.mock.calls.map((c) => c[1] as number);
    expect(Math.max(...waits)).toBe(BACKOFF_MAX_MS);
    expect(waits.slice(-3)).toEqual([BACKOFF_MAX_MS, BACKOFF_MAX_MS, BACKOFF_MAX_MS]);
  });

  it('while backing off, writes and the timer wait; the network returning or Sync now retry at once', async () => {
    const run = vi.fn(async () => {
      throw new Transient('offline');
    });
    const s = make(run);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(run).toHaveBeenCalledTimes(4); // now waiting 8 s
    s.trigger('write');
    s.trigger('interval');
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    expect(run).toHaveBeenCalledTimes(4);
    s.trigger('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(5);
  });

  it('does not retry by itself an error that needs the user', async () => {
    const run = vi.fn(async () => {
      throw new Error('token_revoked');
    });
    const onError = vi.fn();
    const s = make(run, onError);
    s.trigger('start');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), null);
  });

  it('does nothing once stopped', async () => {
    const run = vi.fn(async () => {});
    const s = make(run);
    s.trigger('write');
    s.stop();
    s.trigger('manual');
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(run).not.toHaveBeenCalled();
  });
});
