import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertKey, dueAlerts, foresight, foresightUntil, nextAlertCheck, type Alert } from '@shared/cases/alerts';
import type { CaseEventType } from '@shared/cases';
import { openStatus } from '@shared/calendar/open-status';
import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { summarizeCase, type CaseSummary } from '@shared/cases/summary';
import type { SupportCase } from '@shared/domain/case';
import { Story, weekdays } from './story';

/**
 * The TAM works Europe/Warsaw 09:00-17:00 Monday to Friday; the customers'
 * accounts run on America/New_York 09:00-17:00 Monday to Friday. In April
 * 2026 both are on summer time: Warsaw UTC+2 (the TAM works 07:00Z-15:00Z),
 * New York UTC-4 (the accounts' clocks run 13:00Z-21:00Z). Mon 13 Apr 2026
 * is a Monday. Default SLA targets (no policy): urgent first reply 60
 * calendar minutes (24x7), next update 240 business minutes, resolution 960;
 * high 120 / 480 / 2400 business minutes; normal first reply 480.
 */
const TAM: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00'), holidays: [] };
const NEW_YORK: BusinessCalendar = { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00'), holidays: [] };
const account = { name: 'Hudson Mail Co', calendar: NEW_YORK };

const at = (s: string) => new Date(s);
const ms = (s: string) => Date.parse(s);
const iso = (d: Date | null) => d?.toISOString().replace('.000Z', 'Z') ?? null;
const NONE: ReadonlySet<string> = new Set();

type Step = [string, CaseEventType];

/** A case told through the lifecycle (Story), summarised as the app keeps it. Steps are [ISO instant, event]. */
function kase(id: string, priority: SupportCase['priority'], openedAt: string, steps: Step[] = [], over: Partial<SupportCase> = {}): CaseSummary {
  const story = new Story(openedAt);
  for (const [when, event] of steps) story.on(when, event);
  const c: SupportCase = {
    id, createdAt: openedAt, updatedAt: openedAt, deletedAt: null, clocks: {}, accountId: 'acc-ny',
    title: `Case ${id}`, description: '', problemType: 'service-problem', priority, channel: 'platform-panel', agent: 'Ann Agent',
    status: story.state.status, escalated: story.state.escalated, escalationReason: story.state.escalationReason,
    slaPolicyId: null, slaPolicyVersion: null, openedAt, reopenCount: story.state.reopenCount, ...over,
  };
  return summarizeCase(c, account, story.entries.map((e) => ({ ...e, deletedAt: null })), []);
}

/** Escalated a minute after it opened. */
const escalated = (id: string, priority: SupportCase['priority'], openedAt: string, steps: Step[] = [], over: Partial<SupportCase> = {}) =>
  kase(id, priority, openedAt, [[new Date(ms(openedAt) + 60_000).toISOString(), 'escalate'], ...steps], over);

const brief = (alerts: Alert[]) => alerts.map((a) => [a.caseId, a.clock, a.kind, iso(a.dueAt)]);

describe('dueAlerts', () => {
  // Urgent, opened Tue 14 Apr 13:30Z: first reply due 14:30Z (calendar time), inside the TAM's day.
  const urgent = escalated('urgent', 'urgent', '2026-04-14T13:30:00.000Z');

  it('imminent from 30 real minutes before the due instant: at 29 minutes before, not at 31', () => {
    expect(iso(new Date(urgent.sla.firstResponse.dueAt!))).toBe('2026-04-14T14:30:00Z');
    expect(dueAlerts([urgent], at('2026-04-14T13:59:00Z'), TAM, NONE)).toEqual([]);
    const alerts = dueAlerts([urgent], at('2026-04-14T14:01:00Z'), TAM, NONE);
    expect(alerts).toEqual([{
      key: `urgent:first-response:imminent:${ms('2026-04-14T14:30:00Z')}`,
      caseId: 'urgent', clock: 'first-response', kind: 'imminent', dueAt: at('2026-04-14T14:30:00Z'),
      title: 'Case urgent', accountName: 'Hudson Mail Co',
    }]);
    // The edges: exactly 30 minutes before is imminent; a millisecond earlier is not.
    expect(brief(dueAlerts([urgent], at('2026-04-14T14:00:00Z'), TAM, NONE))).toEqual([['urgent', 'first-response', 'imminent', '2026-04-14T14:30:00Z']]);
    expect(dueAlerts([urgent], new Date(ms('2026-04-14T14:00:00Z') - 1), TAM, NONE)).toEqual([]);
  });

  it('30 minutes are real minutes, not the account\'s business minutes', () => {
    // High, opened Tue 13:00Z (09:00 New York): 120 business minutes, due 15:00Z. At 14:31Z 29 real minutes are left.
    const high = escalated('high', 'high', '2026-04-14T13:00:00.000Z');
    expect(brief(dueAlerts([high], at('2026-04-14T14:31:00Z'), TAM, NONE))).toEqual([['high', 'first-response', 'imminent', '2026-04-14T15:00:00Z']]);
    expect(dueAlerts([high], at('2026-04-14T14:29:00Z'), TAM, NONE)).toEqual([]);
  });

  it('breached from the due instant on', () => {
    expect(brief(dueAlerts([urgent], at('2026-04-14T14:30:00Z'), TAM, NONE))).toEqual([['urgent', 'first-response', 'breached', '2026-04-14T14:30:00Z']]);
    const later = dueAlerts([urgent], at('2026-04-14T14:45:00Z'), TAM, NONE);
    expect(later.map((a) => a.key)).toEqual([`urgent:first-response:breached:${ms('2026-04-14T14:30:00Z')}`]);
  });

  it('one alert per clock: the next-update clock of a case answered but not updated', () => {
    // Responded Mon 13:30Z: next update 480 business minutes later, Tue 13:30Z (450 on Monday, 30 on Tuesday).
    const answered = escalated('answered', 'high', '2026-04-13T13:00:00.000Z', [['2026-04-13T13:30:00.000Z', 'respond']]);
    expect(brief(dueAlerts([answered], at('2026-04-14T14:00:00Z'), TAM, NONE))).toEqual([['answered', 'next-update', 'breached', '2026-04-14T13:30:00Z']]);
  });

  it('earliest due first, breaches before warnings', () => {
    const overdue = escalated('overdue', 'urgent', '2026-04-14T12:00:00.000Z'); // due 13:00Z
    const alerts = dueAlerts([urgent, overdue], at('2026-04-14T14:05:00Z'), TAM, NONE);
    expect(brief(alerts)).toEqual([
      ['overdue', 'first-response', 'breached', '2026-04-14T13:00:00Z'],
      ['urgent', 'first-response', 'imminent', '2026-04-14T14:30:00Z'],
    ]);
  });

  it('not for a case that is not escalated', () => {
    const plain = kase('plain', 'urgent', '2026-04-14T13:30:00.000Z');
    expect(plain.escalated).toBe(false);
    expect(dueAlerts([plain], at('2026-04-14T14:45:00Z'), TAM, NONE)).toEqual([]);
  });

  it('not for a resolved or closed case, nor a tombstoned one', () => {
    // Urgent, responded Mon 13:10Z: the next update was due Mon 17:10Z (240 business minutes), so it is breached on Tuesday...
    const respond: Step[] = [['2026-04-13T13:10:00.000Z', 'respond']];
    const open = escalated('open', 'urgent', '2026-04-13T13:00:00.000Z', respond);
    const tuesday = at('2026-04-14T14:00:00Z');
    expect(brief(dueAlerts([open], tuesday, TAM, NONE))).toEqual([['open', 'next-update', 'breached', '2026-04-13T17:10:00Z']]);
    // ...unless it was resolved (both sides confirmed), or closed after that.
    const resolution: Step[] = [
      ...respond,
      ['2026-04-13T13:20:00.000Z', 'proposeResolution'],
      ['2026-04-13T13:30:00.000Z', 'confirmByCustomer'],
      ['2026-04-13T13:40:00.000Z', 'confirmByProvider'],
    ];
    const resolved = escalated('resolved', 'urgent', '2026-04-13T13:00:00.000Z', resolution);
    const closed = escalated('closed', 'urgent', '2026-04-13T13:00:00.000Z', [...resolution, ['2026-04-13T13:50:00.000Z', 'close']]);
    expect([resolved.status, closed.status]).toEqual(['resolved', 'closed']);
    expect(dueAlerts([resolved, closed], tuesday, TAM, NONE)).toEqual([]);
    const gone = escalated('gone', 'urgent', '2026-04-13T13:00:00.000Z', respond, { deletedAt: '2026-04-13T14:00:00.000Z' });
    expect(dueAlerts([gone], tuesday, TAM, NONE)).toEqual([]);
  });

  it('not while the case waits on the customer (its clocks are paused)', () => {
    const waiting = escalated('waiting', 'high', '2026-04-13T13:00:00.000Z', [
      ['2026-04-13T13:30:00.000Z', 'respond'],
      ['2026-04-13T13:40:00.000Z', 'waitOnCustomer'],
    ]);
    expect(waiting.status).toBe('waiting-on-customer');
    // Without the wait the next update would have been breached since Tue 13:30Z (above).
    expect(dueAlerts([waiting], at('2026-04-14T14:00:00Z'), TAM, NONE)).toEqual([]);
    expect(dueAlerts([waiting], at('2026-04-20T14:00:00Z'), TAM, NONE)).toEqual([]);
  });

  it('alreadySent suppresses an alert shown before', () => {
    const now = at('2026-04-14T14:01:00Z');
    const [alert] = dueAlerts([urgent], now, TAM, NONE);
    expect(dueAlerts([urgent], now, TAM, new Set([alert!.key]))).toEqual([]);
    expect(dueAlerts([urgent], at('2026-04-14T14:20:00Z'), TAM, new Set([alert!.key]))).toEqual([]);
    // The breach is another alert.
    expect(brief(dueAlerts([urgent], at('2026-04-14T14:30:00Z'), TAM, new Set([alert!.key])))).toEqual([['urgent', 'first-response', 'breached', '2026-04-14T14:30:00Z']]);
  });

  it('a due time that moves (a pause) makes a new key', () => {
    const steps: Step[] = [['2026-04-13T13:30:00.000Z', 'respond']];
    const before = escalated('moved', 'high', '2026-04-13T13:00:00.000Z', steps);
    const [first] = dueAlerts([before], at('2026-04-14T13:05:00Z'), TAM, NONE);
    expect(first).toMatchObject({ clock: 'next-update', kind: 'imminent', dueAt: at('2026-04-14T13:30:00Z') });
    // Waiting on the customer 13:10Z-13:40Z stops the clock for 30 minutes: now due 14:00Z.
    const after = escalated('moved', 'high', '2026-04-13T13:00:00.000Z', [
      ...steps,
      ['2026-04-14T13:10:00.000Z', 'waitOnCustomer'],
      ['2026-04-14T13:40:00.000Z', 'customerReplied'],
    ]);
    const sent = new Set([first!.key]);
    const [second] = dueAlerts([after], at('2026-04-14T13:45:00Z'), TAM, sent);
    expect(second).toMatchObject({ clock: 'next-update', kind: 'imminent', dueAt: at('2026-04-14T14:00:00Z') });
    expect(second!.key).toBe(`moved:next-update:imminent:${ms('2026-04-14T14:00:00Z')}`);
    expect(second!.key).not.toBe(first!.key);
  });

  describe('never outside the TAM\'s working hours', () => {
    // High, opened Tue 13:00Z: due 15:00Z, the instant the TAM's day ends (17:00 Warsaw).
    const atClose = escalated('at-close', 'high', '2026-04-14T13:00:00.000Z');
    // High, opened Tue 16:00Z (12:00 New York): due 18:00Z, its imminent window 17:30Z-18:00Z wholly after the TAM's day.
    const evening = escalated('evening', 'high', '2026-04-14T16:00:00.000Z');
    const wednesday = at('2026-04-15T07:00:00Z');

    it('nothing while the TAM is off, whatever is due', () => {
      expect(dueAlerts([atClose], at('2026-04-14T15:00:00Z'), TAM, NONE)).toEqual([]);
      expect(dueAlerts([atClose, evening], at('2026-04-14T17:45:00Z'), TAM, NONE)).toEqual([]);
      expect(dueAlerts([atClose, evening], at('2026-04-14T20:00:00Z'), TAM, NONE)).toEqual([]);
      expect(dueAlerts([atClose, evening], at('2026-04-15T06:59:00Z'), TAM, NONE)).toEqual([]);
      // Saturday, with an urgent case breaching at 11:00Z.
      const saturday = escalated('saturday', 'urgent', '2026-04-18T10:00:00.000Z');
      expect(dueAlerts([saturday], at('2026-04-18T12:00:00Z'), TAM, NONE)).toEqual([]);
      expect(brief(dueAlerts([saturday], at('2026-04-20T07:00:00Z'), TAM, NONE))).toEqual([['saturday', 'first-response', 'breached', '2026-04-18T11:00:00Z']]);
    });

    it('at the next opening, a breach is sent once; an imminent window that passed meanwhile is not', () => {
      const alerts = dueAlerts([atClose, evening], wednesday, TAM, NONE);
      expect(brief(alerts)).toEqual([
        ['at-close', 'first-response', 'breached', '2026-04-14T15:00:00Z'],
        ['evening', 'first-response', 'breached', '2026-04-14T18:00:00Z'],
      ]);
      const sent = new Set(alerts.map((a) => a.key));
      expect(dueAlerts([atClose, evening], wednesday, TAM, sent)).toEqual([]);
      expect(dueAlerts([atClose, evening], at('2026-04-15T10:00:00Z'), TAM, sent)).toEqual([]);
    });

    it('an imminent window that is still running at the opening is sent', () => {
      // Urgent, opened Wed 06:15Z: due 07:15Z, imminent from 06:45Z, before the TAM starts.
      const early = escalated('early', 'urgent', '2026-04-15T06:15:00.000Z');
      expect(dueAlerts([early], at('2026-04-15T06:50:00Z'), TAM, NONE)).toEqual([]);
      expect(brief(dueAlerts([early], wednesday, TAM, NONE))).toEqual([['early', 'first-response', 'imminent', '2026-04-15T07:15:00Z']]);
    });
  });
});

describe('nextAlertCheck', () => {
  const urgent = escalated('urgent', 'urgent', '2026-04-14T13:30:00.000Z');

  it('the next threshold: dueAt - 30 min, then dueAt, then the next clock', () => {
    expect(iso(nextAlertCheck([urgent], at('2026-04-14T13:45:00Z'), TAM))).toBe('2026-04-14T14:00:00Z');
    expect(iso(nextAlertCheck([urgent], at('2026-04-14T14:00:00Z'), TAM))).toBe('2026-04-14T14:30:00Z');
    expect(iso(nextAlertCheck([urgent], at('2026-04-14T14:10:00Z'), TAM))).toBe('2026-04-14T14:30:00Z');
    // Then the resolution clock: 960 business minutes in New York from Tue 13:30Z (450 + 480 + 30) is Thu 13:30Z, imminent 13:00Z.
    expect(iso(nextAlertCheck([urgent], at('2026-04-14T14:30:00Z'), TAM))).toBe('2026-04-16T13:00:00Z');
  });

  it('the earliest over all cases', () => {
    const later = escalated('later', 'high', '2026-04-14T13:00:00.000Z'); // due 15:00Z, imminent 14:30Z
    expect(iso(nextAlertCheck([later, urgent], at('2026-04-14T13:45:00Z'), TAM))).toBe('2026-04-14T14:00:00Z');
    expect(iso(nextAlertCheck([later, urgent], at('2026-04-14T14:20:00Z'), TAM))).toBe('2026-04-14T14:30:00Z');
  });

  it('a threshold outside the TAM\'s hours moves to their next opening', () => {
    const atClose = escalated('at-close', 'high', '2026-04-14T13:00:00.000Z'); // due 15:00Z: the TAM's close
    expect(iso(nextAlertCheck([atClose], at('2026-04-14T14:40:00Z'), TAM))).toBe('2026-04-15T07:00:00Z');
    const early = escalated('early', 'urgent', '2026-04-15T06:15:00.000Z'); // imminent 06:45Z, before the TAM starts
    expect(iso(nextAlertCheck([early], at('2026-04-15T06:20:00Z'), TAM))).toBe('2026-04-15T07:00:00Z');
    // A Saturday breach waits for Monday.
    const saturday = escalated('saturday', 'urgent', '2026-04-18T10:00:00.000Z');
    expect(iso(nextAlertCheck([saturday], at('2026-04-18T10:05:00Z'), TAM))).toBe('2026-04-20T07:00:00Z');
  });

  it('while the TAM is off with an alert held back: their next opening', () => {
    const atClose = escalated('at-close', 'high', '2026-04-14T13:00:00.000Z'); // breached 15:00Z
    const evening = at('2026-04-14T20:00:00Z');
    expect(iso(nextAlertCheck([atClose], evening, TAM))).toBe('2026-04-15T07:00:00Z');
    // Once that breach was shown, the next is the resolution clock: 2400 business minutes from Tue 13:00Z is Mon 20 Apr
    // 21:00Z, imminent 20:30Z, after the TAM's day: Tue 21 Apr 07:00Z.
    const sent = new Set([alertKey('at-close', 'first-response', 'breached', ms('2026-04-14T15:00:00Z'))]);
    expect(iso(nextAlertCheck([atClose], evening, TAM, sent))).toBe('2026-04-21T07:00:00Z');
    // While the TAM works, what is due now is the caller's to show now: the answer is always later.
    expect(iso(nextAlertCheck([atClose], at('2026-04-15T08:00:00Z'), TAM))).toBe('2026-04-21T07:00:00Z');
  });

  it('null when nothing is ahead', () => {
    expect(nextAlertCheck([], at('2026-04-14T14:00:00Z'), TAM)).toBeNull();
    expect(nextAlertCheck([kase('plain', 'urgent', '2026-04-14T13:30:00.000Z')], at('2026-04-14T14:00:00Z'), TAM)).toBeNull();
    const waiting = escalated('waiting', 'high', '2026-04-13T13:00:00.000Z', [['2026-04-13T13:30:00.000Z', 'respond'], ['2026-04-13T13:40:00.000Z', 'waitOnCustomer']]);
    expect(nextAlertCheck([waiting], at('2026-04-14T14:00:00Z'), TAM)).toBeNull();
    const noHours: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: [], holidays: [] };
    expect(nextAlertCheck([urgent], at('2026-04-14T13:45:00Z'), noHours)).toBeNull();
    expect(dueAlerts([urgent], at('2026-04-14T14:45:00Z'), noHours, NONE)).toEqual([]);
  });
});

describe('foresight', () => {
  it('the end of the TAM\'s window: today\'s if working, else the next one', () => {
    expect(iso(foresightUntil(at('2026-04-14T14:00:00Z'), TAM))).toBe('2026-04-14T15:00:00Z');
    expect(iso(foresightUntil(at('2026-04-14T20:00:00Z'), TAM))).toBe('2026-04-15T15:00:00Z');
    expect(iso(foresightUntil(at('2026-04-15T05:00:00Z'), TAM))).toBe('2026-04-15T15:00:00Z');
    expect(iso(foresightUntil(at('2026-04-18T12:00:00Z'), TAM))).toBe('2026-04-20T15:00:00Z');
    expect(foresightUntil(at('2026-04-18T12:00:00Z'), { timeZone: 'Europe/Warsaw', weekly: [], holidays: [] })).toBeNull();
  });

  it('during the TAM\'s day: what breaches before it ends, earliest first', () => {
    const cases = [
      escalated('A', 'high', '2026-04-14T13:00:00.000Z'), // due 15:00Z: at the end of the TAM's day, counted
      escalated('B', 'urgent', '2026-04-14T13:30:00.000Z'), // due 14:30Z
      escalated('C', 'high', '2026-04-14T13:45:00.000Z'), // due 15:45Z: after the TAM's day
      kase('D', 'urgent', '2026-04-14T13:30:00.000Z'), // not escalated
      escalated('E', 'urgent', '2026-04-14T12:00:00.000Z'), // due 13:00Z: already breached
      escalated('F', 'urgent', '2026-04-14T13:00:00.000Z', [['2026-04-14T13:10:00.000Z', 'respond'], ['2026-04-14T13:20:00.000Z', 'waitOnCustomer']]), // paused
    ];
    expect(foresight(cases, at('2026-04-14T14:00:00Z'), TAM)).toEqual([
      { caseId: 'B', title: 'Case B', accountName: 'Hudson Mail Co', clock: 'first-response', dueAt: at('2026-04-14T14:30:00Z') },
      { caseId: 'A', title: 'Case A', accountName: 'Hudson Mail Co', clock: 'first-response', dueAt: at('2026-04-14T15:00:00Z') },
    ]);
  });

  it('outside the TAM\'s hours: until the end of their next window', () => {
    const cases = [
      escalated('late', 'high', '2026-04-14T19:45:00.000Z'), // 75 min on Tuesday, 45 on Wednesday: Wed 13:45Z
      escalated('G', 'high', '2026-04-14T19:30:00.000Z'), // 90 + 30: Wed 13:30Z
      escalated('I', 'normal', '2026-04-14T19:30:00.000Z'), // 480: Wed 19:30Z, after the TAM's Wednesday
    ];
    const expected = [['G', 'first-response', '2026-04-15T13:30:00Z'], ['late', 'first-response', '2026-04-15T13:45:00Z']];
    const rows = (now: string) => foresight(cases, at(now), TAM).map((f) => [f.caseId, f.clock, iso(f.dueAt)]);
    expect(rows('2026-04-14T20:00:00Z')).toEqual(expected);
    expect(rows('2026-04-15T05:00:00Z')).toEqual(expected);
  });

  it('at the weekend: until Monday\'s end, breaches while the TAM is away included', () => {
    const cases = [
      escalated('friday', 'high', '2026-04-17T20:00:00.000Z'), // 60 min on Friday, 60 on Monday: Mon 14:00Z
      escalated('saturday', 'urgent', '2026-04-18T10:00:00.000Z'), // 24x7 first reply: Sat 11:00Z
    ];
    expect(foresight(cases, at('2026-04-18T10:05:00Z'), TAM).map((f) => [f.caseId, iso(f.dueAt)])).toEqual([
      ['saturday', '2026-04-18T11:00:00Z'],
      ['friday', '2026-04-20T14:00:00Z'],
    ]);
  });
});

describe('one timer instead of polling', () => {
  const START = ms('2026-04-13T00:00:00Z');
  const END = ms('2026-04-16T00:00:00Z');
  const STEP = 5 * 60_000;
  const priorities = ['urgent', 'high', 'normal', 'low'] as const;

  // Everything on a 5-minute grid (openings, steps, targets, the TAM's hours), so polling every 5 minutes sees every threshold.
  const arbCase = fc.record({
    priority: fc.constantFrom(...priorities),
    opened: fc.integer({ min: 0, max: (END - START) / STEP - 1 }),
    escalate: fc.boolean(),
    respondAfter: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    wait: fc.option(fc.record({ after: fc.integer({ min: 1, max: 60 }), length: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }) }), { nil: null }),
  });

  type Spec = { priority: (typeof priorities)[number]; opened: number; escalate: boolean; respondAfter: number | null; wait: { after: number; length: number | null } | null };
  const build = (spec: Spec, i: number) => {
    const openedAt = START + spec.opened * STEP;
    const t = (steps: number) => new Date(openedAt + steps * STEP).toISOString();
    const steps: Step[] = [];
    if (spec.escalate) steps.push([t(0), 'escalate']);
    if (spec.respondAfter !== null) {
      steps.push([t(spec.respondAfter), 'respond']);
      if (spec.wait) {
        steps.push([t(spec.respondAfter + spec.wait.after), 'waitOnCustomer']);
        if (spec.wait.length !== null) steps.push([t(spec.respondAfter + spec.wait.after + spec.wait.length), 'customerReplied']);
      }
    }
    return kase(`c${i}`, spec.priority, new Date(openedAt).toISOString(), steps);
  };

  it('sleeping until nextAlertCheck shows exactly what polling every 5 minutes shows, at the same instants, and nothing outside the TAM\'s hours', () => {
    fc.assert(
      // The app may start (or wake from sleep) at any instant, the TAM working or not, with alerts held back.
      fc.property(fc.array(arbCase, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: (END - START) / STEP }), (specs, startStep) => {
        // The cases are fixed for the whole run (their later entries already written), as between two data changes:
        // both ways see the same clocks, which is all this compares.
        const cases = specs.map(build);
        // Each alert's key and the instant it is shown.
        const polled = new Map<string, number>();
        const from = START + startStep * STEP;
        for (let now = from; now <= END; now += STEP) {
          const alerts = dueAlerts(cases, new Date(now), TAM, new Set(polled.keys()));
          if (alerts.length > 0) expect(openStatus(TAM, new Date(now)).open).toBe(true);
          for (const a of alerts) {
            expect(a.key).toBe(alertKey(a.caseId, a.clock, a.kind, a.dueAt.getTime()));
            expect(polled.has(a.key)).toBe(false);
            polled.set(a.key, now);
          }
        }
        for (const precise of [true, false]) {
          const timed = new Map<string, number>();
          let now: number | null = from;
          let wakes = 0;
          while (now !== null && now <= END) {
            const sent = new Set(timed.keys());
            for (const a of dueAlerts(cases, new Date(now), TAM, sent)) timed.set(a.key, now);
            const next = nextAlertCheck(cases, new Date(now), TAM, precise ? new Set(timed.keys()) : undefined);
            if (next !== null) {
              expect(next.getTime()).toBeGreaterThan(now);
              expect(openStatus(TAM, next).open).toBe(true);
            }
            now = next?.getTime() ?? null;
            wakes++;
          }
          expect(timed).toEqual(polled);
          expect(wakes).toBeLessThan(60);
        }
      }),
      { numRuns: 40 },
    );
  });
});
