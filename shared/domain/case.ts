import { z } from 'zod';
import { recordMetaSchema } from './record';

/**
 * Escalated support cases (Sprawy Wsparcia), built by the cases issue. The
 * shapes are fixed now so that the local schema and the sync log need no
 * rewrite when the screens arrive. See DOMAIN.md §1-2.
 */
export const PROBLEM_TYPES = ['service-problem', 'configuration-inquiry', 'information-inquiry'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const CASE_CHANNELS = ['platform-panel', 'designated-email'] as const;
export const CASE_STATUSES = [
  'new', 'responded', 'in-progress', 'waiting-on-customer', 'waiting-on-provider',
  'resolution-proposed', 'resolved', 'closed',
] as const;

const at = z.iso.datetime({ offset: true });

export const supportCaseSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(50_000),
  problemType: z.enum(PROBLEM_TYPES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CASE_CHANNELS),
  agent: z.string().max(120),
  status: z.enum(CASE_STATUSES),
  escalated: z.boolean(),
  escalationReason: z.string().max(2000),
  slaPolicyId: z.uuid().nullable(),
  slaPolicyVersion: z.number().int().min(1).nullable(),
  openedAt: at,
  reopenCount: z.number().int().min(0),
});
export type SupportCase = z.infer<typeof supportCaseSchema>;

export const TIMELINE_KINDS = [
  'created', 'agent-response', 'customer-information', 'progress-update', 'escalation',
  'status-change', 'customer-confirmed', 'provider-confirmed', 'note', 'email',
] as const;

/** Append-only: entries are never edited, so they never conflict. */
export const timelineEntrySchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(TIMELINE_KINDS),
  at,
  author: z.string().max(120),
  body: z.string().max(100_000),
  fromStatus: z.enum(CASE_STATUSES).nullable(),
  toStatus: z.enum(CASE_STATUSES).nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const minutes = z.number().int().min(1).nullable();
export const slaTargetsSchema = z.object({ firstResponse: minutes, nextUpdate: minutes, resolution: minutes, calendarHours: z.boolean() });

/** Versioned: a case keeps the version it started under. */
export const slaPolicySchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  version: z.number().int().min(1),
  effectiveFrom: at,
  targets: z.object({ urgent: slaTargetsSchema, high: slaTargetsSchema, normal: slaTargetsSchema, low: slaTargetsSchema }),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
