import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents, CASE_EVENTS, confirmations, hintFor, isAllowed,
  statusFromTimeline, statusHistory, transition, TRANSITIONS,
  type CaseEvent, type CaseEventType, type CaseLifecycleState, type CaseStatus, type TimelineEntryLike,
} from '@shared/cases';
import { CASE_STATUSES } from '@shared/domain/case';
import { Story, type StoredEntry } from './story';

const state = (status: CaseStatus, over: Partial<CaseLifecycleState> = {}): CaseLifecycleState => ({
  status, reopenCount: 0, escalated: false, escalationReason: '', ...over,
});
const event = (type: CaseEventType, body = 'because'): CaseEvent =>
  type === 'rejectResolution' ? { type, by: 'customer', author: 'agent', body } : { type, author: 'agent', body };
const AT = new Date('2026-03-23T10:00:00Z');

/** The legal events of each status, written out by hand (a second statement of TRANSITIONS). */
const EXPECTED_LEGAL: Record<CaseStatus, string> = {
  new: 'respond customerReplied escalate',
  responded: 'startWork sendUpdate waitOnCustomer customerReplied waitOnProvider proposeResolution escalate',
  'in-progress': 'sendUpdate waitOnCustomer customerReplied waitOnProvider proposeResolution escalate',
  'waiting-on-customer': 'startWork sendUpdate customerReplied escalate',
  'waiting-on-provider': 'startWork sendUpdate customerReplied providerReplied escalate',
  'resolution-proposed': 'sendUpdate customerReplied confirmByCustomer confirmByProvider rejectResolution escalate',
  resolved: 'close reopen',
  closed: 'reopen',
};
const expectedLegal = (status: CaseStatus) => EXPECTED_LEGAL[status].split(' ').sort();

describe('the transition table', () => {
  it('allows, status by status, exactly the events written out by hand', () => {
    for (const status of CASE_STATUSES) expect([...allowedEvents(status)].sort(), status).toEqual(expectedLegal(status));
  });

  it('allowedEvents lists events in CASE_EVENTS order (the order of the buttons)', () => {
    for (const status of CASE_STATUSES) {
      const legal = allowedEvents(status);
      expect(legal).toEqual(CASE_EVENTS.filter((e) => legal.includes(e)));
    }
  });

  it('every status × event: legal ones succeed into a listed status, illegal ones are refused naming the status and the action; no status is a dead end', () => {
    const stepsFrom = new Map<CaseStatus, number>(CASE_STATUSES.map((s) => [s, 0]));
    for (const status of CASE_STATUSES) {
      for (const type of CASE_EVENTS) {
        const targets = (TRANSITIONS[status] as Partial<Record<CaseEventType, readonly CaseStatus[]>>)[type];
        const result = transition(state(status), event(type), AT, []);
        expect(isAllowed(status, type)).toBe(targets !== undefined);
        if (targets !== undefined) {
          stepsFrom.set(status, stepsFrom.get(status)! + 1);
          expect(result.ok, `${status} + ${type}`).toBe(true);
          if (!result.ok) continue;
          expect(targets).toContain(result.next.status);
          expect(result.entries.length).toBeGreaterThan(0);
          for (const e of result.entries) expect(e.at).toBe(AT.toISOString());
          // A status-change entry is there exactly when the status changes, and says from and to.
          const changes = result.entries.filter((e) => e.kind === 'status-change');
          if (result.next.status === status) expect(changes).toEqual([]);
          else expect(changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([[status, result.next.status]]);
        } else {
          expect(result.ok, `${status} + ${type}`).toBe(false);
          if (result.ok) continue;
          expect(result.reason.code).toBe('not-allowed');
          expect(result.reason.status).toBe(status);
          expect(result.reason.event).toBe(type);
          expect(result.reason.hint, `hint for ${status} + ${type}`).not.toBeNull();
          expect(hintFor(status, type)).toBe(result.reason.hint);
        }
      }
    }
    // Whatever state a case is in, the TAM is offered a way on (a closed case can be reopened).
    for (const [status, steps] of stepsFrom) expect(steps, status).toBeGreaterThan(0);
    expect([...stepsFrom.values()].reduce((a, b) => a + b, 0)).toBe(CASE_STATUSES.reduce((n, s) => n + expectedLegal(s).length, 0));
  });

  it('a legal event has no hint', () => {
    expect(hintFor('in-progress', 'sendUpdate')).toBeNull();
  });
});

describe('refusals name the status, the event and what to do instead', () => {
  const refusal = (status: CaseStatus, type: CaseEventType) => {
    const result = transition(state(status), event(type), AT, []);
    if (result.ok) throw new Error('expected a refusal');
    return result.reason;
  };

  it.each([
    ['new', 'confirmByCustomer', 'respond-first'],
    ['new', 'close', 'respond-first'],
    ['new', 'sendUpdate', 'respond-first'],
    ['in-progress', 'respond', 'already-responded'],
    ['in-progress', 'close', 'resolve-first'],
    ['resolution-proposed', 'close', 'confirm-first'],
    ['in-progress', 'confirmByProvider', 'propose-first'],
    ['in-progress', 'startWork', 'already-in-progress'],
    ['in-progress', 'reopen', 'still-open'],
    ['in-progress', 'providerReplied', 'not-waiting-on-provider'],
    ['waiting-on-customer', 'proposeResolution', 'resume-first'],
    ['waiting-on-customer', 'waitOnCustomer', 'already-waiting'],
    ['waiting-on-provider', 'waitOnCustomer', 'resume-first'],
    ['resolution-proposed', 'waitOnProvider', 'awaiting-confirmation'],
    ['resolution-proposed', 'proposeResolution', 'already-proposed'],
    ['resolved', 'sendUpdate', 'reopen-first'],
    ['resolved', 'confirmByCustomer', 'already-resolved'],
    ['closed', 'close', 'already-closed'],
    ['closed', 'customerReplied', 'reopen-first'],
  ] as const)('%s + %s: %s', (status, type, hint) => {
    const reason = refusal(status, type);
    expect(reason).toEqual({ code: 'not-allowed', status, event: type, hint });
  });

  it('escalating or rejecting needs a reason', () => {
    const escalate = transition(state('in-progress'), event('escalate', '   '), AT, []);
    expect(escalate).toMatchObject({ ok: false, reason: { code: 'reason-required', event: 'escalate' } });
    const reject = transition(state('resolution-proposed'), event('rejectResolution', ''), AT, []);
    expect(reject).toMatchObject({ ok: false, reason: { code: 'reason-required', event: 'rejectResolution' } });
  });

  it('refuses a change dated before the last status change', () => {
    const story = new Story('2026-03-23T08:00:00Z').on('2026-03-23T09:00:00Z', 'respond');
    const result = transition(story.state, event('startWork'), new Date('2026-03-23T08:30:00Z'), story.entries);
    expect(result).toMatchObject({ ok: false, reason: { code: 'out-of-order', status: 'responded', event: 'startWork' } });
    // The same instant is fine.
    expect(transition(story.state, event('startWork'), new Date('2026-03-23T09:00:00Z'), story.entries).ok).toBe(true);
  });

  it('throws on an invalid instant', () => {
    expect(() => transition(state('new'), event('respond'), new Date(NaN), [])).toThrow(RangeError);
  });
});

describe('what each transition records', () => {
  const entriesOf = (status: CaseStatus, e: CaseEvent, timeline: TimelineEntryLike[] = []) => {
    const result = transition(state(status), e, AT, timeline);
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    return { next: result.next, entries: result.entries.map((x) => [x.kind, x.fromStatus, x.toStatus, x.body]) };
  };

  it('respond: the agent response, then new -> responded', () => {
    expect(entriesOf('new', { type: 'respond', author: 'Anna', body: 'Looking into it' })).toEqual({
      next: state('responded'),
      entries: [['agent-response', null, null, 'Looking into it'], ['status-change', 'new', 'responded', '']],
    });
  });

  it('progress updates and customer information outside a wait record without a status change', () => {
    expect(entriesOf('in-progress', event('sendUpdate', 'Still on it')).entries).toEqual([['progress-update', null, null, 'Still on it']]);
    expect(entriesOf('waiting-on-provider', event('customerReplied', 'logs')).entries).toEqual([['customer-information', null, null, 'logs']]);
  });

  it('customer information ends a wait on the customer', () => {
    expect(entriesOf('waiting-on-customer', event('customerReplied', 'bounce log attached'))).toEqual({
      next: state('in-progress'),
      entries: [['customer-information', null, null, 'bounce log attached'], ['status-change', 'waiting-on-customer', 'in-progress', '']],
    });
  });

  it('the wait on a mailbox provider starts and ends with status changes carrying the text', () => {
    expect(entriesOf('in-progress', event('waitOnProvider', 'Microsoft SRX ticket sent')).entries).toEqual([
      ['status-change', 'in-progress', 'waiting-on-provider', 'Microsoft SRX ticket sent'],
    ]);
    expect(entriesOf('waiting-on-provider', event('providerReplied', 'Conditionally mitigated')).entries).toEqual([
      ['status-change', 'waiting-on-provider', 'in-progress', 'Conditionally mitigated'],
    ]);
  });

  it('a rejection says who: customer information or Bird’s note, then back to in-progress', () => {
    expect(entriesOf('resolution-proposed', { type: 'rejectResolution', by: 'customer', author: 'agent', body: 'still bouncing' }).entries).toEqual([
      ['customer-information', null, null, 'still bouncing'], ['status-change', 'resolution-proposed', 'in-progress', ''],
    ]);
    expect(entriesOf('resolution-proposed', { type: 'rejectResolution', by: 'provider', author: 'agent', body: 'not yet' }).entries).toEqual([
      ['note', null, null, 'not yet'], ['status-change', 'resolution-proposed', 'in-progress', ''],
    ]);
  });

  it('escalation flags the case and keeps the reason', () => {
    expect(entriesOf('in-progress', event('escalate', 'Customer CTO called'))).toEqual({
      next: state('in-progress', { escalated: true, escalationReason: 'Customer CTO called' }),
      entries: [['escalation', null, null, 'Customer CTO called']],
    });
  });
});

describe('mutual agreement (step 5): resolved only once both confirmed', () => {
  const proposed = () =>
    new Story('2026-03-23T08:00:00Z').on('2026-03-23T08:30:00Z', 'respond').on('2026-03-23T09:00:00Z', 'startWork').on('2026-03-23T12:00:00Z', 'proposeResolution');

  it.each([
    ['customer first', 'confirmByCustomer', 'confirmByProvider'],
    ['Bird first', 'confirmByProvider', 'confirmByCustomer'],
  ] as const)('%s: the first confirmation keeps it proposed, the second resolves it', (_, first, second) => {
    const story = proposed().on('2026-03-23T13:00:00Z', first);
    expect(story.state.status).toBe('resolution-proposed');
    expect(allowedEvents('resolution-proposed', story.entries)).not.toContain(first);
    expect(allowedEvents('resolution-proposed', story.entries)).toContain(second);
    story.on('2026-03-23T14:00:00Z', second);
    expect(story.state.status).toBe('resolved');
    expect(story.entries.slice(-2).map((e) => [e.kind, e.toStatus])).toEqual([
      [second === 'confirmByCustomer' ? 'customer-confirmed' : 'provider-confirmed', null],
      ['status-change', 'resolved'],
    ]);
  });

  it('one confirmation only stays proposed; the same side again is refused', () => {
    const story = proposed().on('2026-03-23T13:00:00Z', 'confirmByCustomer');
    expect(confirmations(story.entries)).toEqual({ customer: true, provider: false });
    const again = transition(story.state, event('confirmByCustomer'), new Date('2026-03-23T13:30:00Z'), story.entries);
    expect(again).toEqual({
      ok: false,
      reason: { code: 'already-confirmed', status: 'resolution-proposed', event: 'confirmByCustomer', hint: null },
    });
  });

  it('a rejection returns to in-progress and the next proposal needs both confirmations again', () => {
    const story = proposed()
      .on('2026-03-23T13:00:00Z', 'confirmByProvider')
      .on('2026-03-23T13:30:00Z', { type: 'rejectResolution', by: 'customer', author: 'agent', body: 'Yahoo still defers' });
    expect(story.state.status).toBe('in-progress');
    expect(confirmations(story.entries)).toEqual({ customer: false, provider: false });
    story.on('2026-03-24T09:00:00Z', 'proposeResolution').on('2026-03-24T10:00:00Z', 'confirmByCustomer');
    // Bird's confirmation of the first proposal does not count for this one.
    expect(story.state.status).toBe('resolution-proposed');
    expect(confirmations(story.entries)).toEqual({ customer: true, provider: false });
    story.on('2026-03-24T11:00:00Z', 'confirmByProvider');
    expect(story.state.status).toBe('resolved');
  });

  it('both confirmations recorded on two devices offline: the next confirm event completes the agreement', () => {
    const story = proposed();
    const base = story.entries;
    const onA = transition(story.state, event('confirmByCustomer'), new Date('2026-03-23T13:00:00Z'), base);
    const onB = transition(story.state, event('confirmByProvider'), new Date('2026-03-23T13:05:00Z'), base);
    if (!onA.ok || !onB.ok) throw new Error('expected both to succeed');
    expect(onA.next.status).toBe('resolution-proposed');
    expect(onB.next.status).toBe('resolution-proposed');
    const merged = [...base, ...onA.entries.map((e, i) => ({ ...e, id: `a${i}` })), ...onB.entries.map((e, i) => ({ ...e, id: `b${i}` }))];
    expect(confirmations(merged)).toEqual({ customer: true, provider: true });
    expect(allowedEvents('resolution-proposed', merged)).toContain('confirmByCustomer');
    const settle = transition(state('resolution-proposed'), event('confirmByCustomer'), new Date('2026-03-23T14:00:00Z'), merged);
    expect(settle).toMatchObject({ ok: true, next: { status: 'resolved' } });
    if (settle.ok) expect(settle.entries.map((e) => [e.kind, e.toStatus])).toEqual([['status-change', 'resolved']]);
  });
});

describe('reopen and the status history', () => {
  it('reopens from resolved and from closed, counting each', () => {
    const story = new Story('2026-03-23T08:00:00Z')
      .on('2026-03-23T08:30:00Z', 'respond')
      .on('2026-03-23T09:00:00Z', 'proposeResolution')
      .on('2026-03-23T09:10:00Z', 'confirmByCustomer')
      .on('2026-03-23T09:20:00Z', 'confirmByProvider')
      .on('2026-03-24T08:00:00Z', 'reopen');
    expect(story.state).toMatchObject({ status: 'in-progress', reopenCount: 1 });
    story
      .on('2026-03-24T09:00:00Z', 'proposeResolution')
      .on('2026-03-24T09:10:00Z', 'confirmByProvider')
      .on('2026-03-24T09:20:00Z', 'confirmByCustomer')
      .on('2026-03-24T10:00:00Z', 'close')
      .on('2026-03-30T08:00:00Z', 'reopen');
    expect(story.state).toMatchObject({ status: 'in-progress', reopenCount: 2 });

    expect(statusHistory(story.openedAt, story.entries).map((s) => [s.status, s.start.toISOString(), s.end?.toISOString() ?? null])).toEqual([
      ['new', '2026-03-23T08:00:00.000Z', '2026-03-23T08:30:00.000Z'],
      ['responded', '2026-03-23T08:30:00.000Z', '2026-03-23T09:00:00.000Z'],
      ['resolution-proposed', '2026-03-23T09:00:00.000Z', '2026-03-23T09:20:00.000Z'],
      ['resolved', '2026-03-23T09:20:00.000Z', '2026-03-24T08:00:00.000Z'],
      ['in-progress', '2026-03-24T08:00:00.000Z', '2026-03-24T09:00:00.000Z'],
      ['resolution-proposed', '2026-03-24T09:00:00.000Z', '2026-03-24T09:20:00.000Z'],
      ['resolved', '2026-03-24T09:20:00.000Z', '2026-03-24T10:00:00.000Z'],
      ['closed', '2026-03-24T10:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      ['in-progress', '2026-03-30T08:00:00.000Z', null],
    ]);
  });

  it('reads the timeline in time order whatever order it arrives in, ids breaking ties, tombstones ignored', () => {
    const story = new Story('2026-03-23T08:00:00Z').on('2026-03-23T08:30:00Z', 'respond').on('2026-03-23T09:00:00Z', 'waitOnCustomer');
    const shuffled = [...story.entries].reverse();
    expect(statusFromTimeline(shuffled)).toBe('waiting-on-customer');
    const tombstoned: StoredEntry[] = [...shuffled, { ...story.entries.at(-1)!, id: 'z', toStatus: 'closed', deletedAt: '2026-03-23T10:00:00Z' } as StoredEntry];
    expect(statusFromTimeline(tombstoned)).toBe('waiting-on-customer');
  });

  it('a case with no status change is new since it opened', () => {
    expect(statusHistory('2026-03-23T08:00:00Z', []).map((s) => s.status)).toEqual(['new']);
    expect(statusFromTimeline([])).toBe('new');
  });
});

describe('properties', () => {
  it('random walks through the lifecycle keep the record and the timeline in agreement', () => {
    // Mostly legal events (one in ten drawn from all events), long enough walks to resolve and reopen (most runs do).
    const step = fc.record({ pick: fc.nat(), minutes: fc.integer({ min: 1, max: 600 }), legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 9) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 30, maxLength: 100 }), (steps) => {
        const story = new Story('2026-03-23T08:00:00Z');
        let t = Date.parse(story.openedAt);
        for (const { pick, minutes, legal } of steps) {
          t += minutes * 60_000;
          const options = legal ? allowedEvents(story.state.status, story.entries) : [...CASE_EVENTS];
          const type = options[pick % options.length]!;
          const before = { ...story.state };
          const count = story.entries.length;
          const result = transition(story.state, event(type), new Date(t), story.entries);
          if (!legal && !isAllowed(story.state.status, type)) {
            expect(result.ok).toBe(false);
          }
          if (legal) expect(result.ok).toBe(true);
          if (!result.ok) {
            expect(story.state).toEqual(before);
            expect(story.entries.length).toBe(count);
            continue;
          }
          story.on(new Date(t).toISOString(), event(type));
        }
        // The status the record holds is the one the timeline tells.
        expect(statusFromTimeline(story.entries)).toBe(story.state.status);
        // Reopens are counted: one per change out of resolved or closed.
        const history = statusHistory(story.openedAt, story.entries);
        const reopens = history.filter((s, i) => i > 0 && ['resolved', 'closed'].includes(history[i - 1]!.status) && !['resolved', 'closed'].includes(s.status)).length;
        expect(story.state.reopenCount).toBe(reopens);
        // Each resolution follows both confirmations of the proposal it ends.
        for (let i = 0; i < story.entries.length; i++) {
          const e = story.entries[i]!;
          if (e.kind === 'status-change' && e.toStatus === 'resolved') {
            const sinceProposal = story.entries.slice(0, i);
            expect(confirmations(sinceProposal)).toEqual({ customer: true, provider: true });
          }
        }
      }),
      { seed: 20_260_323, numRuns: 300 },
    );
  });
});
