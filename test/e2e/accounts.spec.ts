import { expect, test } from '@playwright/test';
import { accountsTable, createAccount, navLink, open, search } from './helpers';

/** The life of one account: create, see, edit, find, persist, archive, restore. */

const ACCOUNT = {
  name: 'Kowalski Logistics',
  timeZone: 'Europe/Warsaw',
  contact: { name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48 22 123 45 67' },
  domain: 'mail.kowalski.example',
  ips: ['192.0.2.44', '2001:db8::44'],
};

test('create an account, edit it, find it, keep it, archive and restore it', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();

  // Create: the form lands on the account page, which shows what was typed.
  await createAccount(page, ACCOUNT);
  await expect(page).toHaveURL(/#\/accounts\/[0-9a-f-]{36}$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('region', { name: 'At a glance' })).toContainText('Europe/Warsaw');
  const contacts = main.getByRole('region', { name: 'Contacts' });
  await expect(contacts).toContainText(ACCOUNT.contact.name);
  await expect(contacts.getByRole('link', { name: ACCOUNT.contact.email })).toHaveAttribute('href', `mailto:${ACCOUNT.contact.email}`);
  const sending = main.getByRole('region', { name: 'Sending setup' });
  await expect(sending.getByText(ACCOUNT.domain)).toBeVisible();
  await expect(sending.getByRole('listitem').filter({ hasText: '192.0.2.44' })).toContainText('IPv4');
  await expect(sending.getByRole('listitem').filter({ hasText: '2001:db8::44' })).toContainText('IPv6');

  // Business hours: an open/closed status and the week chart.
  const hours = main.getByRole('region', { name: 'Business hours' });
  await expect(hours.getByRole('status')).toContainText(/Open now|Closed/);
  await expect(hours.getByRole('img', { name: /^Business hours this week, in Europe\/Warsaw/ })).toBeVisible();
  const accountUrl = page.url();

  // Edit: rename, and the page shows the new name.
  await main.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${ACCOUNT.name}` })).toBeVisible();
  const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(nameField).toHaveValue(ACCOUNT.name);
  await nameField.fill('Kowalski Logistics Group');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kowalski Logistics Group' })).toBeVisible();
  expect(page.url()).toBe(accountUrl);

  // Find it in the list by name, domain, IPv4, IPv6 and contact name; a miss shows "no match".
  await navLink(page, 'Accounts').click();
  const table = accountsTable(page);
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Kowalski Logistics Group' }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toContainText(ACCOUNT.domain);
  await expect(row.getByRole('cell').nth(2)).toHaveText(ACCOUNT.contact.name);
  for (const query of ['kowalski group', ACCOUNT.domain, '192.0.2.44', '2001:db8::44', 'Anna Nowak', 'nowak']) {
    await search(page, query);
    await expect(row, `search "${query}"`).toBeVisible();
  }
  await search(page, 'no-such-account');
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await search(page, '');
  await expect(row).toBeVisible();

  // Persisted in IndexedDB: a reload shows it again.
  await page.reload();
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: 'Kowalski Logistics Group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kowalski Logistics Group' })).toBeVisible();

  // Archive: marked archived, hidden from the list unless "Show archived" is checked.
  await main.getByRole('button', { name: 'Archive' }).click();
  await expect(main.getByText('Archived', { exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Restore' })).toBeVisible();
  await navLink(page, 'Accounts').click();
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await expect(row).toHaveCount(0);
  const showArchived = page.getByRole('checkbox', { name: 'Show archived' });
  await showArchived.check();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Archived');

  // Restore: back in the list without the filter.
  await row.getByRole('link', { name: 'Kowalski Logistics Group' }).click();
  await main.getByRole('button', { name: 'Restore' }).click();
  await expect(main.getByRole('button', { name: 'Archive' })).toBeVisible();
  await expect(main.getByText('Archived', { exact: true })).toHaveCount(0);
  await navLink(page, 'Accounts').click();
  await showArchived.uncheck();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Archived');
});
