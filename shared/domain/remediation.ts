import { z } from 'zod';
import { recordMetaSchema } from './record';

/**
 * Tier 1 (form-based) remediation requests to mailbox providers (pośrednictwo
 * Tier 1), built by the remediation issue. The provider catalogue is static
 * code in shared/, not a record. DOMAIN.md §4-5.
 */
export const BOUNCE_CATEGORIES = [
  'ip-reputation', 'domain-reputation', 'rate-limit', 'authentication', 'content',
  'blocklist', 'recipient', 'mailbox-full', 'policy', 'unknown',
] as const;

export const remediationRequestSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  provider: z.string(),
  status: z.enum(['draft', 'ready', 'submitted', 'answered', 'mitigated', 'refused', 'withdrawn']),
  ips: z.array(z.string()),
  domains: z.array(z.string()),
  description: z.string().max(20_000),
  checklist: z.record(z.string(), z.boolean()),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  caseId: z.uuid().nullable(),
});
export type RemediationRequest = z.infer<typeof remediationRequestSchema>;

/** Append-only evidence: a triaged bounce line or an attached log excerpt. */
export const evidenceSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  requestId: z.uuid(),
  observedAt: z.iso.datetime({ offset: true }).nullable(),
  raw: z.string().max(20_000),
  provider: z.string().nullable(),
  category: z.enum(BOUNCE_CATEGORIES),
  permanent: z.boolean(),
  sendingIp: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
