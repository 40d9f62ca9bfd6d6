import { z } from 'zod';

/**
 * What every synced record carries. Ids are UUIDv7 (time-ordered, made on the
 * device, so records can be created offline). `clocks` holds the hybrid
 * logical clock of the last write of each field: the sync issue merges field
 * by field on it. Records are never hard-deleted: `deletedAt` is a tombstone.
 */
export const recordMetaSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  deletedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  clocks: z.record(z.string(), z.string()).default({}),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

