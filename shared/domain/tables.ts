import type { z } from 'zod';
import { accountSchema } from './account';
import { slaPolicySchema, supportCaseSchema, timelineEntrySchema } from './case';
import { evidenceSchema, remediationRequestSchema } from './remediation';
import { warmupActualSchema, warmupPlanRevisionSchema, warmupPlanSchema } from './warmup';

/**
 * Every synced record type, by table name. `merge` says how sync treats it:
 * 'fields' merges field by field; 'append-only' records are written once and
 * never conflict. A new record type joins sync by being listed here.
 */
export const SYNCED_TABLES = {
  accounts: { schema: accountSchema, merge: 'fields' },
  cases: { schema: supportCaseSchema, merge: 'fields' },
  timeline: { schema: timelineEntrySchema, merge: 'append-only' },
  slaPolicies: { schema: slaPolicySchema, merge: 'fields' },
  warmupPlans: { schema: warmupPlanSchema, merge: 'fields' },
  warmupRevisions: { schema: warmupPlanRevisionSchema, merge: 'append-only' },
  warmupActuals: { schema: warmupActualSchema, merge: 'append-only' },
  remediationRequests: { schema: remediationRequestSchema, merge: 'fields' },
  evidence: { schema: evidenceSchema, merge: 'append-only' },
} as const satisfies Record<string, { schema: z.ZodType; merge: 'fields' | 'append-only' }>;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];
