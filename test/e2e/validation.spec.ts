import { expect, test } from '@playwright/test';
import { fillAccountForm, open } from './helpers';

/** The account form refuses bad input next to the field, keeps what was typed, and saves nothing. */

test.describe.configure({ mode: 'parallel' });

const IP_ERROR = /^Not a valid IPv4 or IPv6 address/;

test('an invalid IP is refused next to its field, nothing typed is lost, nothing is saved', async ({ page }) => {
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: 'Bad IP Ltd', ips: ['999.1.2.3'] });
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const ip = page.getByRole('textbox', { name: 'IP address 1' });
  await expect(page.getByRole('alert').filter({ hasText: 'One field needs attention' })).toBeVisible();
  await expect(ip).toHaveAttribute('aria-invalid', 'true');
  await expect(ip).toHaveAccessibleDescription(IP_ERROR);
  // The message is shown in the IP's own row, not only announced.
  await expect(page.getByRole('group', { name: 'IP pool default' }).getByText(IP_ERROR)).toBeVisible();
  await expect(ip).toBeFocused();

  // Still on the form, with everything as typed.
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Bad IP Ltd');
  await expect(ip).toHaveValue('999.1.2.3');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).not.toHaveAttribute('aria-invalid', 'true');

  // Cancel: nothing was saved.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Accounts' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('a missing name says "Required."; once fixed, the account saves', async ({ page }) => {
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: '', timeZone: 'Europe/Warsaw', ips: ['999.1.2.3'] });
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  const ip = page.getByRole('textbox', { name: 'IP address 1' });
  await expect(page.getByRole('alert').filter({ hasText: '2 fields need attention' })).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Required.');
  await expect(ip).toHaveAccessibleDescription(IP_ERROR);
  // Focus goes to the first field that needs attention.
  await expect(name).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Time zone', exact: true })).toHaveValue('Europe/Warsaw');

  // Fix both and save.
  await name.fill('Fixed Ltd');
  await ip.fill('192.0.2.7');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fixed Ltd' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sending setup' })).toContainText('192.0.2.7');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: 'Fixed Ltd' })).toBeVisible();
});

test('leaving a form with unsaved changes asks first, and keeps them on "Keep editing"', async ({ page }) => {
  await open(page, '/accounts/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Half-typed Sp. z o.o.');
  await page.getByRole('link', { name: 'Accounts' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Half-typed Sp. z o.o.');

  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});
