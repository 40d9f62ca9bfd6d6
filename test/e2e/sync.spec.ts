import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createAccount, navLink, open } from './helpers';

/**
 * Team sync in the browser against a real server (a child process on a free
 * loopback port with its own data folder): two browser contexts are two
 * devices of one team. Sign in, create on one and see it on the other, then
 * edit different fields offline on both and see both edits after reconnecting.
 */
test.describe.configure({ mode: 'serial' });

const TSX = ['node_modules/.bin/tsx', '--tsconfig', 'server/tsconfig.json', 'server/main.ts'];
let server: ChildProcess;
let dataDir: string;
let serverUrl: string;
let token: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tam-desk-e2e-sync-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const added = spawnSync(TSX[0]!, [...TSX.slice(1), 'add-user', 'anna', '--team', 'warsaw'], { env, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`add-user failed: ${added.stderr}`);
  token = added.stdout.trim().split('\n').at(-1)!.trim();
  server = spawn(TSX[0]!, TSX.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  serverUrl = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sync server did not start')), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`the sync server exited (${code})`)));
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** No serious or critical axe violation (WCAG 2.1 AA) on the screen as it is. */
async function scan(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), screen).toEqual([]);
}

const status = (page: Page) => page.getByRole('banner').getByRole('status');

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page);
  return page;
}

async function signIn(page: Page, withToken = token): Promise<void> {
  await navLink(page, 'Settings').click();
  const section = page.getByRole('region', { name: 'Team sync' });
  await section.getByRole('textbox', { name: 'Server address' }).fill(serverUrl);
  await section.getByLabel('Access token').fill(withToken);
  await section.getByRole('button', { name: 'Sign in' }).click();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync' });
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  await expect(dialog.getByText(/^Up to date · synced/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('a wrong token is refused with a specific message, and nothing is kept', async ({ browser }) => {
  const page = await device(browser);
  await expect(status(page)).toHaveText('Online');
  await signIn(page, 'not-a-real-token');
  await expect(page.getByRole('alert')).toHaveText('This token is not valid');
  await expect(status(page)).toHaveText('Online');
  await expect(page.getByRole('button', { name: 'Sync status' })).toHaveCount(0);
  // The token is in no web storage and nowhere in IndexedDB.
  const stored = await page.evaluate(async () => {
    const web = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    return web;
  });
  expect(stored).not.toContain('not-a-real-token');
  await page.context().close();
});

test('two devices: sign in, create on A and see it on B; offline edits on both merge; a notes conflict is settled', async ({ browser }) => {
  test.setTimeout(150_000); // three offline rounds on two devices: 33-52 s on a loaded 2-core machine
  const a = await device(browser);
  const b = await device(browser);
  for (const page of [a, b]) {
    await signIn(page);
    await expect(page.getByRole('region', { name: 'Team sync' })).toContainText(`Signed in to ${serverUrl}.`);
    await scan(page, 'settings, signed in');
    await expect(status(page)).toHaveText(/^Up to date · synced/);
  }

  // Create on A; it goes out by itself about a second later.
  await createAccount(a, { name: 'Bursztyn Handel', timeZone: 'Europe/Warsaw' });
  await expect(status(a)).toHaveText(/^Up to date · synced/);
  await syncNow(b);
  await navLink(b, 'Accounts').click();
  await b.getByRole('link', { name: 'Bursztyn Handel' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Bursztyn Handel' })).toBeVisible();
  await a.getByRole('heading', { level: 1, name: 'Bursztyn Handel' }).waitFor();

  // Offline on both: A renames, B writes notes.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await expect(status(a)).toHaveText(/^Offline: changes are kept on this device/);

  await a.getByRole('main').getByRole('button', { name: 'Edit' }).click();
  await a.getByRole('textbox', { name: 'Name', exact: true }).fill('Bursztyn Handel Group');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Bursztyn Handel Group' })).toBeVisible();
  await expect(status(a)).toHaveText('Offline: changes are kept on this device · 1 change waiting');

  await b.getByRole('main').getByRole('button', { name: 'Edit' }).click();
  await b.getByRole('textbox', { name: 'Notes' }).fill('Warm-up starts Monday.');
  await b.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(b.getByRole('main')).toContainText('Warm-up starts Monday.');

  // The waiting change is listed with the account's name.
  await a.getByRole('button', { name: 'Sync status' }).click();
  const panel = a.getByRole('dialog', { name: 'Sync' });
  const row = panel.getByRole('table', { name: 'Changes waiting to go' }).getByRole('row').nth(1);
  await expect(row).toContainText('Account: Bursztyn Handel Group');
  await expect(row).toContainText('Edited');
  await expect(panel.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await scan(a, 'sync panel, offline, a change waiting');
  await panel.getByRole('button', { name: 'Close' }).click();

  // Back online: each pushes by itself (the online event); then both pull.
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  await expect(status(a)).toHaveText(/^Up to date · synced/);
  await expect(status(b)).toHaveText(/^Up to date · synced/);
  await syncNow(a);
  await syncNow(b);
  for (const page of [a, b]) {
    await expect(page.getByRole('heading', { level: 1, name: 'Bursztyn Handel Group' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Warm-up starts Monday.');
  }

  // Both rewrite the notes offline: a text conflict, offered on each device with both versions.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  for (const [page, notes] of [
    [a, 'Warm-up starts Tuesday.'],
    [b, 'Warm-up moved: ask Ewa.'],
  ] as const) {
    await page.getByRole('main').getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('main')).toContainText(notes);
  }
  await a.context().setOffline(false);
  await expect(status(a)).toHaveText(/^Up to date · synced/);
  await b.context().setOffline(false);
  await expect(status(b)).toHaveText(/^Up to date · synced/);
  await syncNow(a);
  await syncNow(b);

  await expect(navLink(b, 'Conflicts')).toHaveCount(0); // its name now says how many
  const conflictsLink = b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts, 1 conflict to settle' });
  await conflictsLink.click();
  await expect(b.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
  const conflict = b.getByRole('region', { name: 'Bursztyn Handel Group: Notes' });
  await expect(conflict).toContainText('Warm-up starts Tuesday.');
  await expect(conflict).toContainText('Warm-up moved: ask Ewa.');
  await expect(conflict).toContainText('By anna');
  await scan(b, 'conflicts inbox');
  await conflict.getByRole('button', { name: 'Combine both…' }).click();
  await conflict.getByRole('textbox', { name: 'Combined text' }).fill('Warm-up starts Tuesday; ask Ewa.');
  await conflict.getByRole('button', { name: 'Save combined text' }).click();
  await expect(b.getByText('No conflicts.', { exact: false })).toBeVisible();
  await expect(b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts', exact: true })).toBeVisible();

  // The settled text syncs like any edit.
  await expect(status(b)).toHaveText(/^Up to date · synced/);
  await syncNow(b);
  await syncNow(a);
  await a.reload();
  await expect(a.getByRole('main')).toContainText('Warm-up starts Tuesday; ask Ewa.');
  await a.context().close();
  await b.context().close();
});

test('two tabs of one profile never sync at once: the second waits for the first to finish', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await open(page);
    await signIn(page);
    await expect(status(page)).toHaveText(/^Up to date · synced/);
  }

  // The first tab's next pull is held on its way to the server.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const pullHeld = new Promise<void>((resolve) => (held = resolve));
  await first.route('**/sync/pull**', async (route) => {
    held();
    await released;
    await route.continue();
  });
  const secondRequests: string[] = [];
  second.on('request', (request) => {
    if (request.url().includes('/sync/')) secondRequests.push(request.url());
  });

  await first.getByRole('button', { name: 'Sync status' }).click();
  await first.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Sync now' }).click();
  await pullHeld;
  await second.getByRole('button', { name: 'Sync status' }).click();
  await second.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Sync now' }).click();
  // The second tab's round is queued on the lock the first one holds, and has sent nothing.
  await expect.poll(() => second.evaluate(async () => (await navigator.locks.query()).pending?.map((l) => l.name))).toEqual(['tam-desk-sync']);
  expect(secondRequests).toEqual([]);

  release();
  await expect(first.getByRole('dialog', { name: 'Sync' }).getByText(/^Up to date · synced/)).toBeVisible();
  await expect(second.getByRole('dialog', { name: 'Sync' }).getByText(/^Up to date · synced/)).toBeVisible();
  expect(secondRequests.length).toBeGreaterThan(0);
  await context.close();
});

test('changes set aside: a teammate’s malformed change and a change the server refuses are listed; fix one, discard the other', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await device(browser);
  await signIn(page);
  await expect(status(page)).toHaveText(/^Up to date · synced/);

  // The server refuses any change that names "Refused Ltd" (as a newer server's rule could).
  await page.route('**/sync/push', async (route) => {
    const body = route.request().postDataJSON() as { changes: { seq: number; change: { changeId: string; table: string; recordId: string; patch: { name?: string } } }[] };
    const refused = body.changes.find((c) => c.change.patch.name === 'Refused Ltd');
    if (!refused) return route.continue();
    const { seq, change } = refused;
    await route.fulfill({
      status: 400,
      headers: { 'access-control-allow-origin': route.request().headers().origin ?? '*' },
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'change_refused', message: `changes.0 (seq ${seq}, accounts record ${change.recordId}), field "name": refused by this server`, change: { seq, changeId: change.changeId, table: change.table, recordId: change.recordId, field: 'name' } } }),
    });
  });
  // A teammate's change with a field of the wrong type arrives with the next pull.
  let injected = false;
  await page.route('**/sync/pull**', async (route) => {
    const response = await route.fetch();
    const pulled = (await response.json()) as { changes: unknown[]; cursor: number };
    if (!injected) {
      injected = true;
      pulled.changes.push({
        serverSeq: Math.max(pulled.cursor, 1), clientId: 'bens-laptop-0001', clientSeq: 1, author: 'ben',
        change: {
          changeId: crypto.randomUUID(), table: 'accounts', recordId: crypto.randomUUID(), op: 'update', patch: { tags: 5 }, base: { tags: null },
          hlc: `${String(Date.now()).padStart(15, '0')}:00000:bens-laptop-0001`, at: new Date().toISOString(),
        },
      });
    }
    await route.fulfill({ response, json: pulled });
  });

  await createAccount(page, { name: 'Refused Ltd', timeZone: 'Europe/Warsaw' });
  await expect(status(page)).toHaveText(/^Up to date · synced .* · 2 changes set aside$/);
  await page.getByRole('button', { name: 'Sync status' }).click();
  const panel = page.getByRole('dialog', { name: 'Sync' });
  await expect(panel.getByText(/^Up to date · synced/)).toBeVisible();
  const list = panel.getByRole('table', { name: 'Changes set aside' });
  await expect(list.getByRole('row')).toHaveCount(3);
  const teammate = list.getByRole('row').filter({ hasText: 'ben' });
  await expect(teammate).toContainText('tags');
  await expect(teammate).toContainText('The value is not one this field takes.');
  const mine = list.getByRole('row').filter({ hasText: 'This device' });
  await expect(mine).toContainText('Account: Refused Ltd');
  await expect(mine).toContainText('name');
  // The reason in the reader's language, then the server's own words (without the batch position the row already shows).
  await expect(mine.getByRole('cell').filter({ hasText: 'The server refused it.' })).toHaveText('The server refused it.refused by this server');
  await scan(page, 'sync panel with changes set aside');

  // Discarding asks first, and says what it means.
  await teammate.getByRole('button', { name: /^Discard the change to/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Discard this change?' });
  await expect(confirm).toContainText('It was never applied on this device');
  await confirm.getByRole('button', { name: 'Discard' }).click();
  await expect(list.getByRole('row')).toHaveCount(2);

  // Fix opens the record; saving a corrected name sends it, and the entry goes by itself.
  await mine.getByRole('button', { name: 'Fix Account: Refused Ltd' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Accepted Ltd');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted Ltd' })).toBeVisible();
  await expect(status(page)).toHaveText(/^Up to date · synced [^·]*$/);
  await page.context().close();
});
