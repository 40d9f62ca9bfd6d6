import { defineConfig } from '@playwright/test';

/**
 * Tests of the Electron shell itself (window, preload, navigation, CSP),
 * against the built app: run `npm run build` first (npm test does). They skip,
 * saying why, where no Electron binary is installed.
 */
export default defineConfig({
  testDir: 'test/electron',
  // One Electron at a time: each is a whole browser.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { trace: 'retain-on-failure' },
});
