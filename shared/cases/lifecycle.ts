import type { SupportCase, TimelineEntry } from '../domain/case';
import { confirmations, timedEntries, type CaseStatus, type TimelineEntryLike } from './timeline';

/**
 * The life of a Support Case (Sprawa Wsparcia), after the issue resolution
 * procedure of the service terms (DOMAIN.md §1, "Rozwiązanie problemu"):
 *
 *   1. the customer submits a ticket (platform panel or designated email): the
 *      case is `new`;
 *   2. a Customer Support Agent answers by email within business hours and
 *      starts work: `respond` makes it `responded` (the first agent-response
 *      entry stops the first-response clock), `startWork` makes it `in-progress`;
 *   3. the customer keeps supplying information: `waitOnCustomer` (the SLA
 *      clocks pause) until `customerReplied`;
 *   4. the agent owns all contact and sends progress updates (`sendUpdate`,
 *      which restarts the next-update clock); while the mailbox provider is
 *      asked (Tier 1 mediation) the case is `waiting-on-provider`, which has a
 *      clock of its own and does not pause resolution;
 *   5. customer and Bird mutually agree the issue is resolved:
 *      `proposeResolution`, then `confirmByCustomer` and `confirmByProvider`
 *      in either order; the second one makes the case `resolved`. Either side
 *      may reject (`rejectResolution`): back to `in-progress`, and the next
 *      proposal needs both confirmations again.
 *
 * "Provider" has two meanings here, as in the terms: in `confirmByProvider`
 * (provider-confirmed entries) it is Bird, the service provider and party to
 * step 5; in `waitOnProvider`/`providerReplied` it is a mailbox provider.
 *
 * Resolved cases are closed (`close`); resolved or closed cases can be
 * reopened (back to `in-progress`, counted in `reopenCount`).
 *
 * `transition` is pure: it answers what the case becomes and which timeline
 * entries record it, or why not. Confirmations are read from the timeline
 * (entries since the last change to 'resolution-proposed'), so they need no
 * field and merge like every timeline entry.
 */

export const CASE_EVENTS = [
  'respond', 'startWork', 'sendUpdate', 'waitOnCustomer', 'customerReplied', 'waitOnProvider', 'providerReplied',
  'proposeResolution', 'confirmByCustomer', 'confirmByProvider', 'rejectResolution', 'close', 'reopen', 'escalate',
] as const;
export type CaseEventType = (typeof CASE_EVENTS)[number];

type EventBase = {
  /** Who records it (the agent or TAM, or the customer's name for their information). */
  author: string;
  /** The message, information, reason or proposal; required for escalate and rejectResolution. */
  body?: string;
};
export type CaseEvent =
  | (EventBase & { type: Exclude<CaseEventType, 'rejectResolution'> })
  | (EventBase & { type: 'rejectResolution'; by: 'customer' | 'provider' });

/** What a transition reads and writes of the case record. */
export type CaseLifecycleState = Pick<SupportCase, 'status' | 'reopenCount' | 'escalated' | 'escalationReason'>;

/** A timeline entry to append: the caller adds id, caseId, accountId and the record meta. */
export type TimelineEntryDraft = Pick<TimelineEntry, 'kind' | 'at' | 'author' | 'body' | 'fromStatus' | 'toStatus'>;

/**
 * The legal transitions: for each status, the events it accepts and the
 * statuses they can lead to (the same status when the event only records
 * something; a confirmation leads to 'resolved' only when it is the second).
 * Every event missing from a status is refused.
 */
export const TRANSITIONS = {
  new: {
    respond: ['responded'],
    customerReplied: ['new'],
    escalate: ['new'],
  },
  responded: {
    startWork: ['in-progress'],
    sendUpdate: ['responded'],
    customerReplied: ['responded'],
    waitOnCustomer: ['waiting-on-customer'],
    waitOnProvider: ['waiting-on-provider'],
    proposeResolution: ['resolution-proposed'],
    escalate: ['responded'],
  },
  'in-progress': {
    sendUpdate: ['in-progress'],
    customerReplied: ['in-progress'],
    waitOnCustomer: ['waiting-on-customer'],
    waitOnProvider: ['waiting-on-provider'],
    proposeResolution: ['resolution-proposed'],
    escalate: ['in-progress'],
  },
  'waiting-on-customer': {
    customerReplied: ['in-progress'],
    startWork: ['in-progress'],
    sendUpdate: ['waiting-on-customer'],
    escalate: ['waiting-on-customer'],
  },
  'waiting-on-provider': {
    providerReplied: ['in-progress'],
    startWork: ['in-progress'],
    sendUpdate: ['waiting-on-provider'],
    customerReplied: ['waiting-on-provider'],
    escalate: ['waiting-on-provider'],
  },
  'resolution-proposed': {
    confirmByCustomer: ['resolution-proposed', 'resolved'],
    confirmByProvider: ['resolution-proposed', 'resolved'],
    rejectResolution: ['in-progress'],
    sendUpdate: ['resolution-proposed'],
    customerReplied: ['resolution-proposed'],
    escalate: ['resolution-proposed'],
  },
  resolved: {
    close: ['closed'],
    reopen: ['in-progress'],
  },
  closed: {
    reopen: ['in-progress'],
  },
} as const satisfies Record<CaseStatus, Partial<Record<CaseEventType, readonly CaseStatus[]>>>;

const TABLE: Record<CaseStatus, Partial<Record<CaseEventType, readonly CaseStatus[]>>> = TRANSITIONS;

/**
 * The events a case in `status` accepts, in CASE_EVENTS order (for the
 * buttons). Given the timeline, a side that has already confirmed the
 * standing proposal is left out (unless both have: then either completes it).
 */
export function allowedEvents(status: CaseStatus, timeline?: readonly TimelineEntryLike[]): CaseEventType[] {
  const legal = CASE_EVENTS.filter((e) => TABLE[status][e] !== undefined);
  if (!timeline || status !== 'resolution-proposed') return legal;
  const c = confirmations(timeline);
  if (c.customer && c.provider) return legal;
  return legal.filter((e) => !(e === 'confirmByCustomer' && c.customer) && !(e === 'confirmByProvider' && c.provider));
}

/** Whether `status` accepts `event` at all (ignoring confirmations already given). */
export const isAllowed = (status: CaseStatus, event: CaseEventType): boolean => TABLE[status][event] !== undefined;

// ---------------------------------------------------------------------------
// Refusals: a code and a hint, which the UI words in the reader's language
// (cases:refusal.<code>, cases:refusal.hint.<hint>, with the status and the
// event as parameters).

export const REFUSAL_CODES = ['not-allowed', 'already-confirmed', 'reason-required', 'out-of-order'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const REFUSAL_HINTS = [
  'respond-first', 'reopen-first', 'already-closed', 'already-resolved', 'already-responded', 'still-open', 'confirm-first',
  'resolve-first', 'propose-first', 'not-waiting-on-provider', 'already-in-progress', 'already-waiting', 'resume-first',
  'awaiting-confirmation', 'already-proposed',
] as const;
export type RefusalHint = (typeof REFUSAL_HINTS)[number];

export type TransitionRefusal = {
  code: RefusalCode;
  status: CaseStatus;
  event: CaseEventType;
  /** What to do instead (for 'not-allowed'). */
  hint: RefusalHint | null;
};

export type TransitionResult =
  | { ok: true; next: CaseLifecycleState; entries: TimelineEntryDraft[] }
  | { ok: false; reason: TransitionRefusal };

/** What to do instead of an event a status refuses. */
export function hintFor(status: CaseStatus, event: CaseEventType): RefusalHint | null {
  if (isAllowed(status, event)) return null;
  if (status === 'new') return 'respond-first';
  if (status === 'resolved' || status === 'closed') {
    if (event === 'close') return 'already-closed';
    if (event === 'confirmByCustomer' || event === 'confirmByProvider' || event === 'proposeResolution') return 'already-resolved';
    return 'reopen-first';
  }
  // An open status from here on.
  switch (event) {
    case 'respond': return 'already-responded';
    case 'reopen': return 'still-open';
    case 'close': return status === 'resolution-proposed' ? 'confirm-first' : 'resolve-first';
    case 'confirmByCustomer':
    case 'confirmByProvider':
    case 'rejectResolution': return 'propose-first';
    case 'providerReplied': return 'not-waiting-on-provider';
    case 'startWork': return status === 'resolution-proposed' ? 'awaiting-confirmation' : 'already-in-progress';
    case 'proposeResolution': return status === 'resolution-proposed' ? 'already-proposed' : 'resume-first';
    case 'waitOnCustomer':
    case 'waitOnProvider':
      if (status === 'resolution-proposed') return 'awaiting-confirmation';
      return (event === 'waitOnCustomer') === (status === 'waiting-on-customer') ? 'already-waiting' : 'resume-first';
    default: return null;
  }
}

const refuse = (code: RefusalCode, status: CaseStatus, event: CaseEventType, hint: RefusalHint | null = null): TransitionResult => ({
  ok: false,
  reason: { code, status, event, hint },
});

// ---------------------------------------------------------------------------

/** The entry that opens a case's timeline (status 'new'). */
export function openingEntry(at: Date, author: string, body = ''): TimelineEntryDraft {
  return { kind: 'created', at: iso(at), author, body, fromStatus: null, toStatus: 'new' };
}

/**
 * Applies `event` to a case at instant `at`. `timeline` is the case's
 * timeline so far (any order; needed for confirmations and to refuse a
 * change dated before the last status change). On success, `next` is the
 * case's new lifecycle fields and `entries` the timeline entries to append,
 * in order, in the same write. Throws RangeError only for an invalid `at`.
 */
export function transition(state: CaseLifecycleState, event: CaseEvent, at: Date, timeline: readonly TimelineEntryLike[]): TransitionResult {
  const when = at.getTime();
  if (!Number.isFinite(when)) throw new RangeError('transition: `at` is not a valid date');
  const { status } = state;
  const type = event.type;
  if (!isAllowed(status, type)) return refuse('not-allowed', status, type, hintFor(status, type));

  const body = (event.body ?? '').trim();
  if ((type === 'escalate' || type === 'rejectResolution') && body === '') return refuse('reason-required', status, type);

  const timed = timedEntries(timeline);
  const lastChange = timed.findLast((e) => e.entry.kind === 'status-change');
  if (lastChange && when < lastChange.t) return refuse('out-of-order', status, type);

  const stamp = iso(at);
  const author = event.author;
  const entry = (kind: TimelineEntryDraft['kind'], text = ''): TimelineEntryDraft => ({ kind, at: stamp, author, body: text, fromStatus: null, toStatus: null });
  const change = (to: CaseStatus, text = ''): TimelineEntryDraft => ({ kind: 'status-change', at: stamp, author, body: text, fromStatus: status, toStatus: to });
  const done = (to: CaseStatus, entries: TimelineEntryDraft[], patch: Partial<CaseLifecycleState> = {}): TransitionResult => ({
    ok: true,
    next: { status: to, reopenCount: state.reopenCount, escalated: state.escalated, escalationReason: state.escalationReason, ...patch },
    entries,
  });

  switch (type) {
    case 'respond':
      return done('responded', [entry('agent-response', body), change('responded')]);
    case 'startWork':
      return done('in-progress', [change('in-progress', body)]);
    case 'sendUpdate':
      return done(status, [entry('progress-update', body)]);
    case 'waitOnCustomer':
      return done('waiting-on-customer', [change('waiting-on-customer', body)]);
    case 'customerReplied':
      return status === 'waiting-on-customer'
        ? done('in-progress', [entry('customer-information', body), change('in-progress')])
        : done(status, [entry('customer-information', body)]);
    case 'waitOnProvider':
      return done('waiting-on-provider', [change('waiting-on-provider', body)]);
    case 'providerReplied':
      return done('in-progress', [change('in-progress', body)]);
    case 'proposeResolution':
      return done('resolution-proposed', [change('resolution-proposed', body)]);
    case 'confirmByCustomer':
    case 'confirmByProvider': {
      const side = type === 'confirmByCustomer' ? 'customer' : 'provider';
      const other = side === 'customer' ? 'provider' : 'customer';
      const given = confirmations(timeline);
      if (given[side]) {
        // Both confirmed already (each on another device, offline): this completes the agreement.
        return given[other] ? done('resolved', [change('resolved')]) : refuse('already-confirmed', status, type);
      }
      const confirmed = entry(side === 'customer' ? 'customer-confirmed' : 'provider-confirmed', body);
      return given[other] ? done('resolved', [confirmed, change('resolved')]) : done(status, [confirmed]);
    }
    case 'rejectResolution':
      // Who said no is the kind of the first entry: the customer's information, or Bird's note.
      return done('in-progress', [entry(event.type === 'rejectResolution' && event.by === 'customer' ? 'customer-information' : 'note', body), change('in-progress')]);
    case 'close':
      return done('closed', [change('closed', body)]);
    case 'reopen':
      return done('in-progress', [change('in-progress', body)], { reopenCount: state.reopenCount + 1 });
    case 'escalate':
      return done(status, [entry('escalation', body)], { escalated: true, escalationReason: body.slice(0, 2000) });
  }
}

const iso = (d: Date) => d.toISOString();
