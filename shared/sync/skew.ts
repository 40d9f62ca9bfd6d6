import { parseHlc, type Hlc } from './hlc';

/**
 * The clock-skew bound shared by client and server.
 *
 * Last-writer-wins trusts the wall time inside a hybrid logical clock: a
 * device whose clock is set to next year would win every field it touches
 * for a year, and the clocks of everyone who syncs with it would be dragged
 * along (`receive` takes the max). So the server refuses (error code
 * 'clock_skew') any change whose clock's wall time is more than
 * MAX_CLOCK_SKEW_MS ahead of its own time. A clock behind the server's is
 * harmless (it only loses ties it should lose) and is accepted.
 *
 * The client keeps to the same bound: its clock never runs ahead of its own
 * time plus the bound (renderer/data/write.ts), and after a 'clock_skew'
 * refusal it re-stamps the waiting changes made while it ran ahead
 * (renderer/data/sync/restamp.ts); if there are none, the user is told to
 * fix the computer's clock.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type ClockSkewCheck =
  | { ok: true }
  | { ok: false; reason: 'not_a_clock'; message: string }
  | { ok: false; reason: 'ahead'; aheadMs: number; message: string };

/** Whether `hlc` is an acceptable clock for a change received at `nowMs`. */
export function checkClockSkew(hlc: Hlc, nowMs: number, maxSkewMs: number = MAX_CLOCK_SKEW_MS): ClockSkewCheck {
  let wall: number;
  try {
    wall = parseHlc(hlc).wall;
  } catch {
    return { ok: false, reason: 'not_a_clock', message: `not a hybrid logical clock: ${hlc}` };
  }
  const aheadMs = wall - nowMs;
  if (aheadMs <= maxSkewMs) return { ok: true };
  return {
    ok: false,
    reason: 'ahead',
    aheadMs,
    message: `clock ${new Date(wall).toISOString()} is ${Math.ceil(aheadMs / 1000)} s ahead of ${new Date(nowMs).toISOString()} (at most ${Math.round(maxSkewMs / 1000)} s allowed); fix the device's clock`,
  };
}
