import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Shared steps of the end-to-end tests. Everything is found by role and
 * accessible name, as a screen-reader or keyboard user would find it, and
 * every wait is a web-first assertion (no sleeps).
 *
 * Each test gets a fresh browser context, so IndexedDB (Dexie) starts empty.
 */

export type NewAccount = {
  name: string;
  timeZone?: string;
  contact?: { name: string; email?: string; phone?: string };
  domain?: string;
  /** Dedicated IPs, all in the "default" pool. */
  ips?: string[];
};

/** A link of the sidebar ("Accounts", "Settings", or their Polish names). */
export const navLink = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: /^(Main|Główna)$/ }).getByRole('link', { name, exact: true });

/** Opens the app on a hash route and waits for the shell to render. */
export async function open(page: Page, route = '/accounts'): Promise<void> {
  await page.goto(`/#${route}`);
  await expect(page.getByRole('navigation', { name: /^(Main|Główna)$/ })).toBeVisible();
}

/** Types part of a zone into a time-zone combobox ("Time zone" by default) and picks it from the list. */
export async function pickTimeZone(page: Page, zone: string, label = 'Time zone'): Promise<void> {
  // The list shows "America/New_York" as "America/New York".
  const shown = zone.replaceAll('_', ' ');
  const box = page.getByRole('combobox', { name: label, exact: true });
  // Type as a user does (React Aria filters on key input, not on fill()): part
  // of the city, e.g. "Warsa" for Europe/Warsaw, then pick the option; so the
  // test also proves that the list filters and that an option can be picked.
  await box.clear();
  await box.pressSequentially(shown.split('/').at(-1)!.slice(0, -1));
  await page.getByRole('option', { name: shown, exact: true }).click();
  await expect(box).toHaveValue(shown);
}

/** Fills the account form (already open) with `account`; does not save. */
export async function fillAccountForm(page: Page, account: NewAccount): Promise<void> {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(account.name);
  if (account.timeZone) await pickTimeZone(page, account.timeZone);
  if (account.contact) {
    await page.getByRole('button', { name: 'Add contact' }).click();
    const group = page.getByRole('group', { name: 'Contact 1' });
    await group.getByRole('textbox', { name: 'Contact name' }).fill(account.contact.name);
    if (account.contact.email) await group.getByRole('textbox', { name: 'Email' }).fill(account.contact.email);
    if (account.contact.phone) await group.getByRole('textbox', { name: 'Phone' }).fill(account.contact.phone);
  }
  if (account.domain) {
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByRole('textbox', { name: 'Sending domain 1' }).fill(account.domain);
  }
  if (account.ips?.length) {
    await page.getByRole('button', { name: 'Add IP pool' }).click();
    const pool = page.getByRole('group', { name: 'IP pool default' });
    for (const [i, ip] of account.ips.entries()) {
      if (i > 0) await pool.getByRole('button', { name: 'Add IP' }).click();
      await pool.getByRole('textbox', { name: `IP address ${i + 1}` }).fill(ip);
    }
  }
}

/** Creates an account through the "New account" form and waits for its page. */
export async function createAccount(page: Page, account: NewAccount): Promise<void> {
  await navLink(page, 'Accounts').click();
  await page.getByRole('button', { name: 'New account' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();
  await fillAccountForm(page, account);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
}

/** Loads the 60 demo accounts from Settings. */
export async function loadDemoData(page: Page): Promise<void> {
  await navLink(page, 'Settings').click();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('region', { name: 'Data' })).toContainText('This device holds 60 accounts.');
}

/** Picks `option` in a React Aria Select whose label is `label` (the trigger is a button named "<value> <label>"). */
export async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  const name = typeof label === 'string' ? new RegExp(`${escapeRegExp(label)}$`) : label;
  await page.getByRole('button', { name }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** The accounts table. */
export const accountsTable = (page: Page): Locator => page.getByRole('table', { name: 'Accounts' });

/** Types into the "Search accounts" box on the Accounts screen. */
export async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill(query);
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
