import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, type HlcState } from '@shared/sync/hlc';

const T = Date.parse('2026-11-02T09:00:00.000Z');
const start = (node: string): HlcState => ({ wall: 0, counter: 0, node });

/** A tiny deterministic PRNG so the simulations are reproducible. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('tick', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = tick(start('n1'), T);
    expect(a).toEqual({ wall: T, counter: 0, node: 'n1' });
    const b = tick(a, T + 5);
    expect(b).toEqual({ wall: T + 5, counter: 0, node: 'n1' });
  });

  it('counts within the same millisecond', () => {
    const a = tick(start('n1'), T);
    const b = tick(a, T);
    const c = tick(b, T);
    expect([b.counter, c.counter]).toEqual([1, 2]);
    expect(formatHlc(a) < formatHlc(b) && formatHlc(b) < formatHlc(c)).toBe(true);
  });

  it('never goes back when the wall clock does', () => {
    let clock = tick(start('n1'), T);
    let prev = formatHlc(clock);
    // The clock jumps an hour back, then creeps forward, then jumps ahead
    const walls = [T - 3_600_000, T - 3_600_000, T - 1, T, T, T + 1, T - 10, T + 2];
    for (const now of walls) {
      clock = tick(clock, now);
      const next = formatHlc(clock);
      expect(next > prev, `${next} after ${prev}`).toBe(true);
      expect(clock.wall).toBeGreaterThanOrEqual(now);
      prev = next;
    }
  });

  it('stays in string order even after 100 000 events in one millisecond', () => {
    let clock = tick(start('n1'), T);
    let prev = formatHlc(clock);
    for (let i = 0; i < 100_010; i++) {
      clock = tick(clock, T);
      const next = formatHlc(clock);
      if (!(next > prev)) expect.fail(`event ${i}: ${next} is not after ${prev}`);
      prev = next;
    }
  });
});

describe('receive', () => {
  it('moves past a remote clock that is ahead', () => {
    const local = { wall: T, counter: 3, node: 'local' };
    const remote = { wall: T + 1000, counter: 7, node: 'remote' };
    const after = receive(local, remote, T + 10);
    expect(after.node).toBe('local');
    expect(formatHlc(after) > formatHlc(remote)).toBe(true);
    expect(formatHlc(after) > formatHlc(local)).toBe(true);
    // A local event after the receive is still after the remote one
    expect(formatHlc(tick(after, T + 20)) > formatHlc(remote)).toBe(true);
  });

  it('moves past the local clock when the remote one is behind', () => {
    const local = { wall: T, counter: 3, node: 'local' };
    const remote = { wall: T - 1000, counter: 9, node: 'remote' };
    const after = receive(local, remote, T - 5);
    expect(formatHlc(after) > formatHlc(local)).toBe(true);
  });

  it('takes the larger counter when both clocks share a wall time', () => {
    const local = { wall: T, counter: 3, node: 'a' };
    const remote = { wall: T, counter: 9, node: 'b' };
    const after = receive(local, remote, T - 1);
    expect(after).toEqual({ wall: T, counter: 10, node: 'a' });
  });

  it('stays after a remote clock whose counter is at its last digit', () => {
    const remote = { wall: T, counter: 99_999, node: 'b' };
    const after = receive({ wall: T - 5, counter: 0, node: 'a' }, remote, T - 1);
    expect(formatHlc(after) > formatHlc(remote)).toBe(true);
    expect(formatHlc(tick(after, T)) > formatHlc(after)).toBe(true);
  });

  it('follows the wall clock when it is ahead of both', () => {
    const after = receive({ wall: T, counter: 3, node: 'a' }, { wall: T + 1, counter: 9, node: 'b' }, T + 50);
    expect(after).toEqual({ wall: T + 50, counter: 0, node: 'a' });
  });
});

describe('string order equals causal order', () => {
  it('in a simulated exchange between three skewed devices', () => {
    const random = lcg(42);
    // Device wall clocks drift differently; one runs 5 minutes behind and stutters backwards
    const skew = { a: 0, b: -300_000, c: 120_000 } as const;
    type Node = keyof typeof skew;
    const nodes = Object.keys(skew) as Node[];
    const clocks: Record<Node, HlcState> = { a: start('a'), b: start('b'), c: start('c') };
    const last: Record<Node, string> = { a: '', b: '', c: '' };
    const inbox: { to: Node; hlc: string }[] = [];
    let real = T;
    let checked = 0;
    for (let step = 0; step < 5000; step++) {
      real += Math.floor(random() * 3);
      const node = nodes[Math.floor(random() * 3)]!;
      const wall = real + skew[node] - (random() < 0.05 ? Math.floor(random() * 10_000) : 0);
      const message = inbox.findIndex((m) => m.to === node);
      let cause: string;
      if (message >= 0 && random() < 0.5) {
        const [m] = inbox.splice(message, 1);
        clocks[node] = receive(clocks[node], parseHlc(m!.hlc), wall);
        cause = m!.hlc > last[node] ? m!.hlc : last[node];
      } else {
        clocks[node] = tick(clocks[node], wall);
        cause = last[node];
      }
      const hlc = formatHlc(clocks[node]);
      // Every event sorts after everything that happened before it on its device
      // and after every message it has received.
      if (!(hlc > cause)) expect.fail(`step ${step}: ${hlc} is not after its cause ${cause}`);
      checked++;
      last[node] = hlc;
      if (random() < 0.3) inbox.push({ to: nodes.filter((n) => n !== node)[Math.floor(random() * 2)]!, hlc });
    }
    expect(checked).toBe(5000);
  });

  it('breaks ties between devices by node id, so two clocks never compare equal', () => {
    const a = formatHlc({ wall: T, counter: 0, node: '0123456789abcdef' });
    const b = formatHlc({ wall: T, counter: 0, node: '0123456789abcdf0' });
    expect(a).not.toBe(b);
    expect(a < b).toBe(true);
  });

  it('orders by wall time first, then counter, across digit-count changes', () => {
    const clocks = [
      { wall: 9, counter: 99, node: 'z' },
      { wall: 10, counter: 0, node: 'a' },
      { wall: 10, counter: 9, node: 'a' },
      { wall: 10, counter: 10, node: 'a' },
      { wall: 999_999_999_999, counter: 0, node: 'a' },
      { wall: T, counter: 0, node: 'a' },
    ];
    const byString = clocks.map(formatHlc).sort();
    const byNumber = [...clocks].sort((x, y) => x.wall - y.wall || x.counter - y.counter).map(formatHlc);
    expect(byString).toEqual(byNumber);
  });
});

describe('formatHlc / parseHlc', () => {
  it('round-trips', () => {
    for (const s of [
      { wall: 0, counter: 0, node: 'n' },
      { wall: T, counter: 12_345, node: '0123456789abcdef' },
      { wall: T, counter: 1, node: 'node:with:colons' },
    ]) {
      expect(parseHlc(formatHlc(s))).toEqual(s);
      expect(formatHlc(parseHlc(formatHlc(s)))).toBe(formatHlc(s));
    }
  });

  it('writes fixed-width wall and counter', () => {
    expect(formatHlc({ wall: T, counter: 7, node: 'dev' })).toBe(`00${T}:00007:dev`);
  });

  it.each(['', 'garbage', '123:456', 'abc:00000:node', '000000000000001:x:node', '000000000000001:00000:'])(
    'refuses %j',
    (text) => expect(() => parseHlc(text)).toThrow(/hybrid logical clock/),
  );
});
