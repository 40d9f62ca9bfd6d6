import PostalMime, { type Address } from 'postal-mime';
import { cutText } from '../text';

/**
 * An email (an .eml file, RFC 5322) brought into a case: parsed by
 * postal-mime, reduced to what a case and its timeline need. Works the same
 * in the app and in tests (no DOM, no Node).
 */
export type ImportedEmail = {
  subject: string;
  from: { name: string; address: string } | null;
  to: string[];
  /** When it was sent (the Date header), ISO; null when missing or unreadable. */
  sentAt: string | null;
  messageId: string | null;
  /** Message ids this one answers (In-Reply-To, References), to find its case. */
  replyTo: string[];
  /** The plain-text body (from the HTML part when there is no text part). */
  text: string;
  attachments: string[];
};

export type EmailImportError = { code: 'email.empty' | 'email.tooLarge' | 'email.notEmail'; message: string };

export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;
const MAX_BODY_CHARS = 100_000;

export async function parseEmail(source: ArrayBuffer | Uint8Array | string): Promise<{ ok: true; email: ImportedEmail } | { ok: false; error: EmailImportError }> {
  const size = typeof source === 'string' ? source.length : source.byteLength;
  if (size === 0) return { ok: false, error: { code: 'email.empty', message: 'The file is empty.' } };
  if (size > MAX_EMAIL_BYTES) return { ok: false, error: { code: 'email.tooLarge', message: 'The file is larger than 25 MB.' } };
  let parsed;
  try {
    parsed = await PostalMime.parse(source, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { ok: false, error: { code: 'email.notEmail', message: `Not a readable email: ${(error as Error).message}` } };
  }
  // postal-mime reads anything; an email has at least a sender or a date and a
  // subject among its headers.
  const keys = new Set(parsed.headers.map((h) => h.key));
  if (!(keys.has('from') || keys.has('date')) || !(keys.has('subject') || keys.has('message-id'))) {
    return { ok: false, error: { code: 'email.notEmail', message: 'This file has no email headers (From, Date, Subject).' } };
  }
  const sent = parsed.date ? new Date(parsed.date) : null;
  const text = (parsed.text?.trim() ? parsed.text : htmlToText(parsed.html ?? '')).trim();
  return {
    ok: true,
    email: {
      subject: parsed.subject?.trim() ?? '',
      from: firstMailbox(parsed.from),
      to: (parsed.to ?? []).flatMap(mailboxes).map((m) => m.address),
      sentAt: sent && !Number.isNaN(sent.getTime()) ? sent.toISOString() : null,
      messageId: parsed.messageId ?? null,
      replyTo: [parsed.inReplyTo, parsed.references].flatMap((v) => v?.match(/<[^>]+>/g) ?? []),
      text: cutText(text, MAX_BODY_CHARS + 1, true),
      attachments: parsed.attachments.map((a) => a.filename ?? a.mimeType),
    },
  };
}

const mailboxes = (a: Address): { name: string; address: string }[] => (a.group ? a.group : [a]);

function firstMailbox(address: Address | undefined): ImportedEmail['from'] {
  const first = address ? mailboxes(address)[0] : undefined;
  return first ? { name: first.name, address: first.address.toLowerCase() } : null;
}

/** A readable text of an HTML-only email: block ends as line breaks, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/**
 * The account an email most likely belongs to: the sender's address among an
 * account's contacts, else the sender's domain (or its parent) among its
 * sending domains. Null when nothing matches.
 */
export function guessAccount<A extends { id: string; contacts: { email: string }[]; sendingDomains: { domain: string }[] }>(
  email: Pick<ImportedEmail, 'from'>,
  accounts: readonly A[],
): A | null {
  const sender = email.from?.address;
  if (!sender) return null;
  const byContact = accounts.find((a) => a.contacts.some((c) => c.email.toLowerCase() === sender));
  if (byContact) return byContact;
  const domain = sender.split('@')[1] ?? '';
  return accounts.find((a) => a.sendingDomains.some((d) => domain === d.domain.toLowerCase() || domain.endsWith(`.${d.domain.toLowerCase()}`) || d.domain.toLowerCase().endsWith(`.${domain}`))) ?? null;
}
