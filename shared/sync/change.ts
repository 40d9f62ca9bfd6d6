import { z } from 'zod';
import { SYNCED_TABLE_NAMES } from '../domain/tables';

/**
 * One local change, as written to the outbox in the same transaction as the
 * record. `patch` holds only the fields the change set, each stamped with the
 * change's clock in the record's `clocks`; `base` holds, for each of those
 * fields, the clock of the value it replaced (null for a new field), so a
 * replica can tell an edit made on top of its value from a concurrent one.
 * `changeId` makes a replay harmless.
 */
export const changeSchema = z.object({
  changeId: z.uuid(),
  table: z.enum(SYNCED_TABLE_NAMES as [string, ...string[]]),
  recordId: z.uuid(),
  op: z.enum(['create', 'update', 'archive', 'restore', 'delete']),
  patch: z.record(z.string(), z.unknown()),
  base: z.record(z.string(), z.string().nullable()),
  hlc: z.string().regex(/^\d{15}:\d{5}:[A-Za-z0-9-]{1,64}$/),
  at: z.iso.datetime({ offset: true }),
});
export type Change = z.infer<typeof changeSchema>;

/** An outbox row: a change waiting to be pushed, in the order it was made. */
export type OutboxEntry = Change & { seq?: number };
