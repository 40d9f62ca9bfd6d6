import type { z } from 'zod';
import { accountSchema } from './account';
import { slaPolicySchema, supportCaseSchema, timelineEntrySchema } from './case';
import { evidenceSchema, remediationRequestSchema } from './remediation';
import { warmupActualSchema, warmupPlanRevisionSchema, warmupPlanSchema } from './warmup';

/**
 * Every synced record type, by table name. `merge` says how sync treats it:
 * 'fields' merges field by field; 'append-only' records are written once and
 * never conflict. `textFields` are the free-text fields of a 'fields' table:
 * two concurrent edits of one still merge last-writer-wins, but the merge
 * also reports a conflict so the user can pick (shared/sync/merge.ts). A new
 * record type joins sync by being listed here.
 */
export const SYNCED_TABLES = {
  accounts: { schema: accountSchema, merge: 'fields', textFields: ['notes'] },
  cases: { schema: supportCaseSchema, merge: 'fields', textFields: ['description'] },
  timeline: { schema: timelineEntrySchema, merge: 'append-only', textFields: [] },
  slaPolicies: { schema: slaPolicySchema, merge: 'fields', textFields: [] },
  warmupPlans: { schema: warmupPlanSchema, merge: 'fields', textFields: [] },
  warmupRevisions: { schema: warmupPlanRevisionSchema, merge: 'append-only', textFields: [] },
  warmupActuals: { schema: warmupActualSchema, merge: 'append-only', textFields: [] },
  remediationRequests: { schema: remediationRequestSchema, merge: 'fields', textFields: ['description'] },
  evidence: { schema: evidenceSchema, merge: 'append-only', textFields: [] },
} as const satisfies Record<string, { schema: z.ZodType; merge: 'fields' | 'append-only'; textFields: readonly string[] }>;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];
