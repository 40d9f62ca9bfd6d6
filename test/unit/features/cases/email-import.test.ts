import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEmail } from '@shared/cases/email';
import type { CaseSummary } from '@shared/cases/summary';
import { emptyAccountFields } from '@shared/domain/account';
import { checkChange } from '@shared/sync/validate';
import { createAccount } from '../../../../renderer/data/accounts';
import { addCaseEntry, NEW_CASE_FIELDS, openCase } from '../../../../renderer/data/cases';
import { openDb, type TamDeskDb } from '../../../../renderer/data/db';
import {
  baseSubject, emailEntryBody, entryAuthor, entryTime, isEmailFile, newCaseFromEmail, openCaseChoices, preferredCase, senderLine, suggestedAction,
} from '../../../../renderer/features/cases/email-import';

const ACCOUNT = '0190a000-0000-7000-8000-000000000001';
const OTHER = '0190a000-0000-7000-8000-000000000002';

const email = {
  subject: 'Deferrals at Onet since Monday',
  from: { name: 'Marta Zielińska', address: 'marta@bursztyn.example.com' },
  text: '421 4.7.0 on 30% of messages to onet.pl',
  sentAt: '2026-03-30T06:15:00.000Z',
  replyTo: [] as string[],
};

const summary = (id: string, accountId: string, title: string, openedAt: string, status: CaseSummary['status'] = 'in-progress', deletedAt: string | null = null) =>
  ({ id, accountId, accountName: accountId === ACCOUNT ? 'Bursztyn' : 'Harbor', title, status, openedAt, deletedAt }) as CaseSummary;

describe('email files', () => {
  it('takes *.eml (any case) and message/rfc822, nothing else', () => {
    expect(isEmailFile({ name: 'reply.eml', type: '' })).toBe(true);
    expect(isEmailFile({ name: 'REPLY.EML', type: '' })).toBe(true);
    expect(isEmailFile({ name: 'message', type: 'message/rfc822' })).toBe(true);
    expect(isEmailFile({ name: 'notes.txt', type: 'text/plain' })).toBe(false);
    expect(isEmailFile({ name: 'eml.pdf', type: 'application/pdf' })).toBe(false);
  });
});

describe('a new case from an email', () => {
  it('has the subject as its title, the text as its description, by the designated email address, and is valid', () => {
    const fields = newCaseFromEmail(email, ACCOUNT);
    expect(fields).toMatchObject({ accountId: ACCOUNT, title: email.subject, description: email.text, channel: 'designated-email', escalated: true });
    expect(NEW_CASE_FIELDS.safeParse({ ...fields, escalationReason: 'Launch on Wednesday' }).success).toBe(true);
  });

  it('clips a subject and a text longer than a case takes', () => {
    const fields = newCaseFromEmail({ subject: 'x'.repeat(300), text: 'y'.repeat(60_000) }, null);
    expect(fields.accountId).toBe('');
    expect(fields.title).toHaveLength(200);
    expect(fields.description).toHaveLength(50_000);
  });
});

describe('a timeline entry from an email', () => {
  it('says who sent it and about what, then the text', () => {
    expect(emailEntryBody(email)).toBe('From: Marta Zielińska <marta@bursztyn.example.com>\nSubject: Deferrals at Onet since Monday\n\n421 4.7.0 on 30% of messages to onet.pl');
    expect(emailEntryBody({ ...email, from: null, text: '' })).toBe('Subject: Deferrals at Onet since Monday');
  });

  it('names the sender, by name or else address', () => {
    expect(senderLine({ name: '', address: 'ops@harbor.test' })).toBe('ops@harbor.test');
    expect(senderLine(null)).toBe('');
    expect(entryAuthor(email, 'Anna (TAM)')).toBe('Marta Zielińska');
    expect(entryAuthor({ from: { name: '', address: 'ops@harbor.test' } }, 'Anna (TAM)')).toBe('ops@harbor.test');
    expect(entryAuthor({ from: null }, 'Anna (TAM)')).toBe('Anna (TAM)');
  });

  it('is dated when the email was sent, never in the future, now when the date is unknown', () => {
    const now = new Date('2026-03-30T10:00:00Z');
    expect(entryTime(email, now)).toBe(email.sentAt);
    expect(entryTime({ sentAt: '2026-03-31T10:00:00.000Z' }, now)).toBe(now.toISOString());
    expect(entryTime({ sentAt: null }, now)).toBe(now.toISOString());
  });
});

describe('which case an email joins', () => {
  const cases = [
    summary('a', OTHER, 'Yahoo bounces', '2026-03-29T00:00:00Z'),
    summary('b', ACCOUNT, 'Warm-up questions', '2026-03-20T00:00:00Z'),
    summary('c', ACCOUNT, 'Deferrals at Onet since Monday', '2026-03-10T00:00:00Z'),
    summary('d', ACCOUNT, 'Closed long ago', '2026-03-25T00:00:00Z', 'closed'),
    summary('e', ACCOUNT, 'Resolved', '2026-03-26T00:00:00Z', 'resolved'),
    summary('f', ACCOUNT, 'Deleted', '2026-03-27T00:00:00Z', 'new', '2026-03-28T00:00:00Z'),
  ];

  it('offers open cases only, the guessed account’s first, newest first', () => {
    expect(openCaseChoices(cases, ACCOUNT).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(openCaseChoices(cases, null).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('prefers the guessed account’s case with the same subject, without Re: and Fwd:', () => {
    expect(baseSubject('RE: Fwd: Odp: Deferrals at Onet')).toBe('deferrals at onet');
    const choices = openCaseChoices(cases, ACCOUNT);
    expect(preferredCase({ subject: 'Re: Deferrals at Onet since Monday' }, choices, ACCOUNT)?.id).toBe('c');
    expect(preferredCase({ subject: 'Something else' }, choices, ACCOUNT)?.id).toBe('b');
    expect(preferredCase({ subject: 'Re: Yahoo bounces' }, choices, null)).toBeNull();
    expect(preferredCase({ subject: 'x' }, openCaseChoices(cases, OTHER).filter((c) => c.accountId !== OTHER), OTHER)).toBeNull();
  });

  it('suggests adding a reply to the preferred case, and a new case otherwise', () => {
    const choices = openCaseChoices(cases, ACCOUNT);
    const preferred = preferredCase({ subject: 'Re: Deferrals at Onet since Monday' }, choices, ACCOUNT);
    expect(suggestedAction({ subject: 'Re: Deferrals at Onet since Monday', replyTo: [] }, preferred)).toBe('add');
    expect(suggestedAction({ subject: 'Deferrals again', replyTo: ['<case-42@esp.example.net>'] }, preferred)).toBe('add');
    expect(suggestedAction({ subject: 'Deferrals again', replyTo: [] }, preferred)).toBe('new');
    expect(suggestedAction({ subject: 'Re: anything', replyTo: [] }, null)).toBe('new');
  });
});

describe('an imported email on its way to the team', () => {
  const dbs: TamDeskDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  const eml = (subject: string, body: string) =>
    new TextEncoder().encode(
      ['From: Marta <marta@bursztyn.example.com>', `Subject: ${subject}`, 'Date: Mon, 30 Mar 2026 08:15:00 +0200', 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'),
    );

  it('makes only changes the server accepts: a NUL dropped, a subject cut on a whole emoji', async () => {
    const db = openDb(`email-import-${crypto.randomUUID()}`);
    dbs.push(db);
    const account = await createAccount(db, { ...emptyAccountFields('Europe/Warsaw'), name: 'Bursztyn Handel' });
    // A subject of 199 letters and an emoji: the title's 200th unit is the emoji's first half.
    const long = await parseEmail(eml(`${'D'.repeat(198)}😀 x`, 'Body'));
    const withNul = await parseEmail(eml('Deferrals\u0000 at Onet', 'Line one\u0000\r\nLine two'));
    if (!long.ok || !withNul.ok) throw new Error('not parsed');
    expect(withNul.email.subject).toContain('\u0000');

    const opened = await openCase(db, { ...newCaseFromEmail(long.email, account.id), escalationReason: 'Revenue at stake' }, { author: 'Anna' });
    await openCase(db, { ...newCaseFromEmail(withNul.email, account.id), escalationReason: 'Revenue at stake' }, { author: 'Anna' });
    await addCaseEntry(db, opened.id, { kind: 'email', author: entryAuthor(withNul.email, 'Anna'), body: emailEntryBody(withNul.email) });

    const outbox = await db.outbox.toArray();
    for (const { seq: _key, ...change } of outbox) expect(checkChange(change), `${change.table} ${JSON.stringify(change.patch).slice(0, 80)}`).toMatchObject({ ok: true });
    expect(opened.title).toBe(`${'D'.repeat(198)}…`);
    const titles = (await db.cases.toArray()).map((c) => c.title);
    expect(titles).toContain('Deferrals at Onet');
  });
});
