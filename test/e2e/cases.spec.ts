import { expect, test, type Page } from '@playwright/test';
import { choose, fillAccountForm, navLink, open } from './helpers';

/**
 * A Support Case through the procedure of the service terms, with a
 * controlled clock: opened on an account (Warsaw, 9-17), responded, waiting on
 * the customer (the clock pauses), a resolution proposed and confirmed by both
 * sides, then reopened; the clocks say when they are due and why.
 */
const MON_10_WARSAW = new Date('2026-03-30T08:00:00Z');

async function step(page: Page, action: string, body = '') {
  await page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (body) await dialog.getByRole('textbox').fill(body);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

const clock = (page: Page, name: string) => page.getByRole('region', { name: 'SLA clocks' }).getByRole('group', { name });

test('a case from opening to agreed resolution and reopening, with its SLA clocks', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.clock.install({ time: MON_10_WARSAW });
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: 'Bursztyn Handel', timeZone: 'Europe/Warsaw' });
  await page.getByRole('button', { name: 'Poland 9–17' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bursztyn Handel' })).toBeVisible();

  // From the account's Cases tab, with the default SLA targets; a new version for high priority first.
  await page.getByRole('tab', { name: 'Cases' }).click();
  await expect(page.getByText('No cases on this account yet.')).toBeVisible();
  const targets = page.getByRole('region', { name: 'SLA targets' });
  await expect(targets.getByRole('row', { name: /^High/ })).toContainText('2 h');
  await targets.getByRole('button', { name: 'Edit SLA targets' }).click();
  await targets.getByRole('textbox', { name: 'First response for High (hours)' }).fill('abc');
  await targets.getByRole('button', { name: 'Publish new version' }).click();
  await expect(targets.getByRole('alert')).toContainText('Enter a number of hours above 0');
  await targets.getByRole('textbox', { name: 'First response for High (hours)' }).fill('3');
  await targets.getByRole('button', { name: 'Publish new version' }).click();
  await expect(targets).toContainText('Version 1');
  await expect(targets.getByRole('row', { name: /^High/ })).toContainText('3 h');
  await page.getByRole('button', { name: 'Open a case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Title' }).fill('Deferrals at Onet since Monday');
  await page.getByRole('textbox', { name: 'Description' }).fill('421 4.7.0 on 30% of messages to onet.pl');
  await choose(page, 'Priority', 'High');
  await page.getByRole('textbox', { name: 'Support agent' }).fill('Jan Nowak');
  await page.getByRole('textbox', { name: 'Why it is escalated' }).fill('Campaign launch on Wednesday');
  await page.getByRole('button', { name: 'Open case' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Deferrals at Onet since Monday' })).toBeVisible();
  await expect(page.getByText('Escalated: Campaign launch on Wednesday')).toBeVisible();
  // High priority, under the account's targets: first response within 3 business hours, due 13:00 in Warsaw.
  await expect(clock(page, 'First response')).toContainText('Mon 30 Mar, 13:00 in the customer’s zone (Europe/Warsaw)');
  await expect(clock(page, 'First response')).toContainText('3 hrs of business time left');
  // Only the legal next steps are offered.
  await expect(page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: 'Close' })).toHaveCount(0);

  await page.clock.setSystemTime(new Date('2026-03-30T08:30:00Z'));
  await step(page, 'Respond', 'We are looking into the deferrals.');
  await expect(clock(page, 'First response')).toContainText('Met');
  await step(page, 'Start work');

  // The composer drafts the next progress update: what happened, and when the next one is due (8 business hours later).
  const composer = page.getByRole('region', { name: 'Progress update to the customer' });
  const draft = composer.getByRole('textbox', { name: 'Draft' });
  await expect(draft).toHaveValue(/Here is an update on your case "Deferrals at Onet since Monday"\. It is now: In progress\./);
  await expect(draft).toHaveValue(/- We are looking into the deferrals\./);
  await expect(draft).toHaveValue(/We will send the next update by Tue 31 Mar, 10:30 \(Europe\/Warsaw\)\./);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await composer.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Draft copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('We are looking into the deferrals.');
  await expect(composer.getByRole('button', { name: 'Open in mail client' })).toBeDisabled();

  // Waiting on the customer: the resolution clock stops.
  await step(page, 'Wait on customer', 'Please send the bounce log.');
  await expect(clock(page, 'Resolution')).toContainText('Paused');
  await page.clock.setSystemTime(new Date('2026-03-31T08:00:00Z'));
  await step(page, 'Customer information received', 'Log attached.');
  await expect(clock(page, 'Resolution')).toContainText('Running');
  await clock(page, 'Resolution').getByText('Why this due time?').click();
  await expect(clock(page, 'Resolution')).toContainText('waiting on the customer');
  // High resolution target: 5 business days, from the opening; 1 h 30 min counted on Monday before the pause.
  await expect(clock(page, 'Resolution')).toContainText('Target 40 hrs of business time from Mon 30 Mar, 10:00');
  await expect(clock(page, 'Resolution')).toContainText('paused');

  // Resolved only once both sides confirm.
  await step(page, 'Propose resolution', 'Throttled to 5 messages per second to Onet.');
  await step(page, 'Customer confirms');
  await expect(page.getByText('Confirmed by: customer')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Resolution proposed');
  await step(page, 'Bird confirms');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Resolved');

  await step(page, 'Reopen', 'Deferrals are back.');
  await expect(page.getByText('Reopened once')).toBeVisible();

  // A step the lifecycle refuses says why, and changes nothing.
  await page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: 'Escalate', exact: true }).click();
  const escalate = page.getByRole('dialog', { name: 'Escalate' });
  await escalate.getByRole('button', { name: 'Save' }).click();
  await expect(escalate.getByRole('alert')).toHaveText('Give a reason');
  await escalate.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('list').filter({ hasText: 'Deferrals are back.' })).toContainText('Status: Resolved → In progress');

  // The Cases list has it, with its SLA state; search finds it.
  await navLink(page, 'Cases').click();
  const table = page.getByRole('table', { name: 'Cases' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Bursztyn Handel');
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('gmail');
  await expect(page.getByText('No case matches these filters.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('onet');
  await expect(table.getByRole('link', { name: 'Deferrals at Onet since Monday' })).toBeVisible();
});
