import { slaPolicySchema, supportCaseSchema, type SlaPolicy, type SupportCase, type TimelineEntry } from '@shared/domain/case';
import { initialSlaPolicy, nextSlaPolicy, pinSlaPolicy, type SlaTargets } from '@shared/cases/sla-clocks';
import { openingEntry, transition, type CaseEvent, type TimelineEntryDraft, type TransitionRefusal } from '@shared/cases/lifecycle';
import { caseStatus } from '@shared/cases/timeline';
import { newId } from '@shared/ids';
import { ValidationError } from './accounts';
import type { TamDeskDb } from './db';
import { writeScope } from './projections';
import { writeRecord, type WriteOptions } from './write';

/**
 * Support cases on this device. A case is opened with its first timeline
 * entry, and every change of its status goes through the shared lifecycle
 * (shared/cases/lifecycle.ts), which answers with the case's new fields and
 * the timeline entries that record it; both are written in one transaction.
 * Timeline entries are append-only.
 */
export const NEW_CASE_FIELDS = supportCaseSchema.pick({
  accountId: true, title: true, description: true, problemType: true, priority: true, channel: true, agent: true,
  escalated: true, escalationReason: true,
});
export type NewCaseFields = ReturnType<typeof NEW_CASE_FIELDS.parse>;

/** A case as a TAM starts one: escalated to them, normal priority, by the designated email address. */
export const emptyCaseFields = (accountId = ''): NewCaseFields => ({
  accountId, title: '', description: '', problemType: 'service-problem', priority: 'normal', channel: 'designated-email',
  agent: '', escalated: true, escalationReason: '',
});

type CaseWriteOptions = WriteOptions & { author: string };

/** The lifecycle refused an event: `refusal` says why, in words the UI translates. */
export class CaseTransitionError extends Error {
  constructor(readonly refusal: TransitionRefusal) {
    super(`The case lifecycle refused ${refusal.event} while ${refusal.status}: ${refusal.code}${refusal.hint ? ` (${refusal.hint})` : ''}`);
  }
}

const caseTables = (db: TamDeskDb) => writeScope(db, ['cases', 'timeline', 'slaPolicies']);

function appendEntries(db: TamDeskDb, c: Pick<SupportCase, 'id' | 'accountId'>, drafts: readonly TimelineEntryDraft[], options: WriteOptions) {
  return drafts.reduce<Promise<TimelineEntry | null>>(
    async (previous, draft) => {
      await previous;
      return writeRecord<TimelineEntry>(db, 'timeline', 'create', newId(), { ...draft, caseId: c.id, accountId: c.accountId }, options);
    },
    Promise.resolve(null),
  );
}

/**
 * Opens a case on an account: status new, the account's current SLA policy
 * pinned (the account gets the default policy on its first case), a
 * "created" entry, and an escalation entry when it comes escalated.
 */
export async function openCase(db: TamDeskDb, fields: NewCaseFields, { author, ...options }: CaseWriteOptions): Promise<SupportCase> {
  const parsed = NEW_CASE_FIELDS.safeParse(fields);
  if (!parsed.success) throw ValidationError.of(parsed.error);
  const now = options.now ?? new Date();
  return db.transaction('rw', caseTables(db), async () => {
    if (!(await db.accounts.get(parsed.data.accountId))) throw new Error(`Account ${parsed.data.accountId} not found`);
    let policies: SlaPolicy[] = await db.slaPolicies.where('accountId').equals(parsed.data.accountId).toArray();
    if (policies.length === 0) {
      policies = [await writeRecord<SlaPolicy>(db, 'slaPolicies', 'create', newId(), initialSlaPolicy(parsed.data.accountId, new Date(0)), options)];
    }
    const openedAt = now.toISOString();
    const pinned = pinSlaPolicy({ accountId: parsed.data.accountId, openedAt }, policies);
    const created = await writeRecord<SupportCase>(
      db, 'cases', 'create', newId(),
      { ...parsed.data, escalated: false, escalationReason: '', status: 'new', reopenCount: 0, openedAt, ...pinned },
      options,
    );
    await appendEntries(db, created, [openingEntry(now, author, parsed.data.description)], options);
    if (parsed.data.escalated) return applyCaseEvent(db, created.id, { type: 'escalate', author, body: parsed.data.escalationReason }, options);
    return created;
  });
}

/** Applies a lifecycle event; throws CaseTransitionError when the lifecycle refuses it. */
export async function applyCaseEvent(db: TamDeskDb, caseId: string, event: CaseEvent, options: WriteOptions = {}): Promise<SupportCase> {
  const now = options.now ?? new Date();
  return db.transaction('rw', caseTables(db), async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error(`Case ${caseId} not found`);
    const timeline = await db.timeline.where('caseId').equals(caseId).toArray();
    // The timeline's status, which every device agrees on (shared/cases/timeline.ts).
    const result = transition({ ...current, status: caseStatus(current, timeline) }, event, now, timeline);
    if (!result.ok) throw new CaseTransitionError(result.reason);
    const updated = await writeRecord<SupportCase>(db, 'cases', 'update', caseId, result.next, options);
    await appendEntries(db, current, result.entries, options);
    return updated;
  });
}

/** A note or an imported email on a case's timeline (no change of status). */
export async function addCaseEntry(
  db: TamDeskDb,
  caseId: string,
  entry: Pick<TimelineEntry, 'kind' | 'author' | 'body'> & { at?: string },
  options: WriteOptions = {},
): Promise<TimelineEntry> {
  const now = options.now ?? new Date();
  return db.transaction('rw', caseTables(db), async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error(`Case ${caseId} not found`);
    const draft: TimelineEntryDraft = { kind: entry.kind, at: entry.at ?? now.toISOString(), author: entry.author, body: entry.body, fromStatus: null, toStatus: null };
    return (await appendEntries(db, current, [draft], options))!;
  });
}

export const caseTimeline = (db: TamDeskDb, caseId: string): Promise<TimelineEntry[]> =>
  db.timeline.where('caseId').equals(caseId).sortBy('at');

/** The account's SLA policy versions, oldest first. */
export const slaPolicies = async (db: TamDeskDb, accountId: string): Promise<SlaPolicy[]> =>
  (await db.slaPolicies.where('accountId').equals(accountId).toArray()).sort((a, b) => a.version - b.version);

/**
 * New SLA targets for an account: a new policy version, effective from `now`.
 * Cases already open keep the version they started under (pinned when opened).
 */
export async function publishSlaPolicy(db: TamDeskDb, accountId: string, targets: SlaTargets, options: WriteOptions = {}): Promise<SlaPolicy> {
  const parsed = slaPolicySchema.shape.targets.safeParse(targets);
  if (!parsed.success) throw ValidationError.of(parsed.error);
  const now = options.now ?? new Date();
  return db.transaction('rw', caseTables(db), async () => {
    const fields = nextSlaPolicy(await slaPolicies(db, accountId), accountId, parsed.data, now);
    return writeRecord<SlaPolicy>(db, 'slaPolicies', 'create', newId(), fields, options);
  });
}
