import { describe, expect, it } from 'vitest';
import { addressKey, SignInLimit } from '../../server/sign-in-limit';

/** The counting behind the server's 429 for failed sign-ins (limits.test.ts proves it over HTTP). */
describe('SignInLimit', () => {
  it('counts an IPv4 address as itself and an IPv6 host by its /64, however it is written', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:0DB8:0000:0012:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:db8::12:1:2:3:4')).toBe('2001:db8:0:12::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('blocks an address after max failures until its window ends, and forgets the oldest beyond its capacity', () => {
    let now = 0;
    const limit = new SignInLimit(3, 1_000, () => now, 2);
    for (let i = 0; i < 3; i++) {
      expect(limit.retryAfterMs('10.0.0.1')).toBe(0);
      limit.failed('10.0.0.1');
    }
    now = 400;
    expect(limit.retryAfterMs('10.0.0.1')).toBe(600);
    expect(limit.retryAfterMs('10.0.0.2')).toBe(0);
    now = 1_000;
    expect(limit.retryAfterMs('10.0.0.1')).toBe(0);

    for (let i = 0; i < 3; i++) limit.failed('10.0.0.1');
    expect(limit.retryAfterMs('10.0.0.1')).toBeGreaterThan(0);
    limit.failed('10.0.0.2');
    limit.failed('10.0.0.3'); // a third address: the oldest window (10.0.0.1) is forgotten
    expect(limit.retryAfterMs('10.0.0.1')).toBe(0);
  });
});
