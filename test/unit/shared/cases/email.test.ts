import { describe, expect, it } from 'vitest';
import { guessAccount, htmlToText, parseEmail } from '@shared/cases/email';

const crlf = (lines: string[]) => lines.join('\r\n');

const plain = crlf([
  'From: "Marta Zielińska" <Marta.Zielinska@bursztyn.example.com>',
  'To: support@esp.example.net, tam@esp.example.net',
  'Subject: =?UTF-8?Q?Odroczenia_w_Onet_od_poniedzia=C5=82ku?=',
  'Date: Mon, 30 Mar 2026 08:15:00 +0200',
  'Message-ID: <abc123@bursztyn.example.com>',
  'In-Reply-To: <case-42@esp.example.net>',
  'References: <case-40@esp.example.net> <case-42@esp.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Dzie=C5=84 dobry,',
  'od poniedzia=C5=82ku Onet odracza 30% wiadomo=C5=9Bci (421 4.7.0).',
  '',
]);

const htmlOnly = crlf([
  'From: ops@harbor.test',
  'Subject: Bounces at Yahoo',
  'Date: Tue, 31 Mar 2026 14:00:00 -0400',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><style>p{color:red}</style></head><body><p>Hello &amp; welcome,</p><p>we see <b>554 5.7.9</b> at Yahoo.</p></body></html>',
  '--b1--',
  '',
]);

describe('parseEmail', () => {
  it('reads sender, recipients, subject (encoded words), date, thread ids and a quoted-printable body', async () => {
    const result = await parseEmail(new TextEncoder().encode(plain));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { email } = result;
    expect(email.subject).toBe('Odroczenia w Onet od poniedziałku');
    expect(email.from).toEqual({ name: 'Marta Zielińska', address: 'marta.zielinska@bursztyn.example.com' });
    expect(email.to).toEqual(['support@esp.example.net', 'tam@esp.example.net']);
    expect(email.sentAt).toBe('2026-03-30T06:15:00.000Z');
    expect(email.messageId).toBe('<abc123@bursztyn.example.com>');
    expect(email.replyTo).toEqual(['<case-42@esp.example.net>', '<case-40@esp.example.net>', '<case-42@esp.example.net>']);
    expect(email.text).toBe('Dzień dobry,\nod poniedziałku Onet odracza 30% wiadomości (421 4.7.0).');
  });

  it('turns an HTML-only email into readable text', async () => {
    const result = await parseEmail(htmlOnly);
    expect(result.ok && result.email.text).toBe('Hello & welcome,\nwe see 554 5.7.9 at Yahoo.');
    expect(result.ok && result.email.sentAt).toBe('2026-03-31T18:00:00.000Z');
  });

  it('refuses an empty file, a file without email headers and a binary file, with a reason', async () => {
    expect(await parseEmail(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'email.empty' } });
    expect(await parseEmail('Just some notes about the customer.\nNothing else.')).toMatchObject({ ok: false, error: { code: 'email.notEmail' } });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(await parseEmail(png)).toMatchObject({ ok: false, error: { code: 'email.notEmail' } });
  });

  it('keeps a missing or unreadable date as null rather than guessing', async () => {
    const result = await parseEmail(crlf(['From: a@b.test', 'Subject: Hi', 'Date: not a date', '', 'Body']));
    expect(result.ok && result.email.sentAt).toBeNull();
  });
});

describe('htmlToText', () => {
  it('drops scripts and tags and decodes entities', () => {
    expect(htmlToText('<script>alert(1)</script><div>a&lt;b</div><br>c&nbsp;d')).toBe('a<b\n\nc d');
  });
});

describe('guessAccount', () => {
  const accounts = [
    { id: 'a1', contacts: [{ email: 'marta.zielinska@bursztyn.example.com' }], sendingDomains: [{ domain: 'mail.bursztyn.example.com' }] },
    { id: 'a2', contacts: [], sendingDomains: [{ domain: 'harbor.test' }] },
  ];
  it('prefers a contact, then the sending domain, else nothing', () => {
    expect(guessAccount({ from: { name: '', address: 'marta.zielinska@bursztyn.example.com' } }, accounts)?.id).toBe('a1');
    expect(guessAccount({ from: { name: '', address: 'ops@harbor.test' } }, accounts)?.id).toBe('a2');
    expect(guessAccount({ from: { name: '', address: 'someone@bursztyn.example.com' } }, accounts)?.id).toBe('a1');
    expect(guessAccount({ from: { name: '', address: 'x@unknown.test' } }, accounts)).toBeNull();
    expect(guessAccount({ from: null }, accounts)).toBeNull();
  });
});
