import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { HOST_CHANNELS } from '@shared/host';
import { CONTENT_SECURITY_POLICY } from '../../electron/policy/csp';
import { cannotRunReason, launchApp, type LaunchedApp } from './launch';

const reason = cannotRunReason();
// The list reporter does not show skip reasons, so say it once here too.
if (reason !== null) console.log(`Electron shell tests skipped: ${reason}`);
test.skip(reason !== null, reason ?? '');

test.describe.configure({ mode: 'serial' });

let launched: LaunchedApp;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  launched = await launchApp();
  app = launched.app;
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  // Record what would go to the system browser instead of opening it.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    Object.assign(globalThis, { openedExternally: opened });
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
});

test.afterAll(async () => {
  await launched?.close();
});

const openedExternally = () =>
  app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally.slice());

test('opens one window, titled TAM Desk, on app://tam-desk', async () => {
  await expect(page).toHaveTitle(/TAM Desk/);
  expect(page.url()).toMatch(/^app:\/\/tam-desk\//);
  expect(app.windows()).toHaveLength(1);
});

test('exposes exactly the host API, and no Node.js', async () => {
  const exposed = await page.evaluate(() => {
    const host = (window as unknown as { tamHost: Record<string, unknown> }).tamHost;
    const scope = window as unknown as Record<string, unknown>;
    return {
      keys: Object.keys(host).sort(),
      kind: host.kind,
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
    };
  });
  expect(exposed.keys).toEqual([...Object.keys(HOST_CHANNELS), 'kind', 'onMenuCommand'].sort());
  expect(exposed).toMatchObject({ kind: 'electron', require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('answers host calls and rejects malformed ones', async () => {
  const version = await page.evaluate(() =>
    (window as unknown as { tamHost: { appVersion(): Promise<string> } }).tamHost.appVersion(),
  );
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  const refusal = await page.evaluate(() =>
    (window as unknown as { tamHost: { openExternal(url: string): Promise<void> } }).tamHost
      .openExternal('http://example.com/')
      .then(
        () => 'resolved',
        (error: unknown) => String(error),
      ),
  );
  expect(refusal).toContain('Invalid arguments for host:open-external');
  expect(await openedExternally()).not.toContain('http://example.com/');
});

test('stays on the app when the page tries to navigate away', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect.poll(openedExternally).toContain('https://example.com/');
  expect(page.url()).toBe(before);

  // A file: URL is refused either by Chromium in the page (a console error,
  // no navigation starts) or by the app's will-navigate handler: wait for
  // whichever of the two happens, and make sure it is a refusal.
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const decided = new Promise<string>((resolve) => {
      const listener = (event: Electron.Event<Electron.WebContentsWillNavigateEventParams>) => {
        if (!event.url.startsWith('file:')) return;
        contents.off('will-navigate', listener);
        // Added after the app's own handler, so this sees its decision.
        resolve(event.defaultPrevented ? 'refused by the app' : 'allowed by the app');
      };
      contents.on('will-navigate', listener);
    });
    Object.assign(globalThis, { fileNavigation: decided });
  });
  const blockedInPage = page
    .waitForEvent('console', (message) => message.text().includes('Not allowed to load local resource'))
    .then(() => 'refused by Chromium');
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  const outcome = await Promise.race([
    blockedInPage,
    app.evaluate(() => (globalThis as unknown as { fileNavigation: Promise<string> }).fileNavigation),
  ]);
  expect(outcome).toMatch(/^refused/);
  expect(page.url()).toBe(before);
});

test('opens no windows: window.open goes to the system browser for https only', async () => {
  const handles = await page.evaluate(() => [
    window.open('https://example.com/docs') === null,
    window.open('http://example.com/plain') === null,
    window.open('app://tam-desk/index.html') === null,
  ]);
  expect(handles).toEqual([true, true, true]);
  await expect.poll(openedExternally).toContain('https://example.com/docs');
  expect(await openedExternally()).not.toContain('http://example.com/plain');
  expect(app.windows()).toHaveLength(1);
});

test('sends a clicked external https link to the system browser', async () => {
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/help';
    link.target = '_blank';
    link.textContent = 'Postmaster help';
    // On top of whatever the app shows, so the click lands on it.
    link.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;background:#fff';
    document.body.append(link);
  });
  await page.getByRole('link', { name: 'Postmaster help' }).click();
  await expect.poll(openedExternally).toContain('https://example.com/help');
  expect(app.windows()).toHaveLength(1);
});

test('serves the app with its Content Security Policy, and enforces it', async () => {
  const header = await page.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  );
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const inlineScript = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
    });
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    // An inline script the policy allowed runs during append; a refused one
    // fires its violation event after it.
    if ((window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true) return { ran: true };
    return { ran: false, refusedBy: await violation };
  });
  expect(inlineScript).toEqual({ ran: false, refusedBy: expect.stringMatching(/^script-src/) });
});
