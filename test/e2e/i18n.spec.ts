import { expect, test } from '@playwright/test';
import { choose, navLink, open } from './helpers';

/** English and Polish: switched in Settings, applied at once, kept across reloads. */

test('switch to Polski and back; the choice survives a reload', async ({ page }) => {
  await open(page, '/settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await choose(page, 'Language', 'Polski');

  // Applied at once, everywhere.
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia' })).toBeVisible();
  await expect(navLink(page, 'Konta')).toBeVisible();
  await expect(navLink(page, 'Ustawienia')).toBeVisible();
  await expect(page.getByRole('button', { name: /Język$/ })).toContainText('Polski');

  await navLink(page, 'Konta').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Konta' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Szukaj kont' })).toBeVisible();
  await page.getByRole('button', { name: 'Nowe konto' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nowe konto' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nazwa', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Strefa czasowa', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zapisz', exact: true })).toBeVisible();

  // Validation messages are translated too.
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Nazwa', exact: true })).toHaveAccessibleDescription('Pole wymagane.');

  // Kept across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Nowe konto' })).toBeVisible();
  await expect(navLink(page, 'Konta')).toBeVisible();

  // And back to English.
  await navLink(page, 'Ustawienia').click();
  await choose(page, 'Język', 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(navLink(page, 'Accounts')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
