import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { choose, createAccount, fillAccountForm, loadDemoData, navLink, open } from './helpers';

/**
 * axe-core (WCAG 2.0 A/AA and 2.1 AA rules) over every screen, in the light
 * and the dark theme. A serious or critical violation fails the test; each
 * is printed with its rule id, impact and the nodes it was found on. Every
 * screen of a test is scanned before it fails, so one run lists them all.
 *
 * The theme comes from the system (prefers-color-scheme, the default "System"
 * setting); one test also checks that the Theme setting overrides it.
 */

test.describe.configure({ mode: 'parallel' });

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/**
 * Rules a scan may waive, each with why. Only for a state the app cannot
 * change without replacing its accessible-primitives library.
 */
const WAIVERS = {
  // While a React Aria ComboBox list is open, React Aria sets aria-hidden on
  // everything outside the input and the list (so screen readers reach the
  // portalled list), but leaves it tabbable. Deliberate library behaviour,
  // tracked upstream in adobe/react-spectrum#4937; the list closes on Tab/blur.
  comboBoxOpen: ['aria-hidden-focus'],
} as const;

async function scan(page: Page, screen: string, waive: readonly string[] = []): Promise<void> {
  // Let the screen settle: fonts and the live queries behind it.
  await page.evaluate(() => document.fonts.ready);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const waived = result.violations.filter((v) => waive.includes(v.id));
  if (waived.length) console.log(`axe: ${screen}: waived ${waived.map((v) => `${v.id} (${v.nodes.length} nodes)`).join(', ')}`);
  const bad = result.violations.filter((v) => (v.impact === 'serious' || v.impact === 'critical') && !waive.includes(v.id));
  const report = bad
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`).join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  if (bad.length) console.log(`axe: ${screen}\n${report}`);
  const minor = result.violations.filter((v) => !bad.includes(v) && !waive.includes(v.id));
  if (minor.length) console.log(`axe: ${screen}: not failing: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`).join(', ')}`);
  expect.soft(bad.map((v) => `${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe: ${screen}\n${report}`).toEqual([]);
}

async function themed(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
}

for (const theme of THEMES) {
  // One screen or a few neighbouring ones per test: an axe scan costs one to
  // three seconds of a busy core (its ~90 rules over every element, colour
  // contrast the dearest; the screens are idle meanwhile), so a long tour of
  // screens in one test outgrew its timeout on a slower machine.
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await themed(page, theme);
    });

    test(`empty accounts list and the new-account form, with errors and the time-zone list open: ${theme}`, async ({ page }) => {
      await open(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
      await scan(page, `accounts list, empty (${theme})`);

      await page.getByRole('button', { name: 'New account' }).first().click();
      await fillAccountForm(page, { name: '', contact: { name: 'Ada' }, domain: 'mail.example.com', ips: ['999.1.2.3'] });
      await scan(page, `new account form (${theme})`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toBeVisible();
      await scan(page, `new account form with errors (${theme})`);

      const zone = page.getByRole('combobox', { name: 'Time zone', exact: true });
      await zone.clear();
      await zone.pressSequentially('Europe/W');
      await expect(page.getByRole('option', { name: 'Europe/Warsaw' })).toBeVisible();
      await scan(page, `new account form, time-zone list open (${theme})`, WAIVERS.comboBoxOpen);
    });

    test(`discard-changes dialog, settings, palette and shortcuts: ${theme}`, async ({ page }) => {
      await open(page, '/accounts/new');
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Half-typed Ltd');
      // Leaving the half-filled form asks first.
      await navLink(page, 'Settings').click();
      const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
      await expect(discard).toBeVisible();
      await scan(page, `discard-changes dialog (${theme})`);
      await discard.getByRole('button', { name: 'Discard changes' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await scan(page, `settings (${theme})`);

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      await scan(page, `command palette (${theme})`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await scan(page, `shortcuts dialog (${theme})`);
    });

    test(`cases: the empty list, the list with demo data, the new-case form with errors: ${theme}`, async ({ page }) => {
      await open(page);
      await navLink(page, 'Cases').click();
      await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
      await scan(page, `cases list, empty (${theme})`);
      await loadDemoData(page);
      await navLink(page, 'Cases').click();
      await expect(page.getByRole('table', { name: 'Cases' }).getByRole('link').first()).toBeVisible();
      await scan(page, `cases list, demo data (${theme})`);
      await page.getByRole('button', { name: 'New case' }).click();
      await page.getByRole('button', { name: 'Open case' }).click();
      await expect(page.getByText('Choose the account this case belongs to')).toBeVisible();
      await scan(page, `new case form with errors (${theme})`);
    });

    test(`a new case's page, a step's dialog, the searched list: ${theme}`, async ({ page }) => {
      await open(page);
      await loadDemoData(page);
      await navLink(page, 'Cases').click();
      await page.getByRole('button', { name: 'New case' }).click();
      await page.getByRole('button', { name: /Account$/ }).click();
      await page.getByRole('option').first().click();
      await page.getByRole('textbox', { name: 'Title' }).fill('Axe check case');
      await page.getByRole('textbox', { name: 'Why it is escalated' }).fill('Revenue at stake');
      await page.getByRole('button', { name: 'Open case' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Axe check case' })).toBeVisible();
      await scan(page, `case page (${theme})`);
      await page.getByRole('region', { name: 'Next step' }).getByRole('button', { name: 'Respond' }).click();
      await expect(page.getByRole('dialog', { name: 'Respond' })).toBeVisible();
      await scan(page, `case step dialog (${theme})`);
      await page.keyboard.press('Escape');
      await navLink(page, 'Cases').click();
      await page.getByRole('searchbox', { name: 'Search cases' }).fill('axe check');
      await expect(page.getByRole('table', { name: 'Cases' }).getByRole('link', { name: 'Axe check case' })).toBeVisible();
      await scan(page, `cases list, searched (${theme})`);
    });

    test(`Escalations online and offline, an account's SLA targets being edited: ${theme}`, async ({ page }) => {
      await open(page);
      await loadDemoData(page);
      await navLink(page, 'Escalations').click();
      await expect(page.getByRole('img', { name: /Open escalated cases by SLA risk/ })).toBeVisible();
      await scan(page, `escalations dashboard (${theme})`);
      await page.context().setOffline(true);
      await expect(page.getByRole('region', { name: 'Will breach before your working day ends' })).toBeVisible();
      await scan(page, `escalations dashboard offline (${theme})`);
      await page.context().setOffline(false);

      await page.getByRole('list', { name: 'Open escalated cases' }).getByRole('link').first().click();
      await page.getByRole('link', { name: /./ }).filter({ has: page.locator('xpath=self::a[starts-with(@href, "#/accounts/")]') }).first().click();
      await page.getByRole('tab', { name: 'Support cases' }).click();
      await page.getByRole('button', { name: 'Edit SLA targets' }).click();
      await scan(page, `account cases tab, editing SLA targets (${theme})`);
    });

    test(`accounts list with demo data, with archived, an account's page: ${theme}`, async ({ page }) => {
      await open(page);
      await loadDemoData(page);
      await navLink(page, 'Accounts').click();
      await expect(page.getByText(/^\d+ accounts$/)).toBeVisible();
      await scan(page, `accounts list, demo data (${theme})`);
      await page.getByRole('checkbox', { name: 'Show archived' }).check();
      await expect(page.getByRole('table', { name: 'Accounts' }).getByText('Archived').first()).toBeVisible();
      await scan(page, `accounts list with archived (${theme})`);

      await page.getByRole('table', { name: 'Accounts' }).getByRole('link').first().click();
      await expect(page.getByRole('img', { name: /^Business hours this week/ })).toBeVisible();
      await scan(page, `account page (${theme})`);
    });

    test(`palette with accounts, a refused import: ${theme}`, async ({ page }, testInfo) => {
      await open(page);
      await loadDemoData(page);
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('group', { name: 'Accounts' })).toBeVisible();
      await scan(page, `command palette with accounts (${theme})`);
      await page.keyboard.press('Escape');

      // A refused import shows an alert on the Settings page.
      const file = testInfo.outputPath('bad.json');
      await writeFile(file, '{"format":"nope"}');
      await navLink(page, 'Settings').click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import backup' }).click();
      await (await chooser).setFiles(file);
      await expect(page.getByRole('alert')).toContainText('This file was not imported');
      await scan(page, `settings with an import refused (${theme})`);
    });
  });
}

test('the Theme setting overrides the system and is scanned clean', async ({ page }) => {
  await themed(page, 'light');
  await open(page);
  await createAccount(page, { name: 'Contrast Check Ltd', domain: 'mail.contrast.example', ips: ['192.0.2.5'] });
  const accountUrl = page.url();
  await navLink(page, 'Settings').click();
  await choose(page, 'Theme', 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await scan(page, 'settings (Theme: Dark, system light)');
  await page.goto(accountUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Contrast Check Ltd' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await scan(page, 'account page (Theme: Dark, system light)');

  await themed(page, 'dark');
  await navLink(page, 'Settings').click();
  await choose(page, 'Theme', 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await choose(page, 'Theme', 'System');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
