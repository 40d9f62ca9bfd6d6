import { formatHlc, type Hlc } from '@shared/sync/hlc';
import type { Change } from '@shared/sync/change';

export const RECORD_ID = '01890000-0000-7000-8000-000000000001';

/** A clock at `wall` ms on `node`. */
export const clock = (wall: number, node: string, counter = 0): Hlc => formatHlc({ wall, counter, node });

let changeSeq = 0;

/** A change with sensible defaults: an update of RECORD_ID in accounts. */
export function change(fields: Partial<Change> & Pick<Change, 'hlc'>): Change {
  changeSeq += 1;
  const patch = fields.patch ?? {};
  return {
    changeId: `00000000-0000-4000-8000-${String(changeSeq).padStart(12, '0')}`,
    table: 'accounts',
    recordId: RECORD_ID,
    op: 'update',
    base: Object.fromEntries(Object.keys(patch).map((k) => [k, null])),
    at: new Date(Number(fields.hlc.slice(0, 15))).toISOString(),
    ...fields,
    patch,
  };
}
