import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the web UI in Debian's Chromium (Playwright cannot
 * download its own browsers here), against the built app served by
 * `vite preview`. Chart animation is off in tests (prefers-reduced-motion).
 */
// E2E_PORT lets two runs share a machine (e.g. CI beside a developer's run).
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // A test here takes 5-15 s on a quiet 2-core machine and up to three times
  // that on a busy one: the timeout keeps a factor of two over the slowest.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
