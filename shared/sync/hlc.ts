/**
 * Hybrid logical clock (Kulkarni et al.), as text that sorts in causal order:
 *   <wall ms, 15 digits>:<counter, 5 digits>:<node id>
 *
 * Invariants:
 * - `tick` never returns a clock at or below the previous one, even if the
 *   device's wall clock goes backwards: the counter carries the order.
 * - Two clocks from different nodes never compare equal (the node id breaks
 *   ties), so last-writer-wins per field is deterministic on every replica.
 * - Plain string comparison is the clock order.
 */
export type Hlc = string;

export type HlcState = { wall: number; counter: number; node: string };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/**
 * A counter past its digits would break the text order ("100000" < "99999"),
 * so it carries into the wall time instead: the clock runs at most a few
 * milliseconds ahead, and string order stays causal order.
 */
const carry = (s: HlcState): HlcState => (s.counter > MAX_COUNTER ? { wall: s.wall + 1, counter: 0, node: s.node } : s);

export function formatHlc(s: HlcState): Hlc {
  return `${String(s.wall).padStart(WALL_DIGITS, '0')}:${String(s.counter).padStart(COUNTER_DIGITS, '0')}:${s.node}`;
}

export function parseHlc(hlc: Hlc): HlcState {
  const [wall, counter, ...node] = hlc.split(':');
  const parsed = { wall: Number(wall), counter: Number(counter), node: node.join(':') };
  if (!Number.isSafeInteger(parsed.wall) || !Number.isSafeInteger(parsed.counter) || !parsed.node) {
    throw new Error(`Not a hybrid logical clock: ${hlc}`);
  }
  return parsed;
}

/** The clock of a new local event after `prev`, at wall time `now`. */
export function tick(prev: HlcState, now: number): HlcState {
  if (now > prev.wall) return { wall: now, counter: 0, node: prev.node };
  return carry({ wall: prev.wall, counter: prev.counter + 1, node: prev.node });
}

/** The local clock after seeing a remote clock (a pulled change's). */
export function receive(local: HlcState, remote: HlcState, now: number): HlcState {
  const wall = Math.max(local.wall, remote.wall, now);
  let counter = 0;
  if (wall === local.wall && wall === remote.wall) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wall) counter = local.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return carry({ wall, counter, node: local.node });
}
