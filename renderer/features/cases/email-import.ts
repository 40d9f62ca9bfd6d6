import type { ImportedEmail } from '@shared/cases/email';
import type { CaseSummary } from '@shared/cases/summary';
import { isOpenStatus } from '@shared/cases/timeline';
import { cutText } from '@shared/text';
import { emptyCaseFields, type NewCaseFields } from '../../data/cases';

/**
 * What an imported email (.eml) becomes: the fields of a new case, or the
 * body of a timeline entry on an open case. Pure, so the import dialog and
 * the tests share it.
 */

/** A file the app takes as an email: named *.eml, or typed message/rfc822. */
export const isEmailFile = (file: { name: string; type: string }): boolean =>
  /\.eml$/i.test(file.name) || file.type.toLowerCase() === 'message/rfc822';

/** "Anna Nowak <anna@example.com>", or the bare address when it has no name; '' without a sender. */
export function senderLine(from: ImportedEmail['from']): string {
  if (!from) return '';
  return from.name && from.name !== from.address ? `${from.name} <${from.address}>` : from.address;
}

// The limits of the case schema (shared/domain/case.ts).
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 50_000;
const MAX_BODY = 100_000;
const MAX_AUTHOR = 120;

/** Cut on whole characters only: half an emoji is text no replica can store. */
const clip = (text: string, max: number) => cutText(text, max, true);

/** A new case as the email brings it: its subject as the title, its text as the description, by the designated email address. */
export function newCaseFromEmail(email: Pick<ImportedEmail, 'subject' | 'text'>, accountId: string | null): NewCaseFields {
  return { ...emptyCaseFields(accountId ?? ''), title: clip(email.subject, MAX_TITLE), description: clip(email.text, MAX_DESCRIPTION) };
}

/** A timeline entry's text: who sent it and about what, then the email's text. */
export function emailEntryBody(email: Pick<ImportedEmail, 'from' | 'subject' | 'text'>): string {
  const head = [email.from ? `From: ${senderLine(email.from)}` : '', `Subject: ${email.subject}`].filter(Boolean).join('\n');
  return clip(email.text ? `${head}\n\n${email.text}` : head, MAX_BODY);
}

/** Who the entry is by: the sender, else `fallback` (the TAM). */
export const entryAuthor = (email: Pick<ImportedEmail, 'from'>, fallback: string): string =>
  clip(email.from ? email.from.name || email.from.address : fallback, MAX_AUTHOR);

/** When the entry happened: when the email was sent, never later than now (a sender's clock may run fast). */
export function entryTime(email: Pick<ImportedEmail, 'sentAt'>, now: Date): string {
  if (!email.sentAt) return now.toISOString();
  return Date.parse(email.sentAt) > now.getTime() ? now.toISOString() : email.sentAt;
}

export type CaseChoice = { id: string; title: string; accountId: string; accountName: string };

/** The open cases an email can join: the guessed account's first, then the newest. */
export function openCaseChoices(summaries: readonly CaseSummary[], guessedAccountId: string | null): CaseChoice[] {
  return summaries
    .filter((c) => !c.deletedAt && isOpenStatus(c.status))
    .sort((a, b) => Number(b.accountId === guessedAccountId) - Number(a.accountId === guessedAccountId) || b.openedAt.localeCompare(a.openedAt))
    .map((c) => ({ id: c.id, title: c.title, accountId: c.accountId, accountName: c.accountName }));
}

/** A subject without its reply and forward prefixes ("Re: Fwd: x" is "x"), lower case. */
export const baseSubject = (subject: string): string =>
  subject.replace(/^\s*((re|fwd?|aw|wg|odp|pd|sv|tr)\s*(\[\d+\])?\s*:\s*)+/i, '').trim().toLowerCase();

/**
 * The case the email most likely continues: on the guessed account, the one
 * whose title is the email's subject (without "Re:"), else that account's
 * newest open case. Null when the guessed account has no open case.
 */
export function preferredCase(email: Pick<ImportedEmail, 'subject'>, choices: readonly CaseChoice[], guessedAccountId: string | null): CaseChoice | null {
  if (!guessedAccountId) return null;
  const own = choices.filter((c) => c.accountId === guessedAccountId);
  const subject = baseSubject(email.subject);
  return own.find((c) => subject !== '' && baseSubject(c.title) === subject) ?? own[0] ?? null;
}

/** A reply (In-Reply-To / References, or "Re:") to an open case of the guessed account is added to it; anything else opens a case. */
export function suggestedAction(email: Pick<ImportedEmail, 'subject' | 'replyTo'>, preferred: CaseChoice | null): 'new' | 'add' {
  const isReply = email.replyTo.length > 0 || baseSubject(email.subject) !== email.subject.trim().toLowerCase();
  return preferred && isReply ? 'add' : 'new';
}
