import { z } from 'zod';
import { ipAddressSchema } from './network';
import { recordMetaSchema } from './record';

/**
 * Bounds on every list and text, so that a synced record stays small
 * whatever a form or a teammate sends (shared/sync/validate.ts checks each
 * field a change sets against these schemas).
 */
const providerIdSchema = z.string().trim().min(1).max(40);
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** IP warm-up migration plans (wzmacnianie IP), built by the warm-up issue. DOMAIN.md §3. */
export const WARMUP_TEMPLATES = ['standard', 'conservative', 'aggressive', 'custom'] as const;

export const warmupPlanSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  name: z.string().trim().min(1).max(160),
  template: z.enum(WARMUP_TEMPLATES),
  startDate: isoDateSchema,
  ips: z.array(ipAddressSchema).max(256),
  targetDailyVolume: z.number().int().min(0).max(1e10),
  status: z.enum(['draft', 'active', 'paused', 'done', 'abandoned']),
  currentRevisionId: z.uuid().nullable(),
});
export type WarmupPlan = z.infer<typeof warmupPlanSchema>;

/** Each change of schedule is a new revision, so an export names what the customer saw. */
export const warmupPlanRevisionSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  planId: z.uuid(),
  revision: z.number().int().min(1),
  days: z.array(z.object({ day: z.number().int().min(1), perProvider: z.record(providerIdSchema, z.number().int().min(0)) })).max(400),
  thresholds: z.object({
    complaintWarn: z.number(), complaintStop: z.number(),
    hardBounceWarn: z.number(), hardBounceStop: z.number(),
    deferralWarn: z.number(), deferralStop: z.number(),
  }),
  reason: z.string().max(2000),
});
export type WarmupPlanRevision = z.infer<typeof warmupPlanRevisionSchema>;

/** Append-only daily actuals per provider. */
export const warmupActualSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  planId: z.uuid(),
  date: isoDateSchema,
  provider: providerIdSchema,
  sent: z.number().int().min(0),
  delivered: z.number().int().min(0),
  deferred: z.number().int().min(0),
  hardBounced: z.number().int().min(0),
  complaints: z.number().int().min(0),
});
export type WarmupActual = z.infer<typeof warmupActualSchema>;
