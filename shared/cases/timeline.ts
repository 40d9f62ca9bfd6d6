import type { SupportCase, TimelineEntry } from '../domain/case';

/**
 * Reading a case's append-only timeline. The timeline is the case's history:
 * the status a case had at any instant, who it was waiting on, whether a
 * proposed resolution has been confirmed, are all derived from its entries,
 * so they survive sync (entries never conflict; two devices' entries simply
 * interleave by time).
 *
 * Order: by `at`, then by `id` (UUIDv7, so creation order) when both entries
 * have one, else as given. Tombstoned entries (`deletedAt` set) are ignored.
 * Only `toStatus` of a status-change is read (`fromStatus` is informative):
 * after a merge of two devices' changes the later one simply wins.
 */
export type CaseStatus = SupportCase['status'];
export type TimelineKind = TimelineEntry['kind'];

/** What the derivations read of an entry: a stored TimelineEntry or a draft. */
export type TimelineEntryLike = Pick<TimelineEntry, 'kind' | 'at' | 'fromStatus' | 'toStatus'> & { id?: string; deletedAt?: string | null };

/** Resolved and closed cases are stopped: no clock but the reopen runs. */
export const isOpenStatus = (status: CaseStatus): boolean => status !== 'resolved' && status !== 'closed';

/** An entry with its instant in epoch ms. */
export type TimedEntry<E extends TimelineEntryLike = TimelineEntryLike> = { t: number; entry: E };

/**
 * Epoch ms of an ISO instant. The form every device writes
 * (Date#toISOString: 'YYYY-MM-DDTHH:mm:ss.sssZ') is read digit by digit,
 * about five times faster than Date.parse, which matters when thousands of
 * timelines are read at start-up; any other form (an offset, no
 * milliseconds) goes to Date.parse. Throws RangeError for an invalid date.
 */
export function parseInstant(iso: string, what: string): number {
  const t = iso.length === 24 ? canonicalInstant(iso) : NaN;
  if (!Number.isNaN(t)) return t;
  const parsed = Date.parse(iso);
  if (!Number.isFinite(parsed)) throw new RangeError(`${what}: not a valid date: ${iso}`);
  return parsed;
}

/** 'YYYY-MM-DDTHH:mm:ss.sssZ' to epoch ms, or NaN if the string is not exactly that (or not a real date). */
function canonicalInstant(s: string): number {
  // - - T : : . Z at 4 7 10 13 16 19 23
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) return NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  // A field with a non-digit is -1: the range checks below refuse it.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 &&
    minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0)) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** The number written by `length` ASCII digits from `from`; -1 if any is not a digit. */
function digits(s: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

let scratch = new Float64Array(64);
let scratchBusy = false;

/**
 * Visits the live entries in timeline order with their instants, without
 * allocating when they arrive in order (as the database's [caseId+at] index
 * gives them): the SLA digest of thousands of cases goes through here.
 */
export function forEachInOrder<E extends TimelineEntryLike>(entries: readonly E[], visit: (t: number, entry: E) => void): void {
  const n = entries.length;
  const nested = scratchBusy;
  if (!nested && scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const times = nested ? new Float64Array(n) : scratch;
  scratchBusy = true;
  try {
    let sorted = true;
    let last = -Infinity;
    let lastIndex = -1;
    for (let i = 0; i < n; i++) {
      const entry = entries[i]!;
      if (entry.deletedAt) {
        times[i] = NaN;
        continue;
      }
      const t = parseInstant(entry.at, 'timeline entry at');
      times[i] = t;
      if (t < last || (t === last && compareIds(entries[lastIndex]!, entry) > 0)) sorted = false;
      last = t;
      lastIndex = i;
    }
    if (sorted) {
      for (let i = 0; i < n; i++) if (!Number.isNaN(times[i]!)) visit(times[i]!, entries[i]!);
      return;
    }
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(times[i]!)) order.push(i);
    order.sort((i, j) => times[i]! - times[j]! || compareIds(entries[i]!, entries[j]!)); // stable: ties without ids keep the given order
    for (const i of order) visit(times[i]!, entries[i]!);
  } finally {
    if (!nested) scratchBusy = false;
  }
}

/** Entries at the same instant: by id (UUIDv7, creation order) when both have one, else as given. */
function compareIds(a: TimelineEntryLike, b: TimelineEntryLike): number {
  const x = a.id;
  const y = b.id;
  return x !== undefined && y !== undefined && x !== y ? (x < y ? -1 : 1) : 0;
}

/** The live entries in timeline order, each with its instant parsed once. */
export function timedEntries<E extends TimelineEntryLike>(entries: readonly E[]): TimedEntry<E>[] {
  const timed: TimedEntry<E>[] = [];
  forEachInOrder(entries, (t, entry) => timed.push({ t, entry }));
  return timed;
}

/** A stretch of time the case spent in one status; `end` null while it still is. */
export type StatusInterval = { status: CaseStatus; start: Date; end: Date | null };

/** The same in epoch ms (end Infinity while it lasts), for the SLA clocks. */
export type StatusSpan = { status: CaseStatus; start: number; end: number };

/**
 * The case's statuses over time: 'new' from `openedAt`, then each
 * status-change in order (a change to the status the case already has is no
 * change; one dated before `openedAt` counts from `openedAt`).
 */
export function statusSpans(openedAt: number, entries: readonly TimelineEntryLike[]): StatusSpan[] {
  const spans: StatusSpan[] = [{ status: 'new', start: openedAt, end: Infinity }];
  forEachInOrder(entries, (t, entry) => {
    if (entry.kind === 'status-change' && entry.toStatus !== null) pushStatus(spans, t, entry.toStatus);
  });
  return spans;
}

/** Appends a change to `status` at `t` to the spans (see statusSpans). */
export function pushStatus(spans: StatusSpan[], t: number, status: CaseStatus): void {
  const current = spans[spans.length - 1]!;
  if (status === current.status) return;
  const at = Math.max(t, current.start);
  if (at > current.start) {
    current.end = at;
    spans.push({ status, start: at, end: Infinity });
    return;
  }
  // Changed again at the instant the current stretch began: the later change replaces it (no zero-length stretch).
  current.status = status;
  const before = spans[spans.length - 2];
  if (before?.status === status) {
    spans.pop();
    before.end = Infinity;
  }
}

/** The statuses the case went through, oldest first; the last has `end` null. */
export function statusHistory(openedAt: string | Date, entries: readonly TimelineEntryLike[]): StatusInterval[] {
  const opened = typeof openedAt === 'string' ? parseInstant(openedAt, 'openedAt') : openedAt.getTime();
  return statusSpans(opened, entries).map((s) => ({
    status: s.status,
    start: new Date(s.start),
    end: s.end === Infinity ? null : new Date(s.end),
  }));
}

/** The status the timeline leaves the case in ('new' when it has no status change). */
/**
 * The case's status as its timeline tells it. This, not the case record's
 * `status` field, is the truth: timeline entries are append-only and merge as
 * a set, so every device that holds the same entries reads the same status,
 * while two devices changing the status field offline would keep only one.
 */
export function caseStatus(c: { status: CaseStatus }, entries: readonly TimelineEntryLike[]): CaseStatus {
  return entries.some((e) => e.kind === 'status-change' && !e.deletedAt) ? statusFromTimeline(entries.filter((e) => !e.deletedAt)) : c.status;
}

export function statusFromTimeline(entries: readonly TimelineEntryLike[]): CaseStatus {
  let status: CaseStatus = 'new';
  forEachInOrder(entries, (_, entry) => {
    if (entry.kind === 'status-change' && entry.toStatus !== null) status = entry.toStatus;
  });
  return status;
}

export type Confirmations = { customer: boolean; provider: boolean };

/**
 * Who has confirmed the current proposed resolution: the customer-confirmed
 * and provider-confirmed entries since the last status change to
 * 'resolution-proposed', unless the case has changed status since (a
 * rejection, or the resolution itself). Both false when no proposal stands.
 */
export function confirmations(entries: readonly TimelineEntryLike[]): Confirmations {
  const result = { customer: false, provider: false };
  let proposed = false;
  forEachInOrder(entries, (_, entry) => {
    if (entry.kind === 'status-change' && entry.toStatus !== null) {
      proposed = entry.toStatus === 'resolution-proposed';
      result.customer = false;
      result.provider = false;
    } else if (proposed && entry.kind === 'customer-confirmed') result.customer = true;
    else if (proposed && entry.kind === 'provider-confirmed') result.provider = true;
  });
  return result;
}

