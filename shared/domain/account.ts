import { z } from 'zod';
import { businessCalendarSchema, timeZoneSchema } from '../calendar/business-calendar';
import { canonicalIp, domainNameSchema, ipAddressSchema } from './network';
import { recordMetaSchema } from './record';

/**
 * The account: one customer of the Email Premium Services, managed by a TAM
 * (Menedżer Konta Technicznego). Contacts, sending domains, IP pools and the
 * business calendar live inside the account; list items carry their own `id`
 * so the sync merge can treat each list as a keyed set (two people adding two
 * contacts offline keep both).
 */

export const SERVICE_TIERS = ['premium', 'enterprise', 'starter'] as const;
export const serviceTierSchema = z.enum(SERVICE_TIERS);
export type ServiceTier = z.infer<typeof serviceTierSchema>;

export const CONTACT_ROLES = ['technical', 'business', 'billing', 'security', 'marketing', 'other'] as const;

const trimmed = (max: number) => z.string().trim().max(max, { error: 'text.tooLong' });

export const contactSchema = z.object({
  id: z.uuid(),
  name: trimmed(120).min(1, { error: 'required' }),
  role: z.enum(CONTACT_ROLES),
  email: z.union([z.literal(''), z.email({ error: 'email.invalid' })]),
  phone: z.union([z.literal(''), z.string().trim().regex(/^\+?[0-9 ()./-]{5,24}$/, { error: 'phone.invalid' })]),
  primary: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const sendingDomainSchema = z.object({
  id: z.uuid(),
  domain: domainNameSchema,
});
export type SendingDomain = z.infer<typeof sendingDomainSchema>;

export const ipPoolSchema = z.object({
  id: z.uuid(),
  name: trimmed(60).min(1, { error: 'required' }),
  ips: z.array(ipAddressSchema),
});
export type IpPool = z.infer<typeof ipPoolSchema>;

/** What a TAM edits: everything but the record's own bookkeeping. */
const accountFieldsObject = z.object({
    name: trimmed(160).min(1, { error: 'required' }),
    orgId: trimmed(64),
    tier: serviceTierSchema,
    ownerTam: trimmed(120),
    timeZone: timeZoneSchema,
    calendar: businessCalendarSchema,
    contacts: z.array(contactSchema),
    sendingDomains: z.array(sendingDomainSchema),
    ipPools: z.array(ipPoolSchema),
    migratingFromEsp: trimmed(120),
    dailyVolume: z.number().int({ error: 'number.integer' }).min(0, { error: 'number.negative' }).max(1e10).nullable(),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40)),
    notes: trimmed(20_000),
});

type CrossFieldInput = {
  timeZone: string;
  calendar: { timeZone: string };
  contacts: { primary: boolean }[];
  ipPools: { ips: string[] }[];
};
export type AccountIssue = { path: (string | number)[]; message: string };

/**
 * The rules that span fields: one primary contact, no IP twice, business
 * hours in the account's zone. Exported so a form can report them together
 * with field errors (zod skips refinements while fields are invalid).
 */
export function crossFieldIssues(a: CrossFieldInput): AccountIssue[] {
  const issues: AccountIssue[] = [];
  if (a.contacts.filter((c) => c.primary).length > 1) issues.push({ path: ['contacts'], message: 'contact.onePrimary' });
  const seen = new Set<string>();
  a.ipPools.forEach((pool, p) =>
    pool.ips.forEach((ip, i) => {
      const key = canonicalIp(ip);
      if (seen.has(key)) issues.push({ path: ['ipPools', p, 'ips', i], message: 'ip.duplicate' });
      seen.add(key);
    }),
  );
  if (a.calendar.timeZone !== a.timeZone) issues.push({ path: ['calendar', 'timeZone'], message: 'calendar.zoneMismatch' });
  return issues;
}

function checkAccount(a: CrossFieldInput, ctx: z.RefinementCtx) {
  for (const issue of crossFieldIssues(a)) ctx.addIssue({ code: 'custom', ...issue });
}

export const accountFieldsSchema = accountFieldsObject.superRefine(checkAccount);
export type AccountFields = z.infer<typeof accountFieldsSchema>;

export const accountSchema = recordMetaSchema
  .extend({ archivedAt: z.iso.datetime({ offset: true }).nullable(), ...accountFieldsObject.shape })
  .superRefine(checkAccount);
export type Account = z.infer<typeof accountSchema>;

/** A blank account as the "New account" form starts it. */
export function emptyAccountFields(timeZone: string, ownerTam = ''): AccountFields {
  return {
    name: '',
    orgId: '',
    tier: 'premium',
    ownerTam,
    timeZone,
    calendar: { timeZone, weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '09:00', end: '17:00' })), holidays: [], changes: [] },
    contacts: [],
    sendingDomains: [],
    ipPools: [],
    migratingFromEsp: '',
    dailyVolume: null,
    tags: [],
    notes: '',
  };
}

export { accountIps, primaryContact } from './account-parts';
