import { SYNCED_TABLES, type SyncedTable } from '@shared/domain/tables';
import type { Change, OutboxEntry } from '@shared/sync/change';
import type { ChangeProblem } from '@shared/sync/validate';
import { textProblem } from '@shared/text';
import type { TamDeskDb } from '../db';

/**
 * Changes sync could not take, kept with their reason instead of blocking
 * everything behind them or vanishing:
 * - pulled: a teammate's change that fails `checkChange` (a field of the
 *   wrong type, text no replica can store). It is not applied; the rest of
 *   its page is, and the cursor moves on.
 * - outgoing: a change of this device the server refuses for good (or that
 *   fails the same check before it is sent). It leaves the outbox, so the
 *   rest goes out. The record keeps it on this device. Editing the record
 *   again sends a new change; once the server acknowledges one that sets the
 *   refused field, the entry goes by itself. Discarding it only removes it
 *   from this list: the team never gets it.
 */
export type SetAsideReason = 'unknownField' | 'invalidValue' | 'unstorableText' | 'appendOnly' | 'malformed' | 'tooLarge' | 'refused';

export type SetAsideRow = {
  /** `${direction}/${changeId}` (a pulled change without one: its server seq). */
  id: string;
  direction: 'pulled' | 'outgoing';
  /** The change as it came or went (a pulled one may not even be a change). */
  change: unknown;
  table: string | null;
  recordId: string | null;
  /** The field at fault, as a dotted path (`contacts.0.email`), or the change's own key (`hlc`). */
  field: string;
  reason: SetAsideReason;
  /** The technical detail (the validator's or the server's words, in English). */
  detail: string;
  /** Who sent a pulled change. */
  from: { author: string; clientId: string; serverSeq: number } | null;
  /** When it was set aside. */
  at: string;
};

const OPS = new Set(['create', 'update', 'archive', 'restore', 'delete']);

/** Why a change is refused, in words the app can translate: read from the change itself, not from the message. */
export function reasonOf(change: unknown, field: string): SetAsideReason {
  const c = (typeof change === 'object' && change !== null ? change : {}) as Partial<Change>;
  const table = typeof c.table === 'string' && Object.hasOwn(SYNCED_TABLES, c.table) ? (c.table as SyncedTable) : null;
  if (field === 'op') return table && OPS.has(String(c.op)) && SYNCED_TABLES[table].merge === 'append-only' ? 'appendOnly' : 'malformed';
  const patch = typeof c.patch === 'object' && c.patch !== null ? (c.patch as Record<string, unknown>) : null;
  const [root = '', ...path] = field.split('.');
  if (!table || !patch || !Object.hasOwn(patch, root)) return 'malformed';
  const shape = (SYNCED_TABLES[table].schema as unknown as { shape: Record<string, unknown> }).shape;
  if (!Object.hasOwn(shape, root)) return 'unknownField';
  const value = path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), patch[root]);
  if (typeof value === 'string' && textProblem(value)) return 'unstorableText';
  return 'invalidValue';
}

const rowOf = (direction: SetAsideRow['direction'], change: unknown, problem: ChangeProblem, extra: Partial<SetAsideRow> = {}): SetAsideRow => {
  const changeId = (change as Partial<Change> | null)?.changeId;
  return {
    id: `${direction}/${typeof changeId === 'string' ? changeId : `seq-${extra.from?.serverSeq ?? 0}`}`,
    direction,
    change,
    table: problem.table,
    recordId: problem.recordId,
    field: problem.field,
    reason: reasonOf(change, problem.field),
    detail: problem.message,
    from: null,
    at: new Date().toISOString(),
    ...extra,
  };
};

/** The row for a pulled change that failed the check. */
export const pulledRow = (change: unknown, problem: ChangeProblem, from: NonNullable<SetAsideRow['from']>): SetAsideRow =>
  rowOf('pulled', change, problem, { from });

/** Moves an outbox entry out of the outbox and into the set-aside list, in one transaction. */
export async function setAsideOutgoing(db: TamDeskDb, entry: OutboxEntry, problem: ChangeProblem, reason?: SetAsideReason): Promise<void> {
  const { seq, ...change } = entry;
  const row = rowOf('outgoing', change, problem);
  await db.transaction('rw', db.outbox, db.setAside, async () => {
    await db.outbox.delete(seq!);
    await db.setAside.put(reason ? { ...row, reason } : row);
  });
}

/**
 * Outgoing entries that a later, acknowledged change fixed: one of the same
 * record, made after it, that set the refused field. Call in a transaction
 * holding `setAside`.
 */
export async function settleFixed(db: TamDeskDb, acknowledged: readonly Change[]): Promise<void> {
  if (acknowledged.length === 0) return;
  const keys = [...new Map(acknowledged.map((c) => [`${c.table}/${c.recordId}`, [c.table, c.recordId]])).values()];
  const rows = await db.setAside.where('[table+recordId]').anyOf(keys).filter((r) => r.direction === 'outgoing').toArray();
  const fixed = rows.filter((row) => {
    const refusedAt = (row.change as Change).hlc;
    return acknowledged.some(
      (c) => c.table === row.table && c.recordId === row.recordId && c.hlc > refusedAt && Object.hasOwn(c.patch, row.field.split('.')[0]!),
    );
  });
  if (fixed.length > 0) await db.setAside.bulkDelete(fixed.map((r) => r.id));
}

/** Removes a set-aside change for good (after the user confirmed). */
export const discardSetAside = (db: TamDeskDb, id: string): Promise<void> => db.setAside.delete(id);
