#!/usr/bin/env node
// Screenshots of the main screens, for looking at the UI (not part of `npm test`).
//
//   npx vite build            # once; this script builds nothing
//   node scripts/screenshots.mjs
//
// Uses the `vite preview` server on http://127.0.0.1:4173 if one is running,
// or starts one (and stops it at the end). Writes
// test-results/screenshots/{screen}-{light|dark}-{en|pl}.png for: accounts
// (the list with the demo data), new-account (the form), account (an account
// page), settings, palette (the command palette open over the list), cases,
// new-case and case (the list, the form, a case with an explanation open); and,
// for a screen taller than the window, {screen}-{theme}-{lang}-full.png with
// the whole page (the window made as tall as the page).
//
// Environment: BASE_URL (default http://127.0.0.1:4173), CHROMIUM_PATH
// (default /usr/bin/chromium), SCREENS (comma-separated subset), OUT_DIR.
/* global fetch, document -- fetch is Node 20's; document is read inside page.evaluate, in the browser. */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { chromium, expect } from '@playwright/test';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const OUT_DIR = process.env.OUT_DIR ?? 'test-results/screenshots';
const SCREENS = (process.env.SCREENS ?? 'accounts,new-account,account,settings,palette,cases,new-case,case,escalations,account-cases').split(',');
const THEMES = ['light', 'dark'];
const LANGUAGES = ['en', 'pl'];
const VIEWPORT = { width: 1360, height: 860 };

const text = {
  en: { main: 'Main', accounts: 'Accounts', settings: 'Settings', newAccount: 'New account', language: 'Language', palette: 'Command palette', table: 'Accounts', cases: 'Cases', casesTable: 'Cases', newCase: 'New case', why: 'Why this due time?', escalations: 'Escalations', casesTab: 'Cases' },
  pl: { main: 'Główna', accounts: 'Konta', settings: 'Ustawienia', newAccount: 'Nowe konto', language: 'Język', palette: 'Paleta poleceń', table: 'Konta', cases: 'Sprawy', casesTable: 'Sprawy Wsparcia', newCase: 'Nowa sprawa', why: 'Skąd ten termin?', escalations: 'Eskalacje', casesTab: 'Sprawy' },
};

async function reachable(url) {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts `vite preview` unless the server already answers; returns a stop function. */
async function ensureServer() {
  if (await reachable(BASE_URL)) return () => {};
  const { port, hostname } = new URL(BASE_URL);
  const child = spawn('npx', ['vite', 'preview', '--port', port || '4173', '--strictPort', '--host', hostname], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const started = Date.now();
  while (!(await reachable(BASE_URL))) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}; run \`npx vite build\` first`);
    if (Date.now() - started > 60_000) throw new Error('vite preview did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Stop the whole process group (npx and the vite process it started).
  return () => process.kill(-child.pid, 'SIGTERM');
}

const nav = (page, lang) => page.getByRole('navigation', { name: text[lang].main });

async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  // Toasts are transient; wait for them to go so they do not cover the screen.
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
}

async function prepare(browser, lang) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: VIEWPORT, reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText('This device holds 60 accounts.')).toBeVisible();
  if (lang === 'pl') {
    await page.getByRole('button', { name: /Language$/ }).click();
    await page.getByRole('option', { name: 'Polski', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  }
  return { context, page };
}

const shots = {
  async accounts(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].accounts, exact: true }).click();
    await expect(page.getByRole('table', { name: text[lang].table }).getByRole('link').first()).toBeVisible();
  },
  async 'new-account'(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].accounts, exact: true }).click();
    await page.getByRole('button', { name: text[lang].newAccount }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: text[lang].newAccount })).toBeVisible();
  },
  async account(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].accounts, exact: true }).click();
    await page.getByRole('table', { name: text[lang].table }).getByRole('link').nth(2).click();
    await expect(page.getByRole('img', { name: /^(Business hours this week|Godziny pracy w tym tygodniu)/ })).toBeVisible();
  },
  async settings(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].settings, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: text[lang].settings })).toBeVisible();
  },
  async cases(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].cases, exact: true }).click();
    await expect(page.getByRole('table', { name: text[lang].casesTable }).getByRole('link').first()).toBeVisible();
  },
  async 'new-case'(page, lang) {
    await shots.cases(page, lang);
    await page.getByRole('button', { name: text[lang].newCase }).click();
    await expect(page.getByRole('heading', { level: 1, name: text[lang].newCase })).toBeVisible();
  },
  async case(page, lang) {
    await shots.cases(page, lang);
    await page.getByRole('table', { name: text[lang].casesTable }).getByRole('link').first().click();
    await page.getByText(text[lang].why).last().click();
  },
  async escalations(page, lang) {
    await nav(page, lang).getByRole('link', { name: text[lang].escalations, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: text[lang].escalations })).toBeVisible();
    await page.waitForTimeout(300);
  },
  async 'account-cases'(page, lang) {
    await shots.account(page, lang);
    await page.getByRole('tab', { name: text[lang].casesTab }).click();
  },
  async palette(page, lang) {
    await shots.accounts(page, lang);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: text[lang].palette });
    await expect(palette.getByRole('option').first()).toBeVisible();
    await palette.getByRole('combobox').pressSequentially('ma');
    await expect(palette.getByRole('group').last().getByRole('option').first()).toBeVisible();
  },
};

const stop = await ensureServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  await mkdir(OUT_DIR, { recursive: true });
  for (const lang of LANGUAGES) {
    const { context, page } = await prepare(browser, lang);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const screen of SCREENS) {
        await page.keyboard.press('Escape');
        await shots[screen](page, lang);
        await settle(page);
        const path = `${OUT_DIR}/${screen}-${theme}-${lang}.png`;
        await page.screenshot({ path, fullPage: true });
        console.log(path);
        // The page scrolls inside the shell; for a long screen also show all of it.
        const height = await page.evaluate(() => {
          const main = document.querySelector('.page');
          return main ? Math.ceil(main.scrollHeight + main.getBoundingClientRect().top) : 0;
        });
        if (height > VIEWPORT.height + 8) {
          await page.setViewportSize({ width: VIEWPORT.width, height });
          const full = `${OUT_DIR}/${screen}-${theme}-${lang}-full.png`;
          await page.screenshot({ path: full });
          await page.setViewportSize(VIEWPORT);
          console.log(full);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  stop();
}
