import { z } from 'zod';

/** A dedicated sending IP, IPv4 or IPv6, written as a single address. */
export const ipAddressSchema = z.union([z.ipv4(), z.ipv6()], {
  error: 'ip.invalid',
});

/** A domain name such as mail.example.com (no scheme, no path). */
export const domainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, { error: 'domain.invalid' });

export function ipVersion(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}

/**
 * One spelling per address, for comparing: IPv6 expanded to eight 4-digit
 * groups (so 2001:db8::1 equals 2001:0db8:0:0:0:0:0:1), IPv4 as is.
 */
export function canonicalIp(address: string): string {
  const text = address.trim().toLowerCase();
  if (!text.includes(':')) return text;
  let groups = text;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(groups);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    groups = groups.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.padStart(4, '0')).join(':');
}
