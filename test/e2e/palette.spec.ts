import { expect, test } from '@playwright/test';
import { createAccount, open } from './helpers';

/** The command palette (Ctrl+K), the shortcuts help (?), and the single-key shortcuts. */

test.describe.configure({ mode: 'parallel' });

test('Ctrl+K finds an account by part of its name and Enter opens it; actions run; Escape closes', async ({ page }) => {
  await open(page);
  await createAccount(page, { name: 'Zephyr Freight', domain: 'mail.zephyr.example' });
  await createAccount(page, { name: 'Aurora Books' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();

  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Command palette' });

  // Open, type part of a name, Enter.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(input).toBeFocused();
  // Arrow keys move through the results.
  await expect(palette.getByRole('option', { name: 'New account' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(palette.getByRole('option', { name: 'Go to Accounts' })).toHaveAttribute('aria-selected', 'true');
  await input.pressSequentially('zeph');
  await expect(palette.getByRole('option', { name: 'Zephyr Freight' })).toBeVisible();
  await expect(palette.getByRole('option', { name: 'Aurora Books' })).toHaveCount(0);
  await expect(palette.getByRole('option', { name: 'Zephyr Freight' })).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByRole('option', { name: 'Zephyr Freight' })).toHaveAccessibleDescription('mail.zephyr.example');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Zephyr Freight' })).toBeVisible();
  await expect(page).toHaveURL(/#\/accounts\/[0-9a-f-]{36}$/);

  // Found by domain as well.
  await page.keyboard.press('Control+k');
  await input.pressSequentially('example');
  await expect(palette.getByRole('option', { name: 'Zephyr Freight' })).toBeVisible();

  // The "New account" action goes to the form.
  await input.fill('');
  await input.pressSequentially('new acc');
  const newAccount = palette.getByRole('option', { name: 'New account' });
  await expect(newAccount).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();

  // Escape closes without doing anything, and the search starts empty next time.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(input).toHaveValue('');
  await input.pressSequentially('aur');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();

  // The top bar's button opens it too.
  await page.getByRole('banner').getByRole('button', { name: 'Command palette' }).click();
  await expect(input).toBeFocused();
  await palette.getByRole('option', { name: 'Go to Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('"?" shows the keyboard shortcuts; N, G then A, G then S, / and E work', async ({ page }) => {
  await open(page);
  await createAccount(page, { name: 'Keyboard Co' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // ? opens the help, listing every shortcut.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [action, keys] of [
    ['Open the command palette', 'Ctrl K'],
    ['Show keyboard shortcuts', '?'],
    ['New account', 'N'],
    ['Search accounts', '/'],
    ['Go to Accounts', 'G A'],
    ['Go to Settings', 'G S'],
    ['Edit the open account', 'E'],
    ['Save the form', 'Ctrl S'],
  ]) {
    await expect(help.getByRole('row', { name: `${action} ${keys}`, exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('?');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();

  // G then A goes to Accounts; G then S to Settings.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // N opens the new-account form, focused on Name; typing there is not a shortcut.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('gan');
  await expect(name).toHaveValue('gan');
  await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();

  // Leave the field; G A goes back to the list (after confirming the typed
  // name may go), / focuses the search.
  await name.blur();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.keyboard.press('/');
  const searchBox = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('keyboard');
  await expect(searchBox).toHaveValue('keyboard');

  // E on an account page edits it.
  await page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: 'Keyboard Co' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard Co' })).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Keyboard Co' })).toBeVisible();
});
