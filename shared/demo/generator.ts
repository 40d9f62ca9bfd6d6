import type { Account, Contact, IpPool } from '../domain/account';
import { CONTACT_ROLES } from '../domain/account';
import { BUSINESS_HOURS_PRESETS, type BusinessWindow } from '../calendar/business-calendar';
import { seededRandom, type Random } from './random';

/**
 * The demo data set: realistic but safe accounts for the demo, the tests and
 * the benchmarks. Only documentation IP ranges (RFC 5737, RFC 3849) and
 * reserved domains (RFC 2606 example.com, .test) appear. The same seed and
 * `now` always give the same accounts.
 */
export const DEMO_SEED = 20241121;
export const DEMO_NOW = '2026-11-02T09:00:00.000Z';

const POLISH_STEMS = ['Bursztyn', 'Wisła', 'Tatry', 'Mazowsze', 'Orlik', 'Sokół', 'Żuraw', 'Dąbrowa', 'Kormoran', 'Jantar', 'Warta', 'Odra', 'Bieszczady', 'Kasztan', 'Lipa', 'Zorza', 'Sarna', 'Kruk', 'Morena', 'Baltyk'];
const POLISH_KINDS = ['Handel', 'Media', 'Logistyka', 'Finanse', 'Bank', 'Energia', 'Telekom', 'Ubezpieczenia', 'Sklep', 'Podróże'];
const POLISH_FORMS = ['Sp. z o.o.', 'S.A.', 'Sp. j.', 'Sp. k.'];
const WORLD_STEMS = ['Northwind', 'Bluefin', 'Harbor', 'Cobalt', 'Evergreen', 'Summit', 'Lumen', 'Atlas', 'Kestrel', 'Meridian', 'Granite', 'Aurora', 'Pioneer', 'Copper', 'Silverline', 'Redwood', 'Nimbus', 'Vertex', 'Beacon', 'Tidewater'];
const WORLD_KINDS = ['Retail', 'Travel', 'Payments', 'Health', 'Media', 'Logistics', 'Software', 'Insurance', 'Gaming', 'Foods'];
const WORLD_FORMS = ['Inc.', 'Ltd', 'GmbH', 'B.V.', 'LLC', 'AB'];
const FIRST_NAMES = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Paweł', 'Agnieszka', 'Michał', 'Olivia', 'James', 'Sophie', 'Lukas', 'Emma', 'Noah', 'Hannah', 'Mateo', 'Zofia', 'Jakub', 'Aisha', 'Kenji'];
const LAST_NAMES = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Smith', 'Müller', 'Johansson', 'García', 'Dubois', 'Rossi', 'Tanaka', 'Okafor', 'Brown', 'Nielsen', 'Novák', 'Costa', 'Walsh'];
export const DEMO_TAMS = ['Alicja Mazur', 'Daniel Kowal', 'Ewa Lis', 'Marcus Reed', 'Priya Nair'];
const ESPS = ['', 'SendGrid', 'Mailgun', 'Amazon SES', 'Postmark', 'Mailchimp Transactional', 'Brevo', 'SMTP on premises', 'Freshmail', 'GetResponse'];
const TAGS = ['retail', 'fintech', 'b2b', 'b2c', 'marketing', 'transactional', 'migration', 'high-volume', 'at-risk', 'renewal-q1', 'gmail-heavy', 'microsoft-heavy'];
const POOL_NAMES = ['transactional', 'marketing', 'notifications', 'default'];
const HOLIDAYS: Record<string, string[]> = {
  'Europe/Warsaw': ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'],
  'America/New_York': ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18'],
  'America/Los_Angeles': ['2026-11-26', '2026-12-25', '2027-01-01'],
  'Europe/London': ['2026-12-25', '2026-12-28', '2027-01-01'],
};
const ZONES = ['Europe/Warsaw', 'Europe/Warsaw', 'Europe/Warsaw', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function ipv4(r: Random): string {
  return `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.int(1, 254)}`;
}
function ipv6(r: Random): string {
  return `2001:db8:${r.int(1, 0xfff).toString(16)}::${r.int(1, 0xffff).toString(16)}`;
}

function weeklyFor(zone: string, r: Random): BusinessWindow[] {
  if (r.chance(0.04)) return BUSINESS_HOURS_PRESETS[4].weekly.map((w) => ({ ...w }));
  const preset = BUSINESS_HOURS_PRESETS.find((p) => p.timeZone === zone) ?? BUSINESS_HOURS_PRESETS[3];
  const weekly: BusinessWindow[] = preset.weekly.map((w) => ({ ...w }));
  if (r.chance(0.15)) {
    // A lunch break: split each day's window in two.
    return weekly.flatMap((w) => [
      { day: w.day, start: w.start, end: '12:00' },
      { day: w.day, start: '13:00', end: w.end },
    ]);
  }
  return weekly;
}

function contactsFor(r: Random, domain: string, atMs: number): Contact[] {
  const count = r.int(1, 4);
  return Array.from({ length: count }, (_, i) => {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    return {
      id: r.uuid(atMs),
      name: `${first} ${last}`,
      role: i === 0 ? 'technical' : r.pick(CONTACT_ROLES),
      email: `${slug(first)}.${slug(last)}@${domain}`,
      phone: r.chance(0.8) ? `+48 ${r.int(500, 899)} ${r.int(100, 999)} ${r.int(100, 999)}` : '',
      primary: i === 0,
    } satisfies Contact;
  });
}

function poolsFor(r: Random, atMs: number): IpPool[] {
  const poolCount = r.int(0, 2);
  const used = new Set<string>();
  return Array.from({ length: poolCount }, (_, p) => {
    const ips: string[] = [];
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const ip = r.chance(0.75) ? ipv4(r) : ipv6(r);
      if (!used.has(ip)) {
        used.add(ip);
        ips.push(ip);
      }
    }
    return { id: r.uuid(atMs), name: POOL_NAMES[p] ?? `pool-${p}`, ips };
  });
}

export type DemoOptions = { seed?: number; count?: number; now?: string };

/** `count` accounts, the same on every run for the same options. */
export function generateDemoAccounts({ seed = DEMO_SEED, count = 60, now = DEMO_NOW }: DemoOptions = {}): Account[] {
  const r = seededRandom(seed);
  const nowMs = Date.parse(now);
  const names = new Set<string>();
  const accounts: Account[] = [];
  for (let i = 0; i < count; i++) {
    const polish = r.chance(0.55);
    let name = polish
      ? `${r.pick(POLISH_STEMS)} ${r.pick(POLISH_KINDS)} ${r.pick(POLISH_FORMS)}`
      : `${r.pick(WORLD_STEMS)} ${r.pick(WORLD_KINDS)} ${r.pick(WORLD_FORMS)}`;
    if (names.has(name)) name = `${name.replace(/ (\S+)$/, '')} ${i + 1} ${name.split(' ').at(-1)}`;
    names.add(name);
    const createdMs = nowMs - r.int(1, 900) * 86_400_000 - r.int(0, 86_399_999);
    const updatedMs = Math.min(nowMs, createdMs + r.int(0, 400) * 86_400_000);
    const base = slug(name.split(' ').slice(0, 2).join(' '));
    const primaryDomain = `${base}.${r.chance(0.7) ? 'example.com' : 'test'}`;
    const zone = r.pick(ZONES);
    const domains = [primaryDomain, ...(r.chance(0.5) ? [`mail.${primaryDomain}`] : []), ...(r.chance(0.3) ? [`news.${primaryDomain}`] : [])];
    const tags = Array.from(new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(TAGS)))).sort();
    const archived = r.chance(0.06);
    const iso = (ms: number) => new Date(ms).toISOString();
    accounts.push({
      id: r.uuid(createdMs),
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      deletedAt: null,
      archivedAt: archived ? iso(updatedMs) : null,
      clocks: {},
      name,
      orgId: `ORG-${String(100000 + r.int(0, 899999))}`,
      tier: r.chance(0.8) ? 'premium' : r.chance(0.6) ? 'enterprise' : 'starter',
      ownerTam: r.pick(DEMO_TAMS),
      timeZone: zone,
      calendar: { timeZone: zone, weekly: weeklyFor(zone, r), holidays: HOLIDAYS[zone] ?? [], changes: [] },
      contacts: contactsFor(r, primaryDomain, createdMs),
      sendingDomains: domains.map((domain) => ({ id: r.uuid(createdMs), domain })),
      ipPools: poolsFor(r, createdMs),
      migratingFromEsp: r.pick(ESPS),
      dailyVolume: r.chance(0.9) ? r.int(1, 400) * 5_000 : null,
      tags,
      notes: r.chance(0.4) ? 'Renewal discussed; watch Microsoft deferrals during the warm-up.' : '',
    });
  }
  return accounts;
}
