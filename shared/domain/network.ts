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
