import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountFields } from '@shared/domain/account';
import { slaSummary } from '@shared/cases/sla-clocks';
import { summarizeCase, type SummaryEntry } from '@shared/cases/summary';
import { createAccount, updateAccount, ValidationError } from '../../../renderer/data/accounts';
import { addCaseEntry, applyCaseEvent, caseTimeline, CaseTransitionError, openCase, publishSlaPolicy, slaPolicies, type NewCaseFields } from '../../../renderer/data/cases';
import { openDb, type TamDeskDb } from '../../../renderer/data/db';
import { flushCaseSummaryQueue, writeProjections, writeScope } from '../../../renderer/data/projections';

/**
 * The cases repository on a real IndexedDB implementation: opening a case
 * pins the account's SLA policy and writes its first entry; lifecycle events
 * write the case and its timeline together; refusals change nothing; the
 * case summary (with its SLA digest) follows every write.
 */
const sortById = (entries: SummaryEntry[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));
const opened: TamDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

// Monday 30 Mar 2026, 08:00 UTC = 10:00 in Warsaw (CEST), inside 9-17 hours.
const MON_10 = new Date('2026-03-30T08:00:00.000Z');
const minutes = (n: number) => new Date(MON_10.getTime() + n * 60_000);

async function setUp() {
  const db = openDb(`cases-test-${crypto.randomUUID()}`);
  opened.push(db);
  const account = await createAccount(db, {
    ...emptyAccountFields('Europe/Warsaw'),
    name: 'Bursztyn Handel',
    calendar: { timeZone: 'Europe/Warsaw', weekly: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })), holidays: [], changes: [] },
  });
  const fields: NewCaseFields = {
    accountId: account.id, title: 'Deferrals at Onet', description: '421 4.7.0 since Monday', problemType: 'service-problem',
    priority: 'high', channel: 'designated-email', agent: 'Jan Agent', escalated: false, escalationReason: '',
  };
  return { db, account, fields };
}

describe('cases repository', () => {
  it('opens a case with its first entry, the default SLA policy pinned, and a summary whose first-response clock runs', async () => {
    const { db, account, fields } = await setUp();
    const c = await openCase(db, fields, { author: 'Anna TAM', now: MON_10 });
    expect(c).toMatchObject({ status: 'new', reopenCount: 0, openedAt: MON_10.toISOString(), slaPolicyVersion: 1 });
    const policies = await db.slaPolicies.where('accountId').equals(account.id).toArray();
    expect(policies).toHaveLength(1);
    expect(c.slaPolicyId).toBe(policies[0]!.id);
    expect((await caseTimeline(db, c.id)).map((e) => [e.kind, e.toStatus])).toEqual([['created', 'new']]);
    const summary = (await db.caseSummaries.get(c.id))!;
    expect(summary).toMatchObject({ accountName: 'Bursztyn Handel', status: 'new', priority: 'high', timeZone: 'Europe/Warsaw' });
    // High priority: first reply within 2 business hours: due 12:00 Warsaw.
    const state = slaSummary(summary.sla, minutes(30));
    expect(state).toMatchObject({ state: 'on-track', clock: 'first-response' });
    expect(state.nextDueAt?.toISOString()).toBe(minutes(120).toISOString());
    expect(await db.outbox.count()).toBeGreaterThanOrEqual(4); // account, policy, case, entry
  });

  it('refuses bad fields and illegal events with a reason, and changes nothing', async () => {
    const { db, fields } = await setUp();
    await expect(openCase(db, { ...fields, title: '  ' }, { author: 'Anna', now: MON_10 })).rejects.toBeInstanceOf(ValidationError);
    const c = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    const before = await db.outbox.count();
    const refused = applyCaseEvent(db, c.id, { type: 'confirmByCustomer', author: 'Anna' }, { now: minutes(5) });
    await expect(refused).rejects.toBeInstanceOf(CaseTransitionError);
    await expect(refused).rejects.toMatchObject({ refusal: { code: 'not-allowed', status: 'new', hint: 'respond-first' } });
    expect(await db.outbox.count()).toBe(before);
    expect((await db.cases.get(c.id))!.status).toBe('new');
  });

  it('follows the procedure: respond, wait on the customer (clock paused), propose, both sides confirm, reopen', async () => {
    const { db, fields } = await setUp();
    const c = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    await applyCaseEvent(db, c.id, { type: 'respond', author: 'Jan Agent', body: 'Looking into it.' }, { now: minutes(30) });
    let summary = (await db.caseSummaries.get(c.id))!;
    expect(summary.status).toBe('responded');
    expect(summary.sla.firstResponse.phase).toBe('stopped');

    await applyCaseEvent(db, c.id, { type: 'waitOnCustomer', author: 'Jan Agent', body: 'Please send the bounce log.' }, { now: minutes(60) });
    summary = (await db.caseSummaries.get(c.id))!;
    expect(slaSummary(summary.sla, minutes(600)).state).toBe('paused');

    await applyCaseEvent(db, c.id, { type: 'customerReplied', author: 'Marta', body: 'Log attached.' }, { now: minutes(120) });
    await applyCaseEvent(db, c.id, { type: 'proposeResolution', author: 'Jan Agent', body: 'Throttled to 5/min.' }, { now: minutes(150) });
    await applyCaseEvent(db, c.id, { type: 'confirmByCustomer', author: 'Marta' }, { now: minutes(160) });
    expect((await db.cases.get(c.id))!.status).toBe('resolution-proposed');
    await applyCaseEvent(db, c.id, { type: 'confirmByProvider', author: 'Jan Agent' }, { now: minutes(170) });
    expect((await db.cases.get(c.id))!.status).toBe('resolved');
    expect(slaSummary((await db.caseSummaries.get(c.id))!.sla, minutes(200)).state).toBe('met');

    const reopened = await applyCaseEvent(db, c.id, { type: 'reopen', author: 'Marta', body: 'Deferrals are back.' }, { now: minutes(300) });
    expect(reopened).toMatchObject({ status: 'in-progress', reopenCount: 1 });
    const kinds = (await caseTimeline(db, c.id)).map((e) => e.kind);
    expect(kinds).toContain('customer-confirmed');
    expect(kinds).toContain('provider-confirmed');

    // Folding each new entry into the summary gives what a full rebuild gives.
    const full = summarizeCase((await db.cases.get(c.id))!, (await db.accounts.get(c.accountId))!, await caseTimeline(db, c.id), await db.slaPolicies.toArray());
    const kept = (await db.caseSummaries.get(c.id))!;
    expect({ ...kept, entries: sortById(kept.entries) }).toEqual({ ...full, entries: sortById(full.entries) });
  });

  it('an escalated case records why; notes append; renaming the account updates its cases', async () => {
    const { db, account, fields } = await setUp();
    const c = await openCase(db, { ...fields, escalated: true, escalationReason: 'Customer losing revenue' }, { author: 'Anna', now: MON_10 });
    expect(c).toMatchObject({ escalated: true, escalationReason: 'Customer losing revenue' });
    expect((await caseTimeline(db, c.id)).map((e) => e.kind)).toEqual(['created', 'escalation']);
    await addCaseEntry(db, c.id, { kind: 'note', author: 'Anna', body: 'Called the customer.' }, { now: minutes(10) });
    expect(await db.timeline.where('caseId').equals(c.id).count()).toBe(3);
    await updateAccount(db, account.id, { ...account, name: 'Bursztyn Media' });
    expect((await db.caseSummaries.get(c.id))!.accountName).toBe('Bursztyn Media');
  });

  it('rebuilds queued summaries the same way whether it reads the timelines in one walk or case by case', async () => {
    const { db, fields } = await setUp();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const c = await openCase(db, { ...fields, title: `Case ${i}` }, { author: 'Anna', now: minutes(i) });
      if (i % 2) await applyCaseEvent(db, c.id, { type: 'respond', author: 'Jan' }, { now: minutes(i + 30) });
      ids.push(c.id);
    }
    const built = await db.caseSummaries.bulkGet(ids);
    for (const queued of [ids, ids.filter((_, i) => i % 7 !== 3)]) {
      await db.caseSummaries.bulkDelete(queued);
      await db.caseSummaryQueue.bulkPut(queued.map((id) => ({ id })));
      await flushCaseSummaryQueue(db, 500);
      expect(await db.caseSummaryQueue.count()).toBe(0);
      expect(await db.caseSummaries.bulkGet(ids)).toEqual(built);
    }
  });
});

describe('SLA policy versions', () => {
  it('publishing new targets makes a new version; open cases keep theirs, new cases take the new one', async () => {
    const { db, account, fields } = await setUp();
    const before = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    const [v1] = await slaPolicies(db, account.id);
    const faster = { ...v1!.targets, high: { ...v1!.targets.high, firstResponse: 60 } };
    const v2 = await publishSlaPolicy(db, account.id, faster, { now: minutes(5) });
    expect(v2.version).toBe(2);
    const after = await openCase(db, { ...fields, title: 'Second' }, { author: 'Anna', now: minutes(10) });
    expect((await db.cases.get(before.id))!.slaPolicyVersion).toBe(1);
    expect(after.slaPolicyVersion).toBe(2);
    // High first response: 2 h under version 1 (due 12:00), 1 h under version 2 (10:10 + 60 min).
    expect(slaSummary((await db.caseSummaries.get(before.id))!.sla, minutes(15)).nextDueAt?.toISOString()).toBe(minutes(120).toISOString());
    expect(slaSummary((await db.caseSummaries.get(after.id))!.sla, minutes(15)).nextDueAt?.toISOString()).toBe(minutes(70).toISOString());
    await expect(publishSlaPolicy(db, account.id, { ...faster, low: { ...faster.low, firstResponse: -5 } })).rejects.toBeInstanceOf(ValidationError);
    expect(await slaPolicies(db, account.id)).toHaveLength(2);
  });
});

describe('status after concurrent offline changes', () => {
  it('is what the merged timeline tells, on the page, in the summary and for the next step', async () => {
    const { db, fields } = await setUp();
    const c = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    await applyCaseEvent(db, c.id, { type: 'respond', author: 'Jan' }, { now: minutes(10) });
    // Another device moved the case to waiting on the customer at 10:30, and this device's
    // status field kept an older value: the synced timeline entry is what counts.
    await db.timeline.add({
      id: '01900000-0000-7000-8000-000000000001', createdAt: minutes(30).toISOString(), updatedAt: minutes(30).toISOString(), deletedAt: null, clocks: {},
      accountId: c.accountId, caseId: c.id, kind: 'status-change', at: minutes(30).toISOString(), author: 'Jan (laptop)', body: '',
      fromStatus: 'responded', toStatus: 'waiting-on-customer',
    });
    await flushCaseSummaryQueue(db);
    await db.caseSummaryQueue.put({ id: c.id });
    await flushCaseSummaryQueue(db);
    expect((await db.cases.get(c.id))!.status).toBe('responded');
    expect((await db.caseSummaries.get(c.id))!.status).toBe('waiting-on-customer');
    // "Customer information received" is legal only while waiting on the customer; it resumes work.
    const resumed = await applyCaseEvent(db, c.id, { type: 'customerReplied', author: 'Marta', body: 'Log attached.' }, { now: minutes(40) });
    expect(resumed.status).toBe('in-progress');
    expect((await db.caseSummaries.get(c.id))!.status).toBe('in-progress');
  });
});

describe('projections of records another version stored', () => {
  it('a malformed account does not stop the summaries of the others: its own are skipped, without throwing', async () => {
    const { db, account, fields } = await setUp();
    const good = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    const broken = await createAccount(db, { ...emptyAccountFields('Europe/Warsaw'), name: 'Harbor Travel' });
    const orphaned = await openCase(db, { ...fields, accountId: broken.id, title: 'Bounces' }, { author: 'Anna', now: MON_10 });
    // As an older version (or a teammate's broken client) left them in the database.
    await db.accounts.update(broken.id, { calendar: null, contacts: 'x' } as never);
    await db.caseSummaries.clear();
    await db.caseSummaryQueue.bulkPut([{ id: orphaned.id }, { id: good.id }]);

    await flushCaseSummaryQueue(db);
    expect(await db.caseSummaryQueue.count()).toBe(0);
    expect((await db.caseSummaries.toArray()).map((s) => s.id)).toEqual([good.id]);

    // A write of both accounts: the list summary of the good one is written, the broken one is skipped.
    await db.accountSummaries.clear();
    await db.transaction('rw', writeScope(db, ['accounts']), async () => {
      await writeProjections(db, 'accounts', [{ ...account, name: 'Bursztyn Media' }, { ...broken, contacts: 'x', calendar: null } as never]);
    });
    expect((await db.accountSummaries.toArray()).map((s) => s.name)).toEqual(['Bursztyn Media']);
    expect(await db.caseSummaries.toCollection().primaryKeys()).toEqual([good.id]);
  });

  it('a queued case with no account id is dropped from the queue, and the others are built', async () => {
    const { db, fields } = await setUp();
    const good = await openCase(db, fields, { author: 'Anna', now: MON_10 });
    const { accountId: _accountId, ...withoutAccount } = (await db.cases.get(good.id))!;
    await db.cases.put({ ...withoutAccount, id: 'no-account' } as never);
    await db.caseSummaries.clear();
    await db.caseSummaryQueue.bulkPut([{ id: 'no-account' }, { id: good.id }]);
    await flushCaseSummaryQueue(db);
    expect(await db.caseSummaryQueue.count()).toBe(0);
    expect(await db.caseSummaries.toCollection().primaryKeys()).toEqual([good.id]);
  });
});
