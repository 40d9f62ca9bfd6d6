import type { Change } from '@shared/sync/change';
import { MAX_CHANGE_BYTES, type RefusedChange } from '@shared/sync/protocol';
import { checkClockSkew, MAX_CLOCK_SKEW_MS } from '@shared/sync/skew';
import { checkChange } from '@shared/sync/validate';

/**
 * Every change of a push, checked in the server process before the database
 * sees any of it (the team's lock is held only while PostgreSQL works): its
 * fields against its table's schema (checkChange), its size, and its clock.
 * The first bad change refuses the whole push and is named, so the device can
 * set that one aside and push the rest.
 */
export type CheckedChange = { seq: number; change: Change; /** Bytes of the change's JSON. */ bytes: number };

export type PushRefusal = { code: 'change_refused' | 'clock_skew'; message: string; change: RefusedChange };

export type PushCheck = { ok: true; changes: CheckedChange[] } | { ok: false; refusal: PushRefusal };

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** The patch field that makes a change too large: the largest one. */
function largestField(change: Change): string {
  let largest = '(change)';
  let size = -1;
  for (const [field, value] of Object.entries(change.patch)) {
    const bytes = bytesOf(value);
    if (bytes > size) [largest, size] = [field, bytes];
  }
  return largest;
}

export function refusalMessage(index: number, change: RefusedChange, problem: string): string {
  const record = `${change.table ?? '(no table)'} record ${change.recordId ?? '(no id)'}`;
  return `changes.${index} (seq ${change.seq ?? '?'}, ${record}), field "${change.field}": ${problem}`;
}

export function checkPushedChanges(
  pushed: { seq: number; change: unknown }[],
  now: number,
  maxSkewMs: number = MAX_CLOCK_SKEW_MS,
  maxChangeBytes: number = MAX_CHANGE_BYTES,
): PushCheck {
  const changes: CheckedChange[] = [];
  for (const [index, { seq, change: input }] of pushed.entries()) {
    const refuse = (code: PushRefusal['code'], field: string, problem: string, table: string | null, recordId: string | null, changeId: string | null): PushCheck => {
      const change: RefusedChange = { seq, changeId, table, recordId, field };
      return { ok: false, refusal: { code, message: refusalMessage(index, change, problem), change } };
    };
    const checked = checkChange(input);
    if (!checked.ok) {
      const raw = input as { changeId?: unknown } | null;
      const changeId = typeof raw === 'object' && raw !== null && typeof raw.changeId === 'string' ? raw.changeId : null;
      const { table, recordId, field, message } = checked.problem;
      return refuse('change_refused', field, message, table, recordId, changeId);
    }
    const change = checked.change;
    const bytes = bytesOf(change);
    if (bytes > maxChangeBytes)
      return refuse('change_refused', largestField(change), `the change is ${bytes} bytes of JSON, more than the ${maxChangeBytes} allowed`, change.table, change.recordId, change.changeId);
    const clock = checkClockSkew(change.hlc, now, maxSkewMs);
    if (!clock.ok) return refuse('clock_skew', 'hlc', clock.message, change.table, change.recordId, change.changeId);
    changes.push({ seq, change, bytes });
  }
  return { ok: true, changes };
}
