import { isIPv6 } from 'node:net';

/**
 * Failed sign-ins per address. A token is 32 random bytes, so guessing one
 * is hopeless; what an unknown token costs is a database lookup. After `max`
 * failures from one address within `windowMs`, that address is answered 429
 * without a lookup until its window ends; other addresses are not affected.
 *
 * Counted per IPv4 address and per IPv6 /64 (one customer's network: a host
 * can take any of its 2^64 addresses). Memory is bounded: beyond `capacity`
 * addresses the oldest window is forgotten.
 */
export class SignInLimit {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly capacity = 100_000,
  ) {}

  /** Milliseconds until `ip` may try again, or 0 when it may now. */
  retryAfterMs(ip: string): number {
    const entry = this.failures.get(addressKey(ip));
    if (!entry) return 0;
    const left = entry.until - this.now();
    return entry.count >= this.max && left > 0 ? left : 0;
  }

  failed(ip: string): void {
    const key = addressKey(ip);
    const now = this.now();
    const entry = this.failures.get(key);
    if (entry && entry.until > now) {
      entry.count += 1;
      return;
    }
    // A new window goes to the end of the map (its insertion order is the order windows started in).
    this.failures.delete(key);
    if (this.failures.size >= this.capacity) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, { count: 1, until: now + this.windowMs });
  }
}

/** The unit an address is counted in: an IPv4 address, or an IPv6 /64. */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const bare = ip.split('%')[0]!.toLowerCase();
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const [head = '', tail] = bare.split('::');
  const front = groups(head);
  const all = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${all.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
