/**
 * When to sync: the pure scheduling part of the sync controller, with no
 * React, database or network (unit-tested with fake timers).
 *
 * - Never two runs at once: a trigger during a run asks for one more run
 *   right after it.
 * - Triggers coalesce: a pending run keeps the earliest due time.
 * - A transient failure retries after 1 s, 2 s, 4 s … capped at 5 min; while
 *   backing off, local writes and the periodic timer do not cut the wait
 *   short (the network returning or "Sync now" do). Success resets it.
 * - Any other failure waits for the next trigger (it needs the user).
 */
export type Trigger = 'start' | 'online' | 'write' | 'interval' | 'manual';

export const WRITE_DELAY_MS = 1000;
export const INTERVAL_MS = 60_000;
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The wait before retry number `failures` (1 → 1 s, 2 → 2 s, 3 → 4 s …, capped at 5 min). */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30), BACKOFF_MAX_MS);
}

export type SchedulerOptions = {
  run: () => Promise<void>;
  /** Whether a failure is worth retrying by itself. */
  isTransient: (error: unknown) => boolean;
  onError?: (error: unknown, retryInMs: number | null) => void;
};

export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt = 0;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = false;
  failures = 0;

  constructor(private readonly options: SchedulerOptions) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  trigger(kind: Trigger): void {
    if (this.stopped) return;
    if (this.failures > 0 && (kind === 'write' || kind === 'interval')) return;
    this.schedule(kind === 'write' ? WRITE_DELAY_MS : 0);
  }

  /** Resolves when the run in progress (if any) has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.rerun = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    const due = Date.now() + delay;
    if (this.timer && this.dueAt <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, delay);
  }

  private fire(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.rerun && !this.stopped) {
        this.rerun = false;
        this.schedule(0);
      }
    });
  }

  private async runOnce(): Promise<void> {
    try {
      await this.options.run();
      this.failures = 0;
    } catch (error) {
      if (this.stopped) return;
      if (this.options.isTransient(error)) {
        this.failures += 1;
        const wait = backoffDelay(this.failures);
        this.rerun = false;
        this.options.onError?.(error, wait);
        this.schedule(wait);
      } else {
        this.failures = 0;
        this.options.onError?.(error, null);
      }
    }
  }
}
