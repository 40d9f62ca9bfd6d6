import type { SlaPolicy, SupportCase } from '../domain/case';
import { parseInstant } from './timeline';

/**
 * The SLA rules of DOMAIN.md §2 as data: the default targets per priority,
 * the versions of an account's policy, which version a case runs under, and
 * when a clock counts as at risk. The clocks themselves are in sla-digest.ts.
 */

/** A business day, for the targets stated in days: 8 business hours, the 9:00-17:00 (08:30-16:30) day of the service terms' calendars (DOMAIN.md §1). */
const BUSINESS_DAY_MINUTES = 480;

const HOUR = 60;
const DAY = BUSINESS_DAY_MINUTES;

/**
 * Proposed defaults (DOMAIN.md §2), in business minutes: urgent first reply
 * 1 h calendar time (24x7); resolution 2/5/10 business days; low has no
 * resolution target (best effort).
 */
export const DEFAULT_SLA_TARGETS = {
  urgent: { firstResponse: 1 * HOUR, nextUpdate: 4 * HOUR, resolution: 2 * DAY, calendarHours: true },
  high: { firstResponse: 2 * HOUR, nextUpdate: 8 * HOUR, resolution: 5 * DAY, calendarHours: false },
  normal: { firstResponse: 8 * HOUR, nextUpdate: 2 * DAY, resolution: 10 * DAY, calendarHours: false },
  low: { firstResponse: 2 * DAY, nextUpdate: 5 * DAY, resolution: null, calendarHours: false },
} as const satisfies SlaPolicy['targets'];

export type SlaTargets = SlaPolicy['targets'];
export type PriorityTargets = SlaTargets['urgent'];

const copyTargets = (t: { readonly [P in keyof SlaTargets]: Readonly<PriorityTargets> }): SlaTargets => ({
  urgent: { ...t.urgent },
  high: { ...t.high },
  normal: { ...t.normal },
  low: { ...t.low },
});

/** The fields of an SLA policy version; the repository adds id and meta. */
export type SlaPolicyFields = Pick<SlaPolicy, 'accountId' | 'version' | 'effectiveFrom' | 'targets'>;

/** An account's first policy version: the defaults, in force from `effectiveFrom`. */
export function initialSlaPolicy(accountId: string, effectiveFrom: Date): SlaPolicyFields {
  return { accountId, version: 1, effectiveFrom: effectiveFrom.toISOString(), targets: copyTargets(DEFAULT_SLA_TARGETS) };
}

/** The next version of an account's policy (versions are never edited: cases keep theirs). */
export function nextSlaPolicy(existing: readonly Pick<SlaPolicy, 'accountId' | 'version'>[], accountId: string, targets: SlaTargets, effectiveFrom: Date): SlaPolicyFields {
  const version = existing.filter((p) => p.accountId === accountId).reduce((max, p) => Math.max(max, p.version), 0) + 1;
  return { accountId, version, effectiveFrom: effectiveFrom.toISOString(), targets: copyTargets(targets) };
}

export type SlaPolicyLike = Pick<SlaPolicy, 'id' | 'accountId' | 'version' | 'effectiveFrom' | 'targets'> & { deletedAt?: string | null };

/**
 * The policy version a case runs under. A case pinned to a version
 * (slaPolicyId, else slaPolicyVersion) keeps it, even if tombstoned later.
 * Unpinned, it is the latest version in force when the case opened
 * (effectiveFrom <= openedAt); a case opened before the account's first
 * version gets the earliest one. Undefined when the account has none: use
 * DEFAULT_SLA_TARGETS. Pin new cases (`pinSlaPolicy`) so that a back-dated
 * version can never change an existing case.
 */
export function policyForCase<P extends SlaPolicyLike>(c: Pick<SupportCase, 'accountId' | 'openedAt' | 'slaPolicyId' | 'slaPolicyVersion'>, policies: readonly P[]): P | undefined {
  const mine = policies.filter((p) => p.accountId === c.accountId);
  if (c.slaPolicyId !== null) {
    const pinned = mine.find((p) => p.id === c.slaPolicyId);
    if (pinned) return pinned;
  }
  const live = mine.filter((p) => !p.deletedAt);
  if (c.slaPolicyVersion !== null) {
    const pinned = live.find((p) => p.version === c.slaPolicyVersion) ?? mine.find((p) => p.version === c.slaPolicyVersion);
    if (pinned) return pinned;
  }
  const opened = parseInstant(c.openedAt, 'openedAt');
  let best: P | undefined;
  for (const p of live) {
    if (parseInstant(p.effectiveFrom, 'effectiveFrom') <= opened && (!best || p.version > best.version)) best = p;
  }
  if (best) return best;
  for (const p of live) {
    const from = parseInstant(p.effectiveFrom, 'effectiveFrom');
    if (!best || from < parseInstant(best.effectiveFrom, 'effectiveFrom') || (from === parseInstant(best.effectiveFrom, 'effectiveFrom') && p.version < best.version)) best = p;
  }
  return best;
}

/** The targets a case runs under: its policy's, or the defaults. */
export function targetsForCase(c: Pick<SupportCase, 'accountId' | 'openedAt' | 'slaPolicyId' | 'slaPolicyVersion'>, policies: readonly SlaPolicyLike[]): SlaTargets {
  return policyForCase(c, policies)?.targets ?? copyTargets(DEFAULT_SLA_TARGETS);
}

/** The fields to store on a new case so it keeps the policy version it started under. */
export function pinSlaPolicy(c: Pick<SupportCase, 'accountId' | 'openedAt'>, policies: readonly SlaPolicyLike[]): Pick<SupportCase, 'slaPolicyId' | 'slaPolicyVersion'> {
  const policy = policyForCase({ ...c, slaPolicyId: null, slaPolicyVersion: null }, policies);
  return { slaPolicyId: policy?.id ?? null, slaPolicyVersion: policy?.version ?? null };
}

/**
 * At risk when at most this many business minutes are left: a quarter of the
 * target, at least 30 minutes, but never more than half of it (so a 60 min
 * target is at risk for its last 30 min, 8 h for the last 2 h, 10 days for
 * the last 2.5 days).
 */
export function atRiskMinutes(target: number): number {
  return Math.min(Math.max(target / 4, 30), target / 2);
}
