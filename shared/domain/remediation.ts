import { z } from 'zod';
import { domainNameSchema, ipAddressSchema } from './network';
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

/** A mailbox provider's id in the catalogue ('gmail', 'microsoft', …). */
const providerIdSchema = z.string().trim().min(1).max(40);

export const remediationRequestSchema = recordMetaSchema.extend({
  accountId: z.uuid(),
  provider: providerIdSchema,
  status: z.enum(['draft', 'ready', 'submitted', 'answered', 'mitigated', 'refused', 'withdrawn']),
  ips: z.array(ipAddressSchema).max(256),
  domains: z.array(domainNameSchema).max(256),
  description: z.string().max(20_000),
  checklist: z.record(z.string().max(80), z.boolean()),
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
  provider: providerIdSchema.nullable(),
  category: z.enum(BOUNCE_CATEGORIES),
  permanent: z.boolean(),
  sendingIp: ipAddressSchema.nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
