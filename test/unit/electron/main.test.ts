import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, MENU_CHANNEL } from '@shared/host';
import { CONTENT_SECURITY_POLICY } from '../../../electron/policy/csp';
import {
  BrowserWindow,
  FakeWebContents,
  Menu,
  Notification,
  app,
  dialog,
  fake,
  protocol,
  shell,
} from './fake-electron';

vi.mock('electron', async () => await import('./fake-electron'));

/**
 * main.ts against a fake `electron`: what it registers, serves and answers.
 * The real shell is driven by test/electron where an Electron binary exists.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tam-desk-main-'));
const INDEX_HTML = '<!doctype html><title>TAM Desk</title><div id="root"></div>';

let window: BrowserWindow;
const appFrame = { url: 'app://tam-desk/index.html', parent: null };
const invoke = (channel: string, ...args: unknown[]) => {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() =>
    (handler as (...a: unknown[]) => unknown)({ sender: window.webContents, senderFrame: appFrame }, ...args),
  );
};
const get = (url: string, method = 'GET') => {
  if (!fake.protocolHandler) throw new Error('app:// is not served');
  return fake.protocolHandler(new Request(url, { method }));
};

beforeAll(async () => {
  fake.appRoot = root;
  fake.userData = path.join(root, 'user-data');
  mkdirSync(path.join(root, 'dist', 'assets'), { recursive: true });
  mkdirSync(fake.userData);
  writeFileSync(path.join(root, 'dist', 'index.html'), INDEX_HTML);
  writeFileSync(path.join(root, 'dist', 'assets', 'app-1a2b.js'), 'console.log(1)');
  await import('../../../electron/main');
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  window = BrowserWindow.created[0]!;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('start-up', () => {
  it('registers app:// as a standard, secure, fetchable scheme and sandboxes every renderer', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it('opens one hardened window on app://tam-desk with the bundled preload', () => {
    expect(window.options).toMatchObject({
      width: 1280,
      height: 800,
      title: 'TAM Desk',
      show: false,
      webPreferences: {
        preload: path.join(root, 'dist-electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
        devTools: true,
      },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://tam-desk/index.html');
  });

  it('focuses the existing window when the app is launched again', () => {
    window.focus.mockClear();
    fake.appEvents.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('remembers the window size and place when it closes', () => {
    window.emit('close');
    const stored = JSON.parse(readFileSync(path.join(fake.userData, 'window-state.json'), 'utf8'));
    expect(stored).toEqual({ x: 40, y: 30, width: 1200, height: 780, maximized: true });
  });
});

describe('app:// protocol', () => {
  it('serves the built files with their type and the CSP', async () => {
    const index = await get('app://tam-desk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toBe(INDEX_HTML);

    const script = await get('app://tam-desk/assets/app-1a2b.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with the SPA shell and missing assets with 404', async () => {
    const route = await get('app://tam-desk/accounts/0190a1b2?tab=contacts');
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
    const missing = await get('app://tam-desk/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses traversal, other hosts and other methods', async () => {
    writeFileSync(path.join(root, 'outside-dist.txt'), 'secret');
    expect((await get('app://tam-desk/..%2foutside-dist.txt')).status).toBe(403);
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('app://tam-desk/index.html', 'POST')).status).toBe(405);
  });
});

describe('IPC', () => {
  it('handles every host channel', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(HOST_CHANNELS).sort());
  });

  it('answers the app window', async () => {
    await expect(invoke(HOST_CHANNELS.appVersion)).resolves.toBe('0.1.0');
  });

  it('refuses other senders', async () => {
    const handler = fake.ipcHandlers.get(HOST_CHANNELS.appVersion) as (...a: unknown[]) => unknown;
    const call = (event: unknown) => Promise.resolve().then(() => handler(event));
    await expect(call({ sender: new FakeWebContents(), senderFrame: appFrame })).rejects.toThrow(/Refused host:app-version/);
    await expect(
      call({ sender: window.webContents, senderFrame: { url: 'https://example.com/', parent: null } }),
    ).rejects.toThrow(/Refused/);
    await expect(call({ sender: window.webContents, senderFrame: { url: appFrame.url, parent: appFrame } })).rejects.toThrow(
      /Refused/,
    );
    await expect(call({ sender: window.webContents, senderFrame: null })).rejects.toThrow(/Refused/);
  });

  it('rejects malformed payloads before doing anything', async () => {
    await expect(invoke(HOST_CHANNELS.openExternal, 'http://example.com/')).rejects.toThrow(
      /Invalid arguments for host:open-external/,
    );
    await expect(invoke(HOST_CHANNELS.openExternal, 'javascript:alert(1)')).rejects.toThrow(/Invalid arguments/);
    await expect(invoke(HOST_CHANNELS.saveFile, { suggestedName: '../x', mimeType: 'a', data: '' })).rejects.toThrow(
      /Invalid arguments for host:save-file/,
    );
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('opens a draft in the mail client from validated fields, never from a link the page made', async () => {
    await invoke(HOST_CHANNELS.composeEmail, { to: ['marta@bursztyn.example.com'], subject: 'Deferrals at Onet: update', body: 'Hello Marta,\nwe throttled.' });
    expect(shell.openExternal).toHaveBeenLastCalledWith(
      'mailto:marta%40bursztyn.example.com?subject=Deferrals%20at%20Onet%3A%20update&body=Hello%20Marta%2C%0D%0Awe%20throttled.',
    );
    await expect(invoke(HOST_CHANNELS.composeEmail, 'mailto:x@example.com?body=hi')).rejects.toThrow(/Invalid arguments for host:compose-email/);
  });

  it('opens https links in the system browser', async () => {
    await invoke(HOST_CHANNELS.openExternal, 'https://example.com/postmaster');
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://example.com/postmaster');
  });

  it('saves a file where the user chose, decoding base64', async () => {
    const target = path.join(root, 'plan.xlsx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(
      invoke(HOST_CHANNELS.saveFile, {
        suggestedName: 'plan.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: Buffer.from([0x50, 0x4b, 0x03, 0x04]).toString('base64'),
        encoding: 'base64',
      }),
    ).resolves.toEqual({ saved: true, path: target });
    expect([...readFileSync(target)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ filters: [{ name: 'XLSX', extensions: ['xlsx'] }] }),
    );
  });

  it('reports a cancelled save', async () => {
    await expect(
      invoke(HOST_CHANNELS.saveFile, { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x' }),
    ).resolves.toEqual({ saved: false });
  });

  it('opens a text file, and refuses one over 50 MB', async () => {
    const small = path.join(root, 'bounces.csv');
    writeFileSync(small, 'recipient,code\nops@example.com,550 5.7.1\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [small] });
    await expect(invoke(HOST_CHANNELS.openFile, { title: 'Import bounces', extensions: ['csv'] })).resolves.toEqual({
      name: 'bounces.csv',
      text: 'recipient,code\nops@example.com,550 5.7.1\n',
    });

    const big = path.join(root, 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 1);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(invoke(HOST_CHANNELS.openFile, { title: 'Import', extensions: ['csv'] })).rejects.toThrow(/over 50 MB/);
  });

  it('shows notifications', async () => {
    await invoke(HOST_CHANNELS.notify, { title: 'SLA at risk', body: 'Case 12 is due in 30 minutes' });
    expect(Notification.shown).toContainEqual({ title: 'SLA at risk', body: 'Case 12 is due in 30 minutes' });
  });

  it('keeps secrets encrypted on disk and forgets them on request', async () => {
    const file = path.join(fake.userData, 'secrets.json');
    await expect(invoke(HOST_CHANNELS.getSecret, 'sync.token')).resolves.toBeNull();
    await invoke(HOST_CHANNELS.setSecret, 'sync.token', 'tok_live_0123456789');
    expect(readFileSync(file, 'utf8')).not.toContain('tok_live_0123456789');
    await expect(invoke(HOST_CHANNELS.getSecret, 'sync.token')).resolves.toBe('tok_live_0123456789');
    await invoke(HOST_CHANNELS.setSecret, 'sync.token', null);
    await expect(invoke(HOST_CHANNELS.getSecret, 'sync.token')).resolves.toBeNull();
  });

  it('refuses to keep a secret without real encryption, writing nothing', async () => {
    const file = path.join(fake.userData, 'secrets.json');
    rmSync(file, { force: true });
    fake.linuxBackend = 'basic_text';
    try {
      await expect(invoke(HOST_CHANNELS.setSecret, 'sync.token', 'tok_live_0123456789')).rejects.toThrow(/keyring/);
      fake.encryptionAvailable = false;
      await expect(invoke(HOST_CHANNELS.setSecret, 'sync.token', 'tok_live_0123456789')).rejects.toThrow(/not available/);
      expect(existsSync(file)).toBe(false);
    } finally {
      fake.linuxBackend = 'gnome_libsecret';
      fake.encryptionAvailable = true;
    }
  });
});

describe('web contents hardening', () => {
  const contents = new FakeWebContents();
  beforeAll(() => fake.appEvents.emit('web-contents-created', {}, contents));

  it('denies every new window and sends https links to the browser', () => {
    shell.openExternal.mockClear();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('keeps navigation on the app origin', () => {
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://tam-desk/index.html')).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
  });

  it('refuses webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests and checks but the clipboard write', () => {
    const decide = (permission: string, url: string) => {
      const callback = vi.fn();
      (fake.permissionRequestHandler as (...a: unknown[]) => void)(contents, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('media', 'app://tam-desk/index.html')).toBe(false);
    expect(decide('geolocation', 'app://tam-desk/index.html')).toBe(false);
    expect(decide('clipboard-sanitized-write', 'app://tam-desk/index.html')).toBe(true);
    const check = fake.permissionCheckHandler as (...a: unknown[]) => boolean;
    expect(check(contents, 'notifications', 'app://tam-desk')).toBe(false);
    expect(check(contents, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });
});

describe('application menu', () => {
  type Item = { label?: string; role?: string; click?: () => void; submenu?: Item[] };
  const items = (): Item[] => {
    const menu = Menu.setApplicationMenu.mock.calls[0]?.[0] as { template: Item[] };
    const flatten = (list: Item[]): Item[] => list.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
    return flatten(menu.template);
  };

  it('is in the system language (Polish here)', () => {
    expect(items().map((i) => i.label)).toContain('Nowe konto');
  });

  it('sends its commands to the renderer on the menu channel', () => {
    items()
      .find((i) => i.label === 'Nowe konto')
      ?.click?.();
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'new-account');
  });
});
