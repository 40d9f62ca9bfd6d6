import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { accountsTable, createAccount, loadDemoData, navLink, open } from './helpers';

/**
 * The JSON backup in the browser: Export downloads a file; Import opens an
 * <input type=file> made on the fly (a file chooser), validates the whole file,
 * asks for confirmation, and adds the accounts. A bad file is refused with its
 * reason and changes nothing.
 */

test.describe.configure({ mode: 'parallel' });

type BackupFile = { format: string; version: number; exportedAt: string; tables: { accounts: { id: string; name: string; archivedAt: string | null; ipPools: { ips: string[] }[] }[] } };

async function exportBackup(page: Page, path: string): Promise<BackupFile> {
  await navLink(page, 'Settings').click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^tam-desk-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')) as BackupFile;
}

async function chooseBackup(page: Page, path: string): Promise<void> {
  await navLink(page, 'Settings').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import backup' }).click();
  await (await chooser).setFiles(path);
}

test('export the demo data, then import it into a new browser context', async ({ page, browser }, testInfo) => {
  await open(page);
  await loadDemoData(page);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded 60 demo accounts' })).toBeVisible();

  const file = testInfo.outputPath('backup.json');
  const backup = await exportBackup(page, file);
  expect(backup.format).toBe('tam-desk-backup');
  expect(backup.version).toBe(1);
  expect(backup.tables.accounts).toHaveLength(60);
  await expect(page.getByRole('status').getByText(/^Exported 60 accounts to tam-desk-backup-/)).toBeVisible();
  const someName = backup.tables.accounts[7]!.name;

  // A new context is a new, empty IndexedDB: another device, or a reinstall.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const page2 = await other.newPage();
    await open(page2);
    await expect(page2.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    await chooseBackup(page2, file);

    const dialog = page2.getByRole('dialog', { name: 'Import 60 accounts?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Accounts: 60 new, 0 newer in the backup, 0 already up to date.');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page2.getByRole('status').filter({ hasText: 'Imported 60 new and 0 updated accounts' })).toBeVisible();
    await expect(page2.getByRole('region', { name: 'Data' })).toContainText('This device holds 60 accounts.');

    await navLink(page2, 'Accounts').click();
    const active = backup.tables.accounts.filter((a) => !a.archivedAt).length;
    await expect(page2.getByText(`${active} accounts`, { exact: true })).toBeVisible();
    await page2.getByRole('checkbox', { name: 'Show archived' }).check();
    await expect(page2.getByText('60 accounts', { exact: true })).toBeVisible();
    await page2.getByRole('searchbox', { name: 'Search accounts' }).fill(someName);
    await expect(accountsTable(page2).getByRole('link', { name: someName, exact: true })).toBeVisible();

    // Importing the same file again adds nothing: everything is up to date.
    await chooseBackup(page2, file);
    await expect(page2.getByRole('dialog', { name: 'Import 60 accounts?' })).toContainText('Accounts: 0 new, 0 newer in the backup, 60 already up to date.');
    await page2.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page2.getByRole('dialog')).toBeHidden();
  } finally {
    await other.close();
  }
});

test('a bad backup file is refused with its reason and changes nothing', async ({ page }, testInfo) => {
  await open(page);
  await createAccount(page, { name: 'Keep Me Ltd', timeZone: 'Europe/Warsaw', ips: ['192.0.2.1'] });
  const good = await exportBackup(page, testInfo.outputPath('good.json'));
  const data = page.getByRole('region', { name: 'Data' });
  await expect(data).toContainText('This device holds 1 account.');

  // Not a TAM Desk backup at all.
  const notBackup = testInfo.outputPath('not-a-backup.json');
  await writeFile(notBackup, '{"format":"nope"}');
  await chooseBackup(page, notBackup);
  const refusal = data.getByRole('alert');
  await expect(refusal).toContainText('This file was not imported:');
  await expect(refusal).toContainText('it is not a TAM Desk backup.');
  await expect(refusal).toContainText('not-a-backup.json');
  await expect(refusal).toContainText('Nothing was changed.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);

  // Not JSON.
  const notJson = testInfo.outputPath('garbage.json');
  await writeFile(notJson, 'this is { not json');
  await chooseBackup(page, notJson);
  await expect(data.getByRole('alert')).toContainText('it is not a JSON file.');

  // A real backup with one new account whose IP is invalid: the whole file is refused.
  const bad = structuredClone(good);
  const account = structuredClone(good.tables.accounts[0]!);
  account.id = account.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
  account.name = 'Should Not Appear';
  account.ipPools[0]!.ips[0] = '999.1.2.3';
  bad.tables.accounts.push(account);
  const badIp = testInfo.outputPath('bad-ip.json');
  await writeFile(badIp, JSON.stringify(bad));
  await chooseBackup(page, badIp);
  await expect(data.getByRole('alert')).toContainText(
    /This file was not imported: Accounts, record 2, field ipPools\.0\.ips\.0: Not a valid IPv4 or IPv6 address/,
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Nothing changed.
  await expect(data).toContainText('This device holds 1 account.');
  await navLink(page, 'Accounts').click();
  await expect(page.getByText('1 account', { exact: true })).toBeVisible();
  await expect(accountsTable(page).getByRole('link', { name: 'Keep Me Ltd' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('Should Not Appear');
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
});
