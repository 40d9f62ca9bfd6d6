import { describe, expect, it } from 'vitest';
import { DEMO_NOW, generateDemoAccounts } from '@shared/demo/generator';
import { seededRandom } from '@shared/demo/random';
import { accountIps, accountSchema, type Account } from '@shared/domain/account';

/** The eight 16-bit groups of an IPv6 address (no embedded IPv4 form). */
function ipv6Groups(address: string): number[] {
  const [head, tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array.from({ length: zeros }, () => '0'), ...right].map((g) => {
    expect(g, address).toMatch(/^[0-9a-f]{1,4}$/);
    return parseInt(g, 16);
  });
  expect(groups, address).toHaveLength(8);
  return groups;
}

/** RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) or RFC 3849 (2001:db8::/32). */
function isDocumentationIp(ip: string): boolean {
  if (ip.includes(':')) {
    const [a, b] = ipv6Groups(ip);
    return a === 0x2001 && b === 0x0db8;
  }
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return false;
  const net = octets.slice(0, 3).join('.');
  return net === '192.0.2' || net === '198.51.100' || net === '203.0.113';
}

/** RFC 2606 / 6761: example.com and its subdomains, or anything under .test. */
const isReservedDomain = (domain: string) => domain === 'example.com' || domain.endsWith('.example.com') || domain.endsWith('.test');

describe('the documentation-range checks themselves', () => {
  it('tell documentation addresses and domains from real ones', () => {
    expect(['192.0.2.1', '198.51.100.254', '203.0.113.7', '2001:db8::1', '2001:DB8:ffff::1'].every(isDocumentationIp)).toBe(true);
    expect(['192.0.3.1', '8.8.8.8', '10.0.0.1', '2001:db9::1', '2001:4860::8888', '::1'].some(isDocumentationIp)).toBe(false);
    expect(['example.com', 'mail.example.com', 'acme.test'].every(isReservedDomain)).toBe(true);
    expect(['example.org', 'notexample.com', 'acme.testing', 'gmail.com'].some(isReservedDomain)).toBe(false);
  });
});

describe('generateDemoAccounts', () => {
  const many: Account[] = generateDemoAccounts({ count: 5000 });

  it('gives identical output for the same seed', () => {
    const a = generateDemoAccounts({ seed: 7, count: 200 });
    const b = generateDemoAccounts({ seed: 7, count: 200 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // The default seed too, across calls
    expect(JSON.stringify(generateDemoAccounts({ count: 5000 }))).toBe(JSON.stringify(many));
  });

  it('gives different output for a different seed', () => {
    const a = generateDemoAccounts({ seed: 7, count: 50 });
    const b = generateDemoAccounts({ seed: 8, count: 50 });
    expect(a.map((x) => x.id)).not.toEqual(b.map((x) => x.id));
    expect(a.map((x) => x.name)).not.toEqual(b.map((x) => x.name));
  });

  it('makes the requested number of accounts', () => {
    expect(many).toHaveLength(5000);
    expect(generateDemoAccounts({ count: 0 })).toEqual([]);
    expect(generateDemoAccounts()).toHaveLength(60);
  });

  it('makes 5000 accounts that all pass the account schema', () => {
    const failures = many.flatMap((a, i) => {
      const r = accountSchema.safeParse(a);
      return r.success ? [] : [`${i}: ${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join(', ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('gives every account and every list item a unique id', () => {
    const ids = many.flatMap((a) => [a.id, ...a.contacts.map((c) => c.id), ...a.sendingDomains.map((d) => d.id), ...a.ipPools.map((p) => p.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(many.map((a) => a.name)).size).toBe(many.length);
  });

  it('uses only documentation IP ranges', () => {
    const ips = many.flatMap(accountIps);
    expect(ips.length).toBeGreaterThan(1000);
    expect(ips.some((ip) => ip.includes(':'))).toBe(true);
    expect(ips.filter((ip) => !isDocumentationIp(ip))).toEqual([]);
  });

  it('uses only reserved domains, for sending domains and contact emails', () => {
    const domains = many.flatMap((a) => a.sendingDomains.map((d) => d.domain));
    expect(domains.filter((d) => !isReservedDomain(d))).toEqual([]);
    const emails = many.flatMap((a) => a.contacts.map((c) => c.email)).filter(Boolean);
    expect(emails.length).toBeGreaterThan(5000);
    const badEmails = emails.filter((e) => {
      const at = e.lastIndexOf('@');
      return at <= 0 || !isReservedDomain(e.slice(at + 1));
    });
    expect(badEmails).toEqual([]);
  });

  it('keeps dates consistent with `now`', () => {
    const now = Date.parse(DEMO_NOW);
    for (const a of many) {
      const created = Date.parse(a.createdAt);
      const updated = Date.parse(a.updatedAt);
      if (!(created <= updated && updated <= now)) expect.fail(`${a.id}: ${a.createdAt} .. ${a.updatedAt}`);
      if (a.archivedAt !== null && Date.parse(a.archivedAt) > now) expect.fail(`${a.id} archived in the future`);
    }
    const later = generateDemoAccounts({ count: 20, now: '2030-01-01T00:00:00.000Z' });
    expect(later.every((a) => a.createdAt > '2027')).toBe(true);
  });

  it('has one primary contact per account, and a calendar in the account zone', () => {
    for (const a of many) {
      if (a.contacts.length > 0 && a.contacts.filter((c) => c.primary).length !== 1) expect.fail(`${a.id} primaries`);
      if (a.calendar.timeZone !== a.timeZone) expect.fail(`${a.id} zone`);
    }
  });

  it('includes the variety the demo needs: Polish names, archived accounts, lunch breaks, several owners', () => {
    expect(many.some((a) => a.name.includes('Wisła'))).toBe(true);
    expect(many.some((a) => a.archivedAt !== null)).toBe(true);
    expect(many.some((a) => a.archivedAt === null)).toBe(true);
    expect(many.some((a) => a.calendar.weekly.some((w) => w.end === '12:00'))).toBe(true);
    expect(new Set(many.map((a) => a.ownerTam)).size).toBeGreaterThan(1);
  });
});

describe('seededRandom', () => {
  it('repeats for the same seed and stays in range', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const x = a.int(3, 9);
      expect(b.int(3, 9)).toBe(x);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
    }
    const seen = new Set(Array.from({ length: 1000 }, () => a.int(3, 9)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('makes UUIDv7 ids carrying the given time', () => {
    const at = Date.parse('2026-11-02T09:00:00.000Z');
    const id = seededRandom(1).uuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
    expect(seededRandom(1).uuid(at)).toBe(id);
  });
});
