import type { BusinessCalendar } from '@shared/calendar/business-calendar';
import { openingEntry, transition, type CaseEvent, type CaseLifecycleState, type TimelineEntryDraft } from '@shared/cases';

/** A timeline entry as stored, with an id in creation order (like UUIDv7). */
export type StoredEntry = TimelineEntryDraft & { id: string };

/**
 * A case told as a story: events applied through the lifecycle, in order,
 * each at its instant; it throws if the lifecycle refuses one, so a test
 * reads as the steps a TAM would take.
 */
export class Story {
  state: CaseLifecycleState = { status: 'new', reopenCount: 0, escalated: false, escalationReason: '' };
  entries: StoredEntry[] = [];
  private seq = 0;

  constructor(readonly openedAt: string) {
    this.push([openingEntry(new Date(openedAt), 'customer')]);
  }

  /** Applies an event (type, or a whole event) at an ISO instant. */
  on(at: string, event: CaseEvent['type'] | CaseEvent): this {
    const e: CaseEvent =
      typeof event !== 'string' ? event
      : event === 'rejectResolution' ? { type: event, by: 'customer', author: 'agent', body: 'text' }
      : { type: event, author: 'agent', body: 'text' };
    const result = transition(this.state, e, new Date(at), this.entries);
    if (!result.ok) throw new Error(`${e.type} at ${at}: ${JSON.stringify(result.reason)}`);
    this.state = result.next;
    this.push(result.entries);
    return this;
  }

  private push(drafts: TimelineEntryDraft[]) {
    for (const d of drafts) this.entries.push({ ...d, id: `e${String(++this.seq).padStart(6, '0')}` });
  }
}

export const weekdays = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start, end }));

/** Europe/Warsaw 09:00-17:00 Monday to Friday, with Easter Monday 2026 (6 Apr) as a holiday. */
export const WARSAW: BusinessCalendar = { timeZone: 'Europe/Warsaw', weekly: weekdays('09:00', '17:00'), holidays: ['2026-04-06'] };
