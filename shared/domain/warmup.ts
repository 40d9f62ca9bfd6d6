import { z } from 'zod';
import { recordMetaSchema } from './record';

/** IP warm-up migration plans (wzmacnianie IP), built by the warm-up issue. DOMAIN.md §3. */
export const WARMUP_TEMPLATES = ['standard', 'conservative', 'aggressive', 'custom'] as const;

export const warmupPlanSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  name: z.string().trim().min(1).max(160),
  template: z.enum(WARMUP_TEMPLATES),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  ips: z.array(z.string()),
  targetDailyVolume: z.number().int().min(0),
  status: z.enum(['draft', 'active', 'paused', 'done', 'abandoned']),
  currentRevisionId: z.uuid().nullable(),
});
export type WarmupPlan = z.infer<typeof warmupPlanSchema>;

/** Each change of schedule is a new revision, so an export names what the customer saw. */
export const warmupPlanRevisionSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  planId: z.uuid(),
  revision: z.number().int().min(1),
  days: z.array(z.object({ day: z.number().int().min(1), perProvider: z.record(z.string(), z.number().int().min(0)) })),
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
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  provider: z.string(),
  sent: z.number().int().min(0),
  delivered: z.number().int().min(0),
  deferred: z.number().int().min(0),
  hardBounced: z.number().int().min(0),
  complaints: z.number().int().min(0),
});
export type WarmupActual = z.infer<typeof warmupActualSchema>;
