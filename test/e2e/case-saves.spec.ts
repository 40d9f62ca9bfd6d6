import { expect, test, type Page } from '@playwright/test';
import { choose, fillAccountForm, open } from './helpers';

/**
 * The case page rates a case by the same SLA policy as the Cases list
 * (shared/cases/sla-policy.ts: targetsForCase), and a save the device refuses
 * (a full disk) is shown, with what the user typed kept.
 */
const MON_10_WARSAW = new Date('2026-03-30T08:00:00Z');
const clock = (page: Page, name: string) => page.getByRole('region', { name: 'SLA clocks' }).getByRole('group', { name });

/** An account on Warsaw 9–17 with one high-priority case opened Monday 10:00; leaves the case page open. */
async function openHighCase(page: Page) {
  await page.clock.install({ time: MON_10_WARSAW });
  await open(page, '/accounts/new');
  await fillAccountForm(page, { name: 'Bursztyn Handel', timeZone: 'Europe/Warsaw' });
  await page.getByRole('button', { name: 'Poland 9–17' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('tab', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Open a case' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Deferrals at Onet');
  await choose(page, 'Priority', 'High');
  await page.getByRole('textbox', { name: 'Why it is escalated' }).fill('Campaign on Wednesday');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deferrals at Onet' })).toBeVisible();
}

/** Changes stored records behind the app's back (as an older version or a sync could have left them); the page is reloaded after. */
async function rewriteStore(page: Page, store: 'cases' | 'slaPolicies', change: 'unpin' | 'clear') {
  await page.evaluate(
    async ({ store, change }) => {
      const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const db = await request(indexedDB.open('tam-desk'));
      const tx = db.transaction(store, 'readwrite');
      const records = store === 'cases' ? await request(tx.objectStore(store).getAll()) : [];
      if (change === 'clear') tx.objectStore(store).clear();
      else for (const record of records) tx.objectStore(store).put({ ...record, slaPolicyId: null, slaPolicyVersion: null });
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      db.close();
    },
    { store, change },
  );
  await page.reload();
}

test('the case page runs an unpinned case under the policy in force when it opened, and a case without one under the defaults', async ({ page }) => {
  await openHighCase(page);
  // High priority by default: first response within 2 business hours.
  await expect(clock(page, 'First response')).toContainText('Mon 30 Mar, 12:00 in the customer’s zone');
  const caseUrl = page.url();

  // A minute later the account gets new targets (high: 5 h); the case was opened under the first version.
  await page.clock.setSystemTime(new Date('2026-03-30T08:01:00Z'));
  await page.getByRole('link', { name: 'Bursztyn Handel' }).click();
  await page.getByRole('tab', { name: 'Cases' }).click();
  const targets = page.getByRole('region', { name: 'SLA targets' });
  await targets.getByRole('button', { name: 'Edit SLA targets' }).click();
  await targets.getByRole('textbox', { name: 'First response for High (hours)' }).fill('5');
  await targets.getByRole('button', { name: 'Publish new version' }).click();
  await expect(targets.getByRole('row', { name: /^High/ })).toContainText('5 h');

  // A case that did not keep its version (written before pinning existed) still runs under the one in force when it opened.
  await page.goto(caseUrl);
  await rewriteStore(page, 'cases', 'unpin');
  await expect(clock(page, 'First response')).toContainText('Mon 30 Mar, 12:00 in the customer’s zone');

  // With no policy at all (none synced yet), the default targets, as in the Cases list.
  await rewriteStore(page, 'slaPolicies', 'clear');
  await expect(clock(page, 'First response')).toContainText('Mon 30 Mar, 12:00 in the customer’s zone');
  await expect(clock(page, 'Resolution')).toBeVisible();
});

/** From now on every IndexedDB write in the page fails as on a full disk, until `diskFull(page, false)`. */
async function diskFull(page: Page, full: boolean) {
  await page.evaluate((full) => {
    const w = window as unknown as { diskFull?: boolean; diskFullInstalled?: boolean };
    w.diskFull = full;
    if (w.diskFullInstalled) return;
    w.diskFullInstalled = true;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  }, full);
}

test('a save refused by a full disk says so on the new-case and case pages, and keeps what was typed', async ({ page }) => {
  await openHighCase(page);

  // A step on the case page: the dialog stays open with the reason and the text.
  await page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: 'Respond', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Respond' });
  await dialog.getByRole('textbox').fill('We are looking into the deferrals.');
  await diskFull(page, true);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'This step was not saved: this device has no storage space left for the app; free some disk space. What you typed is still here; try again.',
  );
  await expect(dialog.getByRole('textbox')).toHaveValue('We are looking into the deferrals.');
  await diskFull(page, false);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(clock(page, 'First response')).toContainText('Met');

  // A new case: the form stays, filled, with the reason.
  await page.goto(page.url().replace(/#\/cases\/.*/, '#/cases/new'));
  await choose(page, 'Account', 'Bursztyn Handel');
  await page.getByRole('textbox', { name: 'Title' }).fill('Bounces at WP');
  await page.getByRole('textbox', { name: 'Why it is escalated' }).fill('VIP sender');
  await diskFull(page, true);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The case was not opened: this device has no storage space left for the app; free some disk space. What you typed is still here; try again.',
  );
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Bounces at WP');
  await diskFull(page, false);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bounces at WP' })).toBeVisible();
});
