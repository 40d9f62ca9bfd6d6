import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SupportCase } from '../domain/case';
import { slaDigest, type DigestCase, type SlaDigest } from './sla-digest';
import type { PriorityTargets, SlaTargets } from './sla-policy';
import { slaSummary, type SlaSummary } from './sla-rating';
import type { TimelineEntryLike } from './timeline';

type DigestInputs = {
  priority: SupportCase['priority'];
  openedAt: string;
  timeline: readonly TimelineEntryLike[];
  length: number;
  targets: Readonly<PriorityTargets>;
  calendar: BusinessCalendar;
  digest: SlaDigest;
};

const calendarKeys = new WeakMap<BusinessCalendar, string>();
const calendarKey = (calendar: BusinessCalendar) => {
  let key = calendarKeys.get(calendar);
  if (key === undefined) calendarKeys.set(calendar, (key = JSON.stringify(calendar) ?? ''));
  return key;
};

/** The same timeline: the same array unchanged, or entries with the same ids, instants, statuses and tombstones. */
function sameTimeline(kept: DigestInputs, timeline: readonly TimelineEntryLike[]): boolean {
  if (timeline.length !== kept.length) return false;
  if (timeline === kept.timeline) return true;
  for (let i = 0; i < timeline.length; i++) {
    const a = kept.timeline[i]!;
    const b = timeline[i]!;
    if (a === b) continue;
    if (a.id === undefined || a.id !== b.id || a.at !== b.at || a.kind !== b.kind || a.toStatus !== b.toStatus || (a.deletedAt ?? null) !== (b.deletedAt ?? null)) return false;
  }
  return true;
}

const sameTargets = (a: Readonly<PriorityTargets>, b: Readonly<PriorityTargets>) =>
  a === b || (a.firstResponse === b.firstResponse && a.nextUpdate === b.nextUpdate && a.resolution === b.resolution && a.calendarHours === b.calendarHours);

/**
 * Digests by case id, rebuilt only when what they depend on changed: the
 * case's priority or opening, its timeline (same array and length, or the
 * same entries by id), its targets (by value) or its calendar (by content).
 * So a dashboard can hand it every open case on every tick and pay for the
 * calendar engine only on the cases that changed. Entries are append-only,
 * which is what makes an entry's id stand for its content here.
 */
export class SlaDigestCache {
  private readonly kept = new Map<string, DigestInputs>();

  digest(caseId: string, c: DigestCase, timeline: readonly TimelineEntryLike[], policy: { targets: SlaTargets } | SlaTargets, calendar: BusinessCalendar): SlaDigest {
    const targets = 'targets' in policy ? policy.targets : policy;
    const kept = this.kept.get(caseId);
    if (
      kept && kept.priority === c.priority && kept.openedAt === c.openedAt && sameTargets(kept.targets, targets[c.priority]) &&
      (kept.calendar === calendar || calendarKey(kept.calendar) === calendarKey(calendar)) && sameTimeline(kept, timeline)
    ) {
      kept.timeline = timeline;
      kept.calendar = calendar;
      return kept.digest;
    }
    const digest = slaDigest(c, timeline, targets, calendar);
    this.kept.set(caseId, { priority: c.priority, openedAt: c.openedAt, timeline, length: timeline.length, targets: { ...targets[c.priority] }, calendar, digest });
    return digest;
  }

  /** slaSummary of the case's (kept or rebuilt) digest. */
  summary(caseId: string, c: DigestCase, timeline: readonly TimelineEntryLike[], policy: { targets: SlaTargets } | SlaTargets, calendar: BusinessCalendar, now: Date | number): SlaSummary {
    return slaSummary(this.digest(caseId, c, timeline, policy, calendar), now);
  }

  /** Drops a case (deleted, or no longer shown). */
  forget(caseId: string): void {
    this.kept.delete(caseId);
  }

  /** Drops every case not in `caseIds` (after a list changed). */
  retain(caseIds: Iterable<string>): void {
    const keep = new Set(caseIds);
    for (const id of this.kept.keys()) if (!keep.has(id)) this.kept.delete(id);
  }

  get size(): number {
    return this.kept.size;
  }
}
