import { describe, expect, it } from 'vitest';
import {
  atRiskMinutes, breachForesight, caseClocks, DEFAULT_SLA_TARGETS, explainClock, initialSlaPolicy,
  nextSlaPolicy, pinSlaPolicy, policyForCase, slaDigest, slaSummary, targetsForCase, type SlaPolicyLike, type SlaTargets,
} from '@shared/cases';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { slaPolicySchema, type SupportCase } from '@shared/domain/case';
import { ALWAYS_OPEN, businessMinutesBetween } from '@shared/sla';
import { Story, WARSAW } from './story';

/**
 * Hand-worked cases on Europe/Warsaw 09:00-17:00 Monday to Friday, Easter
 * Monday (6 Apr 2026) a holiday. Warsaw is UTC+1 until Sun 29 Mar 2026 01:00Z,
 * then UTC+2. So in the week of 23 Mar, 09:00 local = 08:00Z and 17:00 =
 * 16:00Z; from Mon 30 Mar, 09:00 = 07:00Z and 17:00 = 15:00Z.
 */
const ACCOUNT = '01900000-0000-7000-8000-000000000001';
const iso = (d: Date | null) => d?.toISOString().replace('.000Z', 'Z') ?? null;
const at = (s: string) => new Date(s);

type Priority = SupportCase['priority'];
const kase = (priority: Priority, openedAt: string) => ({ priority, openedAt });

/** Small round targets for hand-working (high: 2 h first reply, 8 h update, 2 business days resolution). */
const TARGETS: SlaTargets = {
  urgent: { firstResponse: 60, nextUpdate: 240, resolution: 960, calendarHours: true },
  high: { firstResponse: 120, nextUpdate: 480, resolution: 960, calendarHours: false },
  normal: { firstResponse: 480, nextUpdate: 960, resolution: 4800, calendarHours: false },
  low: { firstResponse: 960, nextUpdate: 2400, resolution: null, calendarHours: false },
};

const clocksAt = (priority: Priority, story: Story, now: string, targets: SlaTargets = TARGETS, calendar: BusinessCalendar = WARSAW) =>
  caseClocks(kase(priority, story.openedAt), story.entries, targets, calendar, at(now));

describe('defaults and policies', () => {
  it('a case opened under the defaults (DOMAIN.md §2) is due when the terms say, a business day being 8 business hours', () => {
    // Opened Mon 23 Mar 09:00 CET (08:00Z), looked at a minute later.
    const due = (priority: Priority) => {
      const clocks = caseClocks(kase(priority, '2026-03-23T08:00:00Z'), [], DEFAULT_SLA_TARGETS, WARSAW, at('2026-03-23T08:01:00Z'));
      return [iso(clocks.firstResponse.dueAt), iso(clocks.resolution.dueAt)];
    };
    // Urgent: 1 h of calendar time (24x7) to the first reply, 2 business days to resolve (Tue 17:00 CET).
    expect(due('urgent')).toEqual(['2026-03-23T09:00:00Z', '2026-03-24T16:00:00Z']);
    // High: 2 business hours, then 5 business days (Fri 17:00 CET).
    expect(due('high')).toEqual(['2026-03-23T10:00:00Z', '2026-03-27T16:00:00Z']);
    // Normal: 1 business day, then 10 (the second week in CEST: Fri 3 Apr 17:00 = 15:00Z).
    expect(due('normal')).toEqual(['2026-03-23T16:00:00Z', '2026-04-03T15:00:00Z']);
    // Low: 2 business days, and no resolution target.
    expect(due('low')).toEqual(['2026-03-24T16:00:00Z', null]);
  });

  it('the first policy version is the defaults and passes the synced schema; the next one counts up', () => {
    const first = initialSlaPolicy(ACCOUNT, at('2026-01-01T00:00:00Z'));
    expect(first).toMatchObject({ accountId: ACCOUNT, version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', targets: DEFAULT_SLA_TARGETS });
    first.targets.high.firstResponse = 1; // a copy: the defaults stay as they are
    expect(DEFAULT_SLA_TARGETS.high.firstResponse).toBe(120);
    const meta = { id: '01900000-0000-7000-8000-0000000000aa', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    expect(slaPolicySchema.safeParse({ ...meta, ...initialSlaPolicy(ACCOUNT, at('2026-01-01T00:00:00Z')) }).success).toBe(true);
    const second = nextSlaPolicy([{ accountId: ACCOUNT, version: 1 }, { accountId: 'other', version: 7 }], ACCOUNT, TARGETS, at('2026-03-25T00:00:00Z'));
    expect(second.version).toBe(2);
  });

  describe('a case keeps the policy version it started under', () => {
    const policy = (n: number, effectiveFrom: string, targets: SlaTargets, over: Partial<SlaPolicyLike> = {}): SlaPolicyLike => ({
      id: `01900000-0000-7000-8000-00000000000${n}`, accountId: ACCOUNT, version: n, effectiveFrom, targets, ...over,
    });
    const v1 = policy(1, '2026-01-01T00:00:00Z', DEFAULT_SLA_TARGETS);
    const v2 = policy(2, '2026-03-25T00:00:00Z', TARGETS);
    const otherAccount = policy(3, '2026-01-01T00:00:00Z', TARGETS, { accountId: '01900000-0000-7000-8000-000000000002', version: 9 });
    const policies = [v2, otherAccount, v1];
    const unpinned = (openedAt: string) => ({ accountId: ACCOUNT, openedAt, slaPolicyId: null, slaPolicyVersion: null });

    it('unpinned: the latest version in force when the case opened', () => {
      expect(policyForCase(unpinned('2026-03-24T10:00:00Z'), policies)).toBe(v1);
      expect(policyForCase(unpinned('2026-03-26T10:00:00Z'), policies)).toBe(v2);
      // Opened before the account had any policy: its first one.
      expect(policyForCase(unpinned('2025-06-01T10:00:00Z'), policies)).toBe(v1);
    });

    it('pinned by id or by version: kept after a newer version is published, even a back-dated or tombstoned one', () => {
      const pin = pinSlaPolicy(unpinned('2026-03-24T10:00:00Z'), policies);
      expect(pin).toEqual({ slaPolicyId: v1.id, slaPolicyVersion: 1 });
      const v3 = policy(3, '2020-01-01T00:00:00Z', TARGETS);
      const later = [...policies, v3];
      expect(policyForCase(unpinned('2026-03-24T10:00:00Z'), later)).toBe(v3); // what an unpinned case would get
      expect(policyForCase({ ...unpinned('2026-03-24T10:00:00Z'), ...pin }, later)).toBe(v1);
      expect(policyForCase({ ...unpinned('2026-03-24T10:00:00Z'), slaPolicyId: null, slaPolicyVersion: 2 }, later)).toBe(v2);
      const tombstoned = { ...v1, deletedAt: '2026-04-01T00:00:00Z' };
      expect(policyForCase({ ...unpinned('2026-03-24T10:00:00Z'), ...pin }, [tombstoned, v2, v3])).toBe(tombstoned);
    });

    it('no policy for the account: the defaults', () => {
      expect(policyForCase(unpinned('2026-03-24T10:00:00Z'), [otherAccount])).toBeUndefined();
      expect(targetsForCase(unpinned('2026-03-24T10:00:00Z'), [otherAccount])).toEqual(DEFAULT_SLA_TARGETS);
    });

    it('the clocks follow the version: the same case is due later under v1 than under v2', () => {
      // High priority opened Thu 26 Mar 10:00 CET: v1 first reply 120 min -> 12:00 CET; v2 (TARGETS) is 120 too, resolution differs.
      const story = new Story('2026-03-26T09:00:00Z');
      const c = { ...unpinned(story.openedAt), priority: 'high' as const, slaPolicyId: v1.id, slaPolicyVersion: 1 };
      const pinnedPolicy = policyForCase(c, [...policies, policy(3, '2020-01-01T00:00:00Z', TARGETS)])!;
      const resolution = caseClocks(c, story.entries, pinnedPolicy, WARSAW, at('2026-03-26T10:00:00Z')).resolution;
      // v1 high resolution = 5 business days = 2400 min from Thu 10:00 CET: Thu 420, Fri 480, (DST weekend) Mon-Wed 1440, Thu 2 Apr +60 -> 10:00 CEST.
      expect(iso(resolution.dueAt)).toBe('2026-04-02T08:00:00Z');
      const underV2 = caseClocks(c, story.entries, v2, WARSAW, at('2026-03-26T10:00:00Z')).resolution;
      expect(iso(underV2.dueAt)).toBe('2026-03-30T08:00:00Z'); // 960: Thu 420 + Fri 480 + Mon 60
    });
  });
});

describe('first response', () => {
  it('met: normal priority (8 business hours) opened Thu 10:00, answered Fri 09:30', () => {
    // Thu 26 Mar 10:00 CET = 09:00Z. 420 min on Thursday, 60 on Friday: due Fri 10:00 CET = 09:00Z.
    const story = new Story('2026-03-26T09:00:00Z').on('2026-03-27T08:30:00Z', 'respond');
    const clock = clocksAt('normal', story, '2026-03-27T12:00:00Z').firstResponse;
    expect(clock).toMatchObject({ state: 'met', running: false, targetMinutes: 480, minutesLeft: 30, atRisk: false });
    expect(iso(clock.dueAt)).toBe('2026-03-27T09:00:00Z');
    expect(iso(clock.metAt)).toBe('2026-03-27T08:30:00Z');
  });

  it('breached: answered half an hour late, and unanswered past the due time', () => {
    const late = new Story('2026-03-26T09:00:00Z').on('2026-03-27T09:30:00Z', 'respond');
    const clock = clocksAt('normal', late, '2026-03-27T12:00:00Z').firstResponse;
    expect(clock).toMatchObject({ state: 'breached', running: false, minutesLeft: -30 });
    expect(iso(clock.dueAt)).toBe('2026-03-27T09:00:00Z');
    expect(iso(clock.metAt)).toBe('2026-03-27T09:30:00Z');

    const silent = new Story('2026-03-26T09:00:00Z');
    const open = clocksAt('normal', silent, '2026-03-27T10:00:00Z');
    expect(open.firstResponse).toMatchObject({ state: 'breached', running: true, minutesLeft: -60, metAt: null });
    expect(open.summary).toMatchObject({ state: 'breached', clock: 'first-response' });
    expect(iso(open.summary.nextDueAt)).toBe('2026-03-27T09:00:00Z');
  });

  it('across the spring-forward weekend: Fri 16:00 CET + 2 business hours is Mon 10:00 CEST', () => {
    // Fri 27 Mar 16:00 CET = 15:00Z: 60 min Friday; Mon 30 Mar 09:00 CEST = 07:00Z + 60 = 08:00Z.
    const story = new Story('2026-03-27T15:00:00Z');
    const friday = clocksAt('high', story, '2026-03-27T15:30:00Z').firstResponse;
    expect(friday).toMatchObject({ state: 'running', minutesLeft: 90, atRisk: false, atRiskMinutes: 30 });
    expect(iso(friday.dueAt)).toBe('2026-03-30T08:00:00Z');

    const segments = explainClock(friday, WARSAW).map((s) => [s.kind, s.localDate, s.minutes, s.dstShiftMinutes]);
    expect(segments).toEqual([
      ['business', '2026-03-27', 60, 0],
      ['outside-hours', '2026-03-27', 420, 0],
      ['closed-day', '2026-03-28', 1440, 0],
      ['closed-day', '2026-03-29', 1380, -60],
      ['outside-hours', '2026-03-30', 540, 0],
      ['business', '2026-03-30', 60, 0],
    ]);

    // Over the weekend nothing is used up.
    expect(clocksAt('high', story, '2026-03-29T12:00:00Z').firstResponse.minutesLeft).toBe(60);
  });

  it('at risk from 30 minutes left (a 2 h target), breached with 0 left', () => {
    const story = new Story('2026-03-27T15:00:00Z');
    const at0729 = clocksAt('high', story, '2026-03-30T07:29:00Z');
    expect(at0729.firstResponse).toMatchObject({ state: 'running', minutesLeft: 31, atRisk: false });
    expect(at0729.summary.state).toBe('on-track');
    const at0730 = clocksAt('high', story, '2026-03-30T07:30:00Z');
    expect(at0730.firstResponse).toMatchObject({ state: 'running', minutesLeft: 30, atRisk: true });
    expect(at0730.summary.state).toBe('at-risk');
    expect(clocksAt('high', story, '2026-03-30T08:00:00Z').firstResponse).toMatchObject({ state: 'breached', minutesLeft: 0, atRisk: false });
  });

  it('across Easter Monday: Fri 3 Apr 16:00 CEST + 2 business hours is Tue 7 Apr 10:00', () => {
    const story = new Story('2026-04-03T14:00:00Z');
    const clock = clocksAt('high', story, '2026-04-03T14:00:00Z').firstResponse;
    expect(iso(clock.dueAt)).toBe('2026-04-07T08:00:00Z');
    expect(explainClock(clock, WARSAW).filter((s) => s.kind === 'holiday').map((s) => s.localDate)).toEqual(['2026-04-06']);
  });

  it('urgent: 1 hour of calendar time (24x7), at night across the clock change', () => {
    // Sun 29 Mar 01:30 CET = 00:30Z; one real hour later is 01:30Z = 03:30 CEST.
    const story = new Story('2026-03-29T00:30:00Z');
    const clocks = clocksAt('urgent', story, '2026-03-29T01:00:00Z');
    expect(clocks.firstResponse).toMatchObject({ calendarHours: true, state: 'running', minutesLeft: 30, atRisk: true });
    expect(iso(clocks.firstResponse.dueAt)).toBe('2026-03-29T01:30:00Z');
    expect(explainClock(clocks.firstResponse, WARSAW).every((s) => s.kind === 'business')).toBe(true);
    // Resolution stays on business hours: 960 min from Mon 30 Mar 09:00 CEST is Tue 31 Mar 17:00 CEST.
    expect(clocks.resolution.calendarHours).toBe(false);
    expect(iso(clocks.resolution.dueAt)).toBe('2026-03-31T15:00:00Z');
    // The default urgent target is calendar hours too.
    expect(iso(caseClocks(kase('urgent', story.openedAt), story.entries, DEFAULT_SLA_TARGETS, WARSAW, at('2026-03-29T01:00:00Z')).firstResponse.dueAt)).toBe('2026-03-29T01:30:00Z');
    // ALWAYS_OPEN is real time.
    expect(businessMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), ALWAYS_OPEN)).toBe(1380);
  });
});

describe('waiting on the customer pauses; waiting on a mailbox provider does not', () => {
  // High (TARGETS): opened Mon 23 Mar 09:00 CET = 08:00Z, answered 09:30, work started.
  // Without a pause, resolution (960) is due Tue 24 Mar 17:00 CET = 16:00Z.
  const started = () => new Story('2026-03-23T08:00:00Z').on('2026-03-23T08:30:00Z', 'respond').on('2026-03-23T08:30:00Z', 'startWork');

  it('without a pause: due Tue 17:00', () => {
    expect(iso(clocksAt('high', started(), '2026-03-23T12:00:00Z').resolution.dueAt)).toBe('2026-03-24T16:00:00Z');
  });

  it('a wait Mon 14:00 to Tue 11:00 (300 business minutes) pushes resolution by exactly 300 business minutes', () => {
    const story = started().on('2026-03-23T13:00:00Z', 'waitOnCustomer');

    // While waiting: paused, due unknown, minutes frozen (Mon 09:00-14:00 used: 300 of 960).
    const waiting = clocksAt('high', story, '2026-03-24T09:00:00Z');
    expect(waiting.resolution).toMatchObject({ state: 'paused', running: false, dueAt: null, minutesLeft: 660 });
    expect(waiting.resolution.pauses).toEqual([{ start: at('2026-03-23T13:00:00Z'), end: null, cause: 'waiting-on-customer' }]);
    // The next update is paused too (Mon 09:30-14:00 used: 270 of 480).
    expect(waiting.nextUpdate).toMatchObject({ state: 'paused', minutesLeft: 210 });
    expect(waiting.summary).toMatchObject({ state: 'paused', nextDueAt: null });
    // Hours later, still frozen.
    expect(clocksAt('high', story, '2026-03-24T09:59:00Z').resolution.minutesLeft).toBe(660);

    story.on('2026-03-24T10:00:00Z', 'customerReplied');
    const after = clocksAt('high', story, '2026-03-24T11:00:00Z');
    expect(after.resolution).toMatchObject({ state: 'running', minutesLeft: 600 });
    // Tue 11:00-17:00 = 360, then 300 on Wednesday: Wed 25 Mar 14:00 CET = 13:00Z.
    expect(iso(after.resolution.dueAt)).toBe('2026-03-25T13:00:00Z');
    expect(businessMinutesBetween(at('2026-03-24T16:00:00Z'), after.resolution.dueAt!, WARSAW)).toBe(300);
    expect(after.resolution.pauses).toEqual([{ start: at('2026-03-23T13:00:00Z'), end: at('2026-03-24T10:00:00Z'), cause: 'waiting-on-customer' }]);
    // Next update: 270 used before the wait, 210 left from Tue 11:00 CET: due 14:30 CET.
    expect(iso(after.nextUpdate.dueAt)).toBe('2026-03-24T13:30:00Z');
    expect(after.nextUpdate.minutesLeft).toBe(150);

    // The explanation shows the paused business time with its cause, and adds up to the target.
    const segments = explainClock(after.resolution, WARSAW);
    expect(segments.filter((s) => s.kind === 'paused').map((s) => [s.localDate, s.minutes, s.kind === 'paused' ? s.causes : []])).toEqual([
      ['2026-03-23', 180, ['waiting-on-customer']],
      ['2026-03-24', 120, ['waiting-on-customer']],
    ]);
    expect(segments.filter((s) => s.kind === 'business').reduce((n, s) => n + s.minutes, 0)).toBe(960);
  });

  it('a wait on a mailbox provider over the same hours leaves resolution due Tue 17:00 and is measured on its own', () => {
    const story = started().on('2026-03-23T13:00:00Z', 'waitOnProvider');
    const waiting = clocksAt('high', story, '2026-03-24T09:00:00Z');
    expect(waiting.resolution).toMatchObject({ state: 'running', minutesLeft: 960 - 480 - 60 }); // all of Monday and Tue 09:00-10:00 count
    expect(iso(waiting.resolution.dueAt)).toBe('2026-03-24T16:00:00Z');
    expect(waiting.providerWait).toMatchObject({ waitingSince: at('2026-03-23T13:00:00Z'), minutes: 180 + 60 });
    // The agent still owes progress updates: 480 min from Mon 09:30 CET ran out Tue 09:30 CET.
    expect(waiting.nextUpdate).toMatchObject({ state: 'breached', running: true, minutesLeft: -30 });
    expect(iso(waiting.nextUpdate.dueAt)).toBe('2026-03-24T08:30:00Z');
    expect(waiting.summary).toMatchObject({ state: 'breached', clock: 'next-update', everBreached: true });

    story.on('2026-03-24T10:00:00Z', 'providerReplied');
    const after = clocksAt('high', story, '2026-03-24T12:00:00Z');
    expect(iso(after.resolution.dueAt)).toBe('2026-03-24T16:00:00Z');
    expect(after.providerWait).toEqual({
      waitingSince: null,
      minutes: 300,
      intervals: [{ start: at('2026-03-23T13:00:00Z'), end: at('2026-03-24T10:00:00Z') }],
    });
  });

  it('a progress update restarts the next-update clock', () => {
    const story = started().on('2026-03-24T08:00:00Z', 'sendUpdate');
    const clocks = clocksAt('high', story, '2026-03-24T09:00:00Z');
    expect(clocks.nextUpdate).toMatchObject({ state: 'running', minutesLeft: 420, startedAt: at('2026-03-24T08:00:00Z') });
    expect(iso(clocks.nextUpdate.dueAt)).toBe('2026-03-24T16:00:00Z');
  });

  it('before the first response there is no next-update clock', () => {
    const clocks = clocksAt('high', new Story('2026-03-23T08:00:00Z'), '2026-03-23T09:00:00Z');
    expect(clocks.nextUpdate).toMatchObject({ state: 'not-applicable', dueAt: null, minutesLeft: null, span: null });
    expect(explainClock(clocks.nextUpdate, WARSAW)).toEqual([]);
  });
});

describe('resolution and reopen', () => {
  // High (TARGETS): opened Mon 23 Mar 09:00 CET, resolved Mon 12:00 CET after both confirmations (180 min used).
  const resolved = () =>
    new Story('2026-03-23T08:00:00Z')
      .on('2026-03-23T08:30:00Z', 'respond')
      .on('2026-03-23T10:00:00Z', 'proposeResolution')
      .on('2026-03-23T10:30:00Z', 'confirmByCustomer')
      .on('2026-03-23T11:00:00Z', 'confirmByProvider');

  it('resolved in time: every clock is stopped and the case has met its SLA', () => {
    const clocks = clocksAt('high', resolved(), '2026-03-24T12:00:00Z');
    expect(clocks.resolution).toMatchObject({ state: 'met', running: false, minutesLeft: 780 });
    expect(iso(clocks.resolution.metAt)).toBe('2026-03-23T11:00:00Z');
    expect(iso(clocks.resolution.dueAt)).toBe('2026-03-24T16:00:00Z');
    expect(clocks.firstResponse.state).toBe('met');
    expect(clocks.nextUpdate).toMatchObject({ state: 'met', running: false });
    expect(clocks.summary).toEqual({ state: 'met', nextDueAt: null, clock: null, everBreached: false });
  });

  it('after a reopen the resolution clock continues: time while resolved does not count', () => {
    // Reopened Wed 25 Mar 09:00 CET = 08:00Z. At 10:00 CET: 180 + 60 used, 720 left;
    // due 780 min after Wed 09:00 CET: 480 on Wednesday, 300 on Thursday: Thu 26 Mar 14:00 CET = 13:00Z.
    const story = resolved().on('2026-03-25T08:00:00Z', 'reopen');
    expect(story.state.reopenCount).toBe(1);
    const clocks = clocksAt('high', story, '2026-03-25T09:00:00Z');
    expect(clocks.resolution).toMatchObject({ state: 'running', minutesLeft: 720, metAt: null });
    expect(iso(clocks.resolution.dueAt)).toBe('2026-03-26T13:00:00Z');
    expect(clocks.resolution.pauses).toEqual([{ start: at('2026-03-23T11:00:00Z'), end: at('2026-03-25T08:00:00Z'), cause: 'resolved' }]);
    // The next update counts from the reopen: Wed 09:00 + 480 = Wed 17:00 CET.
    expect(iso(clocks.nextUpdate.dueAt)).toBe('2026-03-25T16:00:00Z');
    expect(clocks.summary.state).toBe('on-track');
    // The explanation shows the resolved days as paused.
    const paused = explainClock(clocks.resolution, WARSAW).filter((s) => s.kind === 'paused').map((s) => [s.localDate, s.minutes]);
    expect(paused).toEqual([['2026-03-23', 300], ['2026-03-24', 480]]);
  });

  it('resolved, closed, reopened: both stopped stretches are paused', () => {
    const story = resolved().on('2026-03-23T15:00:00Z', 'close').on('2026-03-25T08:00:00Z', 'reopen');
    const clocks = clocksAt('high', story, '2026-03-25T09:00:00Z');
    expect(clocks.resolution.pauses.map((p) => p.cause)).toEqual(['resolved', 'closed']);
    expect(clocks.resolution.minutesLeft).toBe(720);
  });

  it('resolved late: breached, with the instant it was met', () => {
    // 960 min run out Tue 24 Mar 17:00 CET; resolved Wed 25 Mar 10:00 CET (60 min over).
    const story = new Story('2026-03-23T08:00:00Z')
      .on('2026-03-23T08:30:00Z', 'respond')
      .on('2026-03-25T08:00:00Z', 'proposeResolution')
      .on('2026-03-25T08:30:00Z', 'confirmByProvider')
      .on('2026-03-25T09:00:00Z', 'confirmByCustomer');
    const clocks = clocksAt('high', story, '2026-03-26T09:00:00Z');
    expect(clocks.resolution).toMatchObject({ state: 'breached', running: false, minutesLeft: -60 });
    expect(iso(clocks.resolution.dueAt)).toBe('2026-03-24T16:00:00Z');
    expect(iso(clocks.resolution.metAt)).toBe('2026-03-25T09:00:00Z');
    expect(clocks.summary).toMatchObject({ state: 'breached', everBreached: true, nextDueAt: null });
  });

  it('low priority has no resolution target', () => {
    const clocks = clocksAt('low', new Story('2026-03-23T08:00:00Z').on('2026-03-23T09:00:00Z', 'respond'), '2026-03-23T10:00:00Z', DEFAULT_SLA_TARGETS);
    expect(clocks.resolution).toMatchObject({ state: 'not-applicable', dueAt: null });
    expect(clocks.summary.state).toBe('on-track');
  });
});

describe('at-risk threshold', () => {
  it('a quarter of the target, at least 30 min, at most half', () => {
    expect([20, 60, 120, 480, 960, 4800].map(atRiskMinutes)).toEqual([10, 30, 30, 120, 240, 1200]);
  });

  it('resolution (960) turns at risk with 240 business minutes left', () => {
    // High, opened Mon 23 Mar 09:00 CET, answered: 720 used at Tue 13:00 CET (12:00Z).
    const story = new Story('2026-03-23T08:00:00Z').on('2026-03-23T08:30:00Z', 'respond').on('2026-03-23T08:35:00Z', 'sendUpdate');
    const before = clocksAt('high', story, '2026-03-24T11:59:00Z');
    expect(before.resolution).toMatchObject({ minutesLeft: 241, atRisk: false });
    const after = clocksAt('high', story, '2026-03-24T12:00:00Z');
    expect(after.resolution).toMatchObject({ minutesLeft: 240, atRisk: true });
  });
});

describe('summary and foresight from a digest', () => {
  it('the summary of a digest is the same as the full view, at any instant', () => {
    const story = new Story('2026-03-27T15:00:00Z');
    const digest = slaDigest(kase('high', story.openedAt), story.entries, TARGETS, WARSAW);
    for (const now of ['2026-03-27T15:30:00Z', '2026-03-30T07:30:00Z', '2026-03-30T08:00:00Z']) {
      expect(slaSummary(digest, at(now))).toEqual(clocksAt('high', story, now).summary);
    }
  });

  it('breachForesight: the clocks that will breach before the end of the TAM’s day', () => {
    // Opened Fri 27 Mar 16:00 CET, high: first reply due Mon 30 Mar 10:00 CEST (08:00Z); resolution 960 due Tue 31 Mar 16:00 CEST (14:00Z).
    const story = new Story('2026-03-27T15:00:00Z');
    const digest = slaDigest(kase('high', story.openedAt), story.entries, TARGETS, WARSAW);
    expect(breachForesight(digest, at('2026-03-27T16:00:00Z'), at('2026-03-27T15:30:00Z'))).toEqual([]);
    expect(breachForesight(digest, at('2026-03-30T15:00:00Z'), at('2026-03-30T06:00:00Z'))).toEqual([{ kind: 'first-response', dueAt: at('2026-03-30T08:00:00Z') }]);
    expect(breachForesight(digest, at('2026-03-31T15:00:00Z'), at('2026-03-30T06:00:00Z'))).toEqual([
      { kind: 'first-response', dueAt: at('2026-03-30T08:00:00Z') },
      { kind: 'resolution', dueAt: at('2026-03-31T14:00:00Z') },
    ]);
    // Already breached: not a foresight any more.
    expect(breachForesight(digest, at('2026-03-30T15:00:00Z'), at('2026-03-30T09:00:00Z'))).toEqual([]);
    // Paused clocks cannot breach.
    story.on('2026-03-30T07:10:00Z', 'respond').on('2026-03-30T07:20:00Z', 'waitOnCustomer');
    const waiting = slaDigest(kase('high', story.openedAt), story.entries, TARGETS, WARSAW);
    expect(breachForesight(waiting, at('2026-04-30T15:00:00Z'), at('2026-03-30T08:00:00Z'))).toEqual([]);
  });

  it('a calendar without business hours never makes a clock due, and does not throw', () => {
    const closed: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: [], holidays: [] };
    const story = new Story('2026-03-23T08:00:00Z');
    const clocks = clocksAt('high', story, '2026-03-24T08:00:00Z', TARGETS, closed);
    expect(clocks.resolution).toMatchObject({ state: 'running', dueAt: null, minutesLeft: 960 });
    expect(clocks.digest.resolution.noBusinessHours).toBe(true);
  });
});

