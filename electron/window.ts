import { readFileSync, writeFileSync } from 'node:fs';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './policy/app-origin';
import { MIN_SIZE, fitToDisplays, parseWindowState, serializeWindowState } from './policy/window-state';

export type WindowOptions = {
  preloadPath: string;
  /** Where the window's size and place are remembered between runs. */
  stateFile: string;
  devTools: boolean;
};

/**
 * The one window factory: every window the app opens is built here, with the
 * same hardened web preferences (Electron's security checklist).
 */
export function createAppWindow({ preloadPath, stateFile, devTools }: WindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const state = fitToDisplays(
    parseWindowState(readTextSync(stateFile)),
    displays.map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'TAM Desk',
    show: false,
    // Close to the first frame's colour, so there is no white flash in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16171d' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    // Sync on purpose: the app may quit right after this event.
    try {
      writeFileSync(stateFile, serializeWindowState(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      console.error('Could not remember the window size:', error);
    }
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the app:', error));
  return window;
}

function readTextSync(filePath: string): string | null {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return null;
  }
}
