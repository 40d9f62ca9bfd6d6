import { expect, test } from '@playwright/test';
import { fillAccountForm, open } from './helpers';

/**
 * "Is the customer open now, and when do they open?" with a controlled clock,
 * in the account's zone and the TAM's: the browser (the TAM) is in New York,
 * the customer in Warsaw.
 */
test.use({ timezoneId: 'America/New_York', locale: 'en-GB' });

test('after Friday closing, a Warsaw account opens Monday 09:00 (03:00 in New York); a holiday moves it to Tuesday', async ({ page }) => {
  // Friday 27 November 2026, 18:00 in Warsaw (17:00 UTC, 12:00 in New York).
  await page.clock.install({ time: new Date('2026-11-27T17:00:00Z') });
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: 'Wisła Media Sp. z o.o.', timeZone: 'Europe/Warsaw' });
  await page.getByRole('button', { name: 'Poland 9–17' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wisła Media Sp. z o.o.' })).toBeVisible();

  const hours = page.getByRole('region', { name: 'Business hours' });
  const status = hours.getByRole('status');
  await expect(status).toContainText('Closed');
  await expect(status).toContainText('opens in 2 days 15 hr');
  await expect(status).toContainText('Mon 09:00 Europe/Warsaw (Mon 03:00 your time)');
  await expect(hours.getByRole('img', { name: 'Business hours this week, in Europe/Warsaw' })).toBeVisible();
  await hours.getByRole('radio', { name: 'my time (America/New_York)' }).check();
  await expect(hours.getByRole('img', { name: 'Business hours this week, in America/New_York' })).toBeVisible();

  // Monday 30 November becomes a public holiday.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await page.getByLabel('Holiday 1', { exact: true }).fill('2026-11-30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status).toContainText('opens in 3 days 15 hr');
  await expect(status).toContainText('Tue 09:00 Europe/Warsaw (Tue 03:00 your time)');

  // Monday morning in Warsaw, 10:00 on 7 December: open until 17:00 (11:00 in New York).
  await page.clock.setSystemTime(new Date('2026-12-07T09:00:00Z'));
  await page.reload();
  await expect(status).toContainText('Open now');
  await expect(status).toContainText('until Mon 17:00 Europe/Warsaw (Mon 11:00 your time)');
});
