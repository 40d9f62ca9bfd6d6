import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEvents, caseClocks, slaDigest, slaSummary, type CaseClock, type CaseEvent, type SlaTargets } from '@shared/cases';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { PRIORITIES } from '@shared/domain/case';
import { ALWAYS_OPEN, businessMinutesBetween, type Pause } from '@shared/sla';
import { Story, WARSAW } from './story';

/**
 * Properties of the clocks over random case histories (lifecycle walks of
 * legal events) opened around the spring-forward change and Easter 2026, on
 * Warsaw 9-17 with a holiday and on New York with a lunch break.
 */
const SEED = 20_260_330;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });
const MINUTE = 60_000;
const NEW_YORK: BusinessCalendar = {
  timeZone: 'America/New_York',
  weekly: ([1, 2, 3, 4, 5] as const).flatMap((day) => [{ day, start: '08:30', end: '12:00' }, { day, start: '13:00', end: '17:30' }]),
  holidays: ['2026-04-03'],
};
const CALENDARS = [WARSAW, NEW_YORK];
const TARGETS: SlaTargets = {
  urgent: { firstResponse: 60, nextUpdate: 240, resolution: 960, calendarHours: true },
  high: { firstResponse: 120, nextUpdate: 480, resolution: 2400, calendarHours: false },
  normal: { firstResponse: 480, nextUpdate: 960, resolution: 4800, calendarHours: false },
  low: { firstResponse: 960, nextUpdate: 2400, resolution: null, calendarHours: false },
};

const opened = fc.integer({ min: Date.parse('2026-03-16T00:00:00Z') / MINUTE, max: Date.parse('2026-04-10T00:00:00Z') / MINUTE }).map((m) => m * MINUTE);
const steps = fc.array(fc.record({ pick: fc.nat(), minutes: fc.integer({ min: 1, max: 900 }) }), { maxLength: 40 });
/** Minutes after the last event: soon (clocks mostly running or at risk) or days later (mostly breached). */
const later = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20_000 }));

/** A case history: legal events at random gaps from the opening. */
const history = fc.record({ opened, steps, priority: fc.constantFrom(...PRIORITIES), calendar: fc.constantFrom(...CALENDARS) }).map(({ opened, steps, priority, calendar }) => {
  const story = new Story(new Date(opened).toISOString());
  let t = opened;
  for (const { pick, minutes } of steps) {
    t += minutes * MINUTE;
    const options = allowedEvents(story.state.status, story.entries);
    const type = options[pick % options.length]!;
    const event: CaseEvent = type === 'rejectResolution' ? { type, by: 'customer', author: 'a', body: 'no' } : { type, author: 'a', body: 'x' };
    story.on(new Date(t).toISOString(), event);
  }
  return { story, priority, calendar, last: t };
});

/** The engine's own count of a clock's business minutes: from its start to `end`, less its pauses. */
function consumedByEngine(clock: CaseClock, calendar: BusinessCalendar, end: Date): number {
  const pauses: Pause[] = clock.pauses.map((p) => ({ start: p.start, end: p.end ?? end, cause: p.cause }));
  return businessMinutesBetween(clock.startedAt!, end, clock.calendarHours ? ALWAYS_OPEN : calendar, pauses);
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('clock properties', () => {
  it('minutes left are the target less the business time used, pauses excluded; the due instant uses up exactly the target', () => {
    fc.assert(
      fc.property(history, later, ({ story, priority, calendar, last }, after) => {
        const now = new Date(last + after * MINUTE);
        const clocks = caseClocks({ priority, openedAt: story.openedAt }, story.entries, TARGETS, calendar, now);
        for (const clock of [clocks.firstResponse, clocks.nextUpdate, clocks.resolution]) {
          if (clock.state === 'not-applicable') continue;
          const end = clock.metAt ?? now;
          expect(close(clock.minutesLeft!, clock.targetMinutes! - consumedByEngine(clock, calendar, end))).toBe(true);
          if (clock.running && clock.dueAt) expect(close(consumedByEngine(clock, calendar, clock.dueAt), clock.targetMinutes!)).toBe(true);
          // Breached exactly when no time is left (a running clock) or when it stopped after its due instant.
          if (clock.running) expect(clock.state === 'breached').toBe(clock.dueAt !== null && clock.minutesLeft! <= 0);
          if (clock.metAt) expect(clock.state).toBe(clock.dueAt && clock.metAt > clock.dueAt ? 'breached' : 'met');
          if (!clock.running && !clock.metAt) expect(['paused', 'breached']).toContain(clock.state);
          // At risk: running, time left, at most the threshold.
          expect(clock.atRisk).toBe(clock.state === 'running' && clock.minutesLeft! <= clock.atRiskMinutes!);
        }
        // The cheap summary agrees with the full view.
        expect(slaSummary(clocks.digest, now)).toEqual(clocks.summary);
      }),
      runs(300),
    );
  });

  it('minutes left never grow as time passes, and fall while a clock runs in business hours', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), ({ story, priority, calendar, last }, a, b) => {
        const digestCase = { priority, openedAt: story.openedAt };
        const t1 = new Date(last + a * MINUTE);
        const t2 = new Date(t1.getTime() + b * MINUTE);
        const c1 = caseClocks(digestCase, story.entries, TARGETS, calendar, t1);
        const c2 = caseClocks(digestCase, story.entries, TARGETS, calendar, t2);
        for (const kind of ['firstResponse', 'nextUpdate', 'resolution'] as const) {
          const x = c1[kind];
          const y = c2[kind];
          if (x.minutesLeft === null) continue;
          expect(y.minutesLeft!).toBeLessThanOrEqual(x.minutesLeft + 1e-9);
          if (x.running) {
            const cal = x.calendarHours ? ALWAYS_OPEN : calendar;
            expect(close(x.minutesLeft - y.minutesLeft!, businessMinutesBetween(t1, t2, cal))).toBe(true);
          } else expect(y.minutesLeft).toBe(x.minutesLeft);
        }
      }),
      runs(200),
    );
  });

  it('a wait on the customer never brings a due time forward; it pushes it by the business time it stopped', () => {
    const scenario = fc.record({
      opened,
      respondAfter: fc.integer({ min: 1, max: 600 }),
      waitAfter: fc.integer({ min: 1, max: 3000 }),
      waitFor: fc.integer({ min: 1, max: 6000 }),
      priority: fc.constantFrom('high', 'normal', 'urgent'),
      calendar: fc.constantFrom(...CALENDARS),
    });
    fc.assert(
      fc.property(scenario, ({ opened, respondAfter, waitAfter, waitFor, priority, calendar }) => {
        const iso = (m: number) => new Date(opened + m * MINUTE).toISOString();
        const base = () => new Story(iso(0)).on(iso(respondAfter), 'respond').on(iso(respondAfter), 'startWork');
        const plain = base();
        const waited = base().on(iso(respondAfter + waitAfter), 'waitOnCustomer').on(iso(respondAfter + waitAfter + waitFor), 'customerReplied');
        const now = new Date(opened + (respondAfter + waitAfter + waitFor) * MINUTE);
        const c = { priority, openedAt: iso(0) };
        const without = caseClocks(c, plain.entries, TARGETS, calendar, now);
        const withWait = caseClocks(c, waited.entries, TARGETS, calendar, now);
        for (const kind of ['nextUpdate', 'resolution'] as const) {
          const x = without[kind];
          const y = withWait[kind];
          expect(y.minutesLeft!).toBeGreaterThanOrEqual(x.minutesLeft! - 1e-9);
          expect(y.dueAt!.getTime()).toBeGreaterThanOrEqual(x.dueAt!.getTime());
          // When the due time was still ahead at the wait's start, it moves by exactly the business time of the wait.
          const waitStart = new Date(opened + (respondAfter + waitAfter) * MINUTE);
          if (x.dueAt! > waitStart) {
            const paused = businessMinutesBetween(waitStart, now, calendar);
            const moved = businessMinutesBetween(x.dueAt!, y.dueAt!, calendar);
            if (y.dueAt! > now) expect(close(moved, paused)).toBe(true);
          }
        }
      }),
      runs(300),
    );
  });

  it('a digest does not depend on `now`: one digest rates every instant like a fresh computation', () => {
    fc.assert(
      fc.property(history, fc.array(later, { minLength: 1, maxLength: 5 }), ({ story, priority, calendar, last }, offsets) => {
        const c = { priority, openedAt: story.openedAt };
        const digest = slaDigest(c, story.entries, TARGETS, calendar);
        for (const offset of offsets) {
          const now = new Date(last + offset * MINUTE);
          expect(slaSummary(digest, now)).toEqual(caseClocks(c, story.entries, TARGETS, calendar, now).summary);
        }
      }),
      runs(100),
    );
  });
});
