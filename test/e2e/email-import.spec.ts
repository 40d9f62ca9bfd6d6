import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { choose, createAccount, navLink, open } from './helpers';

/**
 * An email (.eml) brought into the app: chosen with "Import email" on the
 * Cases screen or dropped on the window, shown with its sender and subject
 * and the account it comes from, then opened as a case or added to an open
 * case's timeline. A file that is not an email is refused with the reason.
 */
const crlf = (lines: string[]) => lines.join('\r\n');

const FIRST = crlf([
  'From: "Marta Zielińska" <marta@bursztyn.example.com>',
  'To: tam@esp.example.net',
  'Subject: Deferrals at Onet since Monday',
  'Date: Mon, 30 Mar 2026 08:15:00 +0200',
  'Message-ID: <first@bursztyn.example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Onet defers 30% of our messages with 421 4.7.0 since Monday.',
  '',
]);

const REPLY = crlf([
  'From: "Marta Zielińska" <marta@bursztyn.example.com>',
  'To: tam@esp.example.net',
  'Subject: Re: Deferrals at Onet since Monday',
  'Date: Tue, 31 Mar 2026 09:00:00 +0200',
  'Message-ID: <reply@bursztyn.example.com>',
  'In-Reply-To: <answer@esp.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The bounce log is attached.',
  '--b1',
  'Content-Type: text/plain; name="bounces.log"',
  'Content-Disposition: attachment; filename="bounces.log"',
  '',
  '421 4.7.0 onet.pl deferred',
  '--b1--',
  '',
]);

/** No serious or critical WCAG 2.1 AA violation in the open dialog. */
async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function importFile(page: Page, path: string) {
  await navLink(page, 'Cases').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import email' }).click();
  await (await chooser).setFiles(path);
}

test('an email opens a case on the account it comes from, and a reply joins its timeline', async ({ page }, testInfo) => {
  const first = testInfo.outputPath('deferrals.eml');
  const reply = testInfo.outputPath('reply.eml');
  await writeFile(first, FIRST);
  await writeFile(reply, REPLY);
  await open(page);
  await createAccount(page, { name: 'Bursztyn Handel', domain: 'bursztyn.example.com' });

  await importFile(page, first);
  const dialog = page.getByRole('dialog', { name: 'Import email' });
  await expect(dialog).toContainText('Marta Zielińska <marta@bursztyn.example.com>');
  await expect(dialog).toContainText('Deferrals at Onet since Monday');
  await expect(dialog.getByRole('region', { name: 'Email text' })).toContainText('Onet defers 30% of our messages');
  // The account is guessed from the sender's domain.
  await expect(dialog.getByRole('radio', { name: 'New case' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: /^Bursztyn Handel\s*Account$/ })).toBeVisible();
  await expect(dialog).toContainText('Matched by the sender’s address.');
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Deferrals at Onet since Monday');
  await expectAccessible(page);
  // Escalated needs a reason.
  await dialog.getByRole('button', { name: 'Open case' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Why it is escalated' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Why it is escalated' }).fill('Campaign launch on Wednesday');
  await dialog.getByRole('button', { name: 'Open case' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Deferrals at Onet since Monday' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Onet defers 30% of our messages with 421 4.7.0 since Monday.');
  const caseUrl = page.url();

  // The reply: offered to the open case of the same account and subject.
  await importFile(page, reply);
  await expect(dialog).toContainText('Re: Deferrals at Onet since Monday');
  await expect(dialog).toContainText('bounces.log');
  await dialog.getByRole('radio', { name: 'Add to a case' }).check();
  await expect(dialog.getByRole('button', { name: /^Deferrals at Onet since Monday · Bursztyn Handel\s*Case$/ })).toBeVisible();
  await choose(page, 'Add as', 'Customer information');
  await dialog.getByRole('button', { name: 'Add to case' }).click();

  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(caseUrl);
  const entry = timeline.getByRole('listitem').filter({ hasText: 'The bounce log is attached.' });
  await expect(entry).toContainText('Customer information');
  await expect(entry).toContainText('Marta Zielińska');
  await expect(entry).toContainText('From: Marta Zielińska <marta@bursztyn.example.com>');
  await expect(entry).toContainText('Subject: Re: Deferrals at Onet since Monday');
});

test('a file that is not an email is refused with the reason', async ({ page }, testInfo) => {
  const notes = testInfo.outputPath('notes.eml');
  await writeFile(notes, 'Call Marta about Onet on Monday.\nBring the bounce log.\n');
  await open(page);
  await importFile(page, notes);
  const dialog = page.getByRole('dialog', { name: 'This file was not imported' });
  await expect(dialog.getByRole('alert')).toContainText('This file is not an email: it has no email headers');
  await expect(dialog.getByRole('alert')).toContainText('notes.eml');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('an email dropped on the window opens the import dialog; other files are ignored', async ({ page }) => {
  await open(page);
  const drop = (name: string, type: string, content: string) =>
    page.evaluate(
      ([name, type, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content], name, { type }));
        for (const kind of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      },
      [name, type, content] as const,
    );

  await drop('notes.txt', 'text/plain', 'not an email');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await drop('deferrals.eml', 'message/rfc822', FIRST);
  const dialog = page.getByRole('dialog', { name: 'Import email' });
  await expect(dialog).toContainText('Deferrals at Onet since Monday');
  // No account matches this sender yet.
  await expect(dialog).toContainText('No account matches the sender: choose one.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
