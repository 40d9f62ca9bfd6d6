import { accountFieldsSchema, crossFieldIssues, type Account, type AccountFields, type Contact } from '@shared/domain/account';
import type { BusinessWindow } from '@shared/calendar/business-calendar';
import { newId } from '@shared/ids';

/**
 * What the account form edits: the account's fields as typed, so that bad
 * input stays on screen to be corrected instead of being lost. `toFields`
 * turns a draft into fields, or into errors keyed by field path.
 */
export type AccountDraft = {
  name: string;
  orgId: string;
  tier: AccountFields['tier'];
  ownerTam: string;
  timeZone: string;
  weekly: BusinessWindow[];
  holidays: { id: string; date: string }[];
  changes: { id: string; from: string; weekly: BusinessWindow[] }[];
  contacts: Contact[];
  domains: { id: string; domain: string }[];
  pools: { id: string; name: string; ips: { id: string; address: string }[] }[];
  migratingFromEsp: string;
  dailyVolume: string;
  tags: string;
  notes: string;
};

export type DraftErrors = Record<string, string>;

export function draftFromFields(a: AccountFields | Account): AccountDraft {
  return {
    name: a.name,
    orgId: a.orgId,
    tier: a.tier,
    ownerTam: a.ownerTam,
    timeZone: a.timeZone,
    weekly: a.calendar.weekly.map((w) => ({ ...w })),
    holidays: a.calendar.holidays.map((date) => ({ id: newId(), date })),
    changes: (a.calendar.changes ?? []).map((c) => ({ id: newId(), from: c.from, weekly: c.weekly.map((w) => ({ ...w })) })),
    contacts: a.contacts.map((c) => ({ ...c })),
    domains: a.sendingDomains.map((d) => ({ ...d })),
    pools: a.ipPools.map((p) => ({ id: p.id, name: p.name, ips: p.ips.map((address) => ({ id: newId(), address })) })),
    migratingFromEsp: a.migratingFromEsp,
    dailyVolume: a.dailyVolume === null ? '' : String(a.dailyVolume),
    tags: a.tags.join(', '),
    notes: a.notes,
  };
}

/** Field paths of the draft that differ from the schema's (holidays and changes live in the calendar). */
function draftPath(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'calendar') {
    const [sub, ...tail] = rest;
    if (sub === 'timeZone') return 'timeZone';
    return [sub, ...tail].join('.');
  }
  if (head === 'sendingDomains') return ['domains', ...rest].join('.');
  if (head === 'ipPools') return ['pools', ...rest].join('.');
  return [head, ...rest].join('.');
}

const blank = (...values: string[]) => values.every((v) => v.trim() === '');

/**
 * The draft without rows added and left empty (a domain, holiday, IP, pool or
 * contact with nothing typed): an empty row is not a mistake to report.
 */
export function withoutBlankRows(draft: AccountDraft): AccountDraft {
  return {
    ...draft,
    holidays: draft.holidays.filter((h) => !blank(h.date)),
    domains: draft.domains.filter((d) => !blank(d.domain)),
    contacts: draft.contacts.filter((c) => !blank(c.name, c.email, c.phone)),
    pools: draft.pools
      .map((p) => ({ ...p, ips: p.ips.filter((ip) => !blank(ip.address)) }))
      .filter((p) => p.ips.length > 0 || (!blank(p.name) && p.name !== 'default')),
  };
}

export function toFields(draft: AccountDraft): { ok: true; fields: AccountFields } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const volumeText = draft.dailyVolume.replace(/[\s,_]/g, '');
  const dailyVolume = volumeText === '' ? null : Number(volumeText);
  if (dailyVolume !== null && !Number.isFinite(dailyVolume)) errors.dailyVolume = 'number.invalid';
  const candidate = {
    name: draft.name,
    orgId: draft.orgId,
    tier: draft.tier,
    ownerTam: draft.ownerTam,
    timeZone: draft.timeZone,
    calendar: {
      timeZone: draft.timeZone,
      weekly: draft.weekly,
      holidays: draft.holidays.map((h) => h.date),
      changes: draft.changes.map((c) => ({ from: c.from, weekly: c.weekly })),
    },
    contacts: draft.contacts,
    sendingDomains: draft.domains.map((d) => ({ id: d.id, domain: d.domain.trim() })),
    ipPools: draft.pools.map((p) => ({ id: p.id, name: p.name, ips: p.ips.map((ip) => ip.address.trim()) })),
    migratingFromEsp: draft.migratingFromEsp,
    dailyVolume: errors.dailyVolume ? 0 : dailyVolume,
    tags: [...new Set(draft.tags.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))],
    notes: draft.notes,
  };
  const parsed = accountFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    // Cross-field rules too, so every problem shows at once, not one round at a time.
    for (const issue of [...parsed.error.issues, ...crossFieldIssues(candidate)]) {
      errors[draftPath(issue.path)] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: parsed.data };
}
