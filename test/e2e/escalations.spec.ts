import { expect, test, type Page } from '@playwright/test';
import { choose, fillAccountForm, navLink, open } from './helpers';

/**
 * The Escalations dashboard with a controlled clock: the TAM works in Warsaw
 * 9-17 (this browser's zone), the customer too. Two escalated cases; the one
 * due first leads, and the order changes when a response moves its due time;
 * offline, the dashboard says which clocks will breach before the TAM's day
 * ends; a desktop notification rings 30 minutes before a breach.
 */
test.use({ timezoneId: 'Europe/Warsaw', permissions: ['notifications'] });

// Monday 30 March 2026, 10:00 in Warsaw.
const MON_10 = new Date('2026-03-30T08:00:00Z');

async function openCase(page: Page, title: string, priority: string) {
  await navLink(page, 'Cases').click();
  await page.getByRole('button', { name: 'New case' }).click();
  await choose(page, 'Account', 'Bursztyn Handel');
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await choose(page, 'Priority', priority);
  await page.getByRole('textbox', { name: 'Why it is escalated' }).fill('Launch this week');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const escalatedList = (page: Page) => page.getByRole('list', { name: 'Open escalated cases' });

test('nearest due first, the order follows the clocks, breach foresight offline, an alert before a breach', async ({ page, context }) => {
  test.setTimeout(60_000);
  // Desktop notifications, as the page shows them.
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class Recorder {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: { body?: string }) {
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorder });
  });
  await page.clock.install({ time: MON_10 });
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: 'Bursztyn Handel', timeZone: 'Europe/Warsaw' });
  await page.getByRole('button', { name: 'Poland 9–17' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bursztyn Handel' })).toBeVisible();

  // Normal: first response within 8 business hours (Tue 10:00). High: within 2 (Mon 12:00).
  await openCase(page, 'Newsletter deferrals at WP', 'Normal');
  await openCase(page, 'Order confirmations bouncing at Gmail', 'High');

  await navLink(page, 'Escalations').click();
  await expect(escalatedList(page).getByRole('listitem')).toHaveCount(2);
  await expect(escalatedList(page).getByRole('listitem').first()).toContainText('Order confirmations bouncing at Gmail');
  await expect(escalatedList(page).getByRole('listitem').first()).toContainText('First response due Mon 30 Mar, 12:00');
  await expect(page.getByRole('img', { name: /Open escalated cases by SLA risk/ })).toBeVisible();

  // Offline: which clocks breach before 17:00 today.
  await context.setOffline(true);
  const foresight = page.getByRole('region', { name: 'Will breach before your working day ends' });
  await expect(foresight).toContainText('These clocks will breach before Mon 30 Mar, 17:00');
  await expect(foresight.getByRole('link')).toHaveText(['Order confirmations bouncing at Gmail']);
  await context.setOffline(false);
  await expect(foresight).toBeHidden();

  // 11:31: within 30 minutes of the breach, inside the TAM's hours: one notification.
  await page.clock.runFor(91 * 60_000);
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([
    'SLA at risk: First response due in 30 min | Order confirmations bouncing at Gmail · Bursztyn Handel',
  ]);

  // The agent responds: the high case's next clock is now a progress update, due after the normal case's first response.
  await escalatedList(page).getByRole('link', { name: 'Order confirmations bouncing at Gmail' }).click();
  await page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: 'Respond', exact: true }).click();
  await page.getByRole('dialog', { name: 'Respond' }).getByRole('button', { name: 'Save' }).click();
  await navLink(page, 'Escalations').click();
  await expect(escalatedList(page).getByRole('listitem').first()).toContainText('Newsletter deferrals at WP');
  await expect(escalatedList(page).getByRole('listitem').last()).toContainText('Next progress update due');
});
