import path from 'node:path';
import { app, Menu, Notification, session, type BrowserWindow } from 'electron';
import { MENU_CHANNEL } from '@shared/host';
import { openFile, printToPdf, saveFile } from './host/files';
import { openSecretVault } from './host/secrets';
import { registerHostHandlers } from './ipc';
import { createApplicationMenu } from './menu';
import { buildMenuTemplate, pickMenuLocale } from './policy/menu';
import { applySessionPolicy, hardenWebContents, openInBrowser, openMailDraft } from './security';
import { registerAppScheme, serveApp } from './serve-app';
import { createAppWindow } from './window';

/** Same as appId in electron-builder.yml; Windows ties notifications to it. */
const APP_ID = 'com.example.tamdesk';

// Both must happen before the app is ready.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
const liveNotifications = new Set<Notification>();

function showMainWindow(): BrowserWindow {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    const root = app.getAppPath();
    mainWindow = createAppWindow({
      preloadPath: path.join(root, 'dist-electron', 'preload.cjs'),
      stateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devTools: !app.isPackaged,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
  return mainWindow;
}

function start(): void {
  const root = app.getAppPath();
  serveApp(path.join(root, 'dist'));
  applySessionPolicy(session.defaultSession);
  app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({ applicationName: 'TAM Desk', applicationVersion: app.getVersion() });

  const secrets = openSecretVault(path.join(app.getPath('userData'), 'secrets.json'));
  registerHostHandlers(() => mainWindow, {
    appVersion: () => app.getVersion(),
    saveFile,
    openFile,
    printToPdf,
    notify: (_window, { title, body }) => {
      // Without OS notifications (some Linux desktops) there is nobody to tell; the UI shows its own.
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      // Held until dismissed: a garbage-collected notification no longer reports its click.
      liveNotifications.add(notification);
      notification.on('close', () => liveNotifications.delete(notification));
      notification.on('click', () => showMainWindow());
      notification.show();
    },
    openExternal: (_window, url) => openInBrowser(url),
    composeEmail: (_window, request) => openMailDraft(request),
    getSecret: (_window, key) => secrets.get(key),
    setSecret: (_window, key, value) => secrets.set(key, value),
  });

  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    locale: pickMenuLocale(app.getPreferredSystemLanguages()),
  });
  Menu.setApplicationMenu(
    createApplicationMenu(template, (command) => showMainWindow().webContents.send(MENU_CHANNEL, command)),
  );
  app.on('second-instance', () => showMainWindow());
  app.on('activate', () => showMainWindow());
  showMainWindow();
}

// One running copy: a second launch focuses the first one's window instead (see start).
if (app.requestSingleInstanceLock()) {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('TAM Desk could not start:', error);
      app.exit(1);
    });
} else {
  app.quit();
}
