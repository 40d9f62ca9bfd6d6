import { expect, test, type Page } from '@playwright/test';
import { accountsTable, createAccount, navLink, open, search } from './helpers';

/**
 * Working offline: data lives in IndexedDB, so once the app's code is in the
 * page, everything (navigation, create, edit, search, the command palette)
 * works with no network at all.
 *
 * The desktop app loads its code from the packaged app:// scheme, never from
 * the network, so there every screen's code is always at hand. In the browser
 * the screens other than the Accounts list are lazy chunks fetched the first
 * time they are opened; the first test opens each screen once while online
 * (as the desktop app would have them locally), the second one records what a
 * browser user gets when they open a screen for the first time after the
 * connection dropped.
 *
 * A reload while offline is not tested: there is no service worker, so in a
 * browser an offline reload cannot fetch the page from `vite preview`. That is
 * N/A for the product: the desktop app loads from app://. Persistence is
 * proven instead by going back online and reloading.
 */

test.describe.configure({ mode: 'parallel' });

/** Records requests to the network; Chromium's own re-fetch of the tab icon on each hash navigation is left out (N/A in Electron). */
function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.pathname !== '/favicon.svg') requests.push(r.url());
  });
  return requests;
}

/** Opens every screen once, so its code is loaded, as it always is in the desktop app. */
async function loadEveryScreen(page: Page): Promise<void> {
  await navLink(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goto('/#/accounts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();
  await page.goto('/#/accounts/not-an-account');
  await expect(page.getByText('There is no account with this address.')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await navLink(page, 'Accounts').click();
}

test('works offline: the top bar says so; navigate, create, edit and search without network', async ({ page, context }) => {
  await open(page);
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toHaveText('Online');

  await loadEveryScreen(page);

  // Any request to the network from now on would fail; record any the app tries.
  const requests = recordRequests(page);
  await context.setOffline(true);
  await expect(status).toHaveText('Offline: changes are kept on this device');

  // Navigation inside the app.
  await navLink(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await navLink(page, 'Accounts').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();

  // Create and edit.
  await createAccount(page, { name: 'Offline Air', timeZone: 'Europe/Warsaw', domain: 'news.offline-air.example', ips: ['192.0.2.99'] });
  await expect(page.getByRole('region', { name: 'Business hours' }).getByRole('img', { name: /^Business hours this week/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Offline Airways');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offline Airways' })).toBeVisible();

  // The command palette finds it.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command palette' }).pressSequentially('airways');
  await expect(palette.getByRole('option', { name: 'Offline Airways' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // Search.
  await navLink(page, 'Accounts').click();
  await search(page, '192.0.2.99');
  await expect(accountsTable(page).getByRole('link', { name: 'Offline Airways' })).toBeVisible();
  await search(page, 'nothing-like-this');
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await expect(status).toHaveText('Offline: changes are kept on this device');
  expect(requests, 'the app made no network request while offline').toEqual([]);

  // Back online: the status follows, and a reload shows the data kept in IndexedDB.
  await context.setOffline(false);
  await expect(status).toHaveText('Online');
  await page.reload();
  await search(page, 'offline');
  await expect(accountsTable(page).getByRole('link', { name: 'Offline Airways' })).toBeVisible();
  await accountsTable(page).getByRole('link', { name: 'Offline Airways' }).click();
  await expect(page.getByRole('region', { name: 'Sending setup' })).toContainText('news.offline-air.example');
});

test('a screen opened for the first time after the connection dropped still opens (web host)', async ({ page, context }) => {
  // Settings, the account page and form, and the palette are separate chunks;
  // the app fetches them soon after start-up, so they open offline too.
  // The clock is the page's own, so the shell's later start (SLA alerts, 1.5 s in) can be run at will.
  await page.clock.install();
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.locator('html[data-screens-ready]').waitFor({ state: 'attached' });
  await context.setOffline(true);
  await navLink(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 3_000 });
  await page.goto('/#/accounts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible({ timeout: 3_000 });
  // The case screens too, and the shell's own parts that load later (SLA alerts) do not break it.
  await navLink(page, 'Escalations').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escalations' })).toBeVisible({ timeout: 3_000 });
  await navLink(page, 'Cases').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible({ timeout: 3_000 });
  await page.clock.runFor(2_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This screen could not be opened' })).toHaveCount(0);
});
