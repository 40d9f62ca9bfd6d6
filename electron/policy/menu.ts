import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/host';

/**
 * The application menu as data. Items either have an Electron role (native
 * behaviour) or a command that the renderer carries out; electron/menu.ts
 * turns this into a real Menu. A submenu's role matters on macOS only: the
 * app menu, the window list and the Help menu's search.
 */
export type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;
export type MenuItemSpec =
  | { kind: 'role'; role: MenuRole; label: string }
  | { kind: 'command'; command: MenuCommand; label: string; accelerator: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; role?: 'appMenu' | 'windowMenu' | 'help'; items: MenuItemSpec[] };

export type MenuLocale = 'en' | 'pl';

export type MenuOptions = { platform: NodeJS.Platform; isPackaged: boolean; locale: MenuLocale };

const LABELS = {
  en: {
    app: 'TAM Desk',
    file: 'File',
    newAccount: 'New account',
    importBackup: 'Import backup…',
    exportBackup: 'Export backup…',
    closeWindow: 'Close window',
    quit: 'Quit TAM Desk',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force reload',
    devTools: 'Toggle developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Toggle full screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring all to front',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    about: 'About TAM Desk',
    hide: 'Hide TAM Desk',
    hideOthers: 'Hide others',
    unhide: 'Show all',
    services: 'Services',
  },
  pl: {
    app: 'TAM Desk',
    file: 'Plik',
    newAccount: 'Nowe konto',
    importBackup: 'Importuj kopię zapasową…',
    exportBackup: 'Eksportuj kopię zapasową…',
    closeWindow: 'Zamknij okno',
    quit: 'Zakończ TAM Desk',
    edit: 'Edycja',
    undo: 'Cofnij',
    redo: 'Ponów',
    cut: 'Wytnij',
    copy: 'Kopiuj',
    paste: 'Wklej',
    selectAll: 'Zaznacz wszystko',
    view: 'Widok',
    reload: 'Odśwież',
    forceReload: 'Wymuś odświeżenie',
    devTools: 'Narzędzia deweloperskie',
    resetZoom: 'Rzeczywisty rozmiar',
    zoomIn: 'Powiększ',
    zoomOut: 'Pomniejsz',
    fullScreen: 'Pełny ekran',
    window: 'Okno',
    minimize: 'Minimalizuj',
    zoom: 'Powiększ okno',
    front: 'Wszystkie na wierzch',
    help: 'Pomoc',
    shortcuts: 'Skróty klawiszowe',
    about: 'O programie TAM Desk',
    hide: 'Ukryj TAM Desk',
    hideOthers: 'Ukryj pozostałe',
    unhide: 'Pokaż wszystkie',
    services: 'Usługi',
  },
} as const satisfies Record<MenuLocale, Record<string, string>>;

/** The menu speaks Polish when the system prefers it over English, else English. */
export function pickMenuLocale(preferredLanguages: readonly string[]): MenuLocale {
  for (const language of preferredLanguages) {
    const base = language.toLowerCase().split(/[-_]/)[0];
    if (base === 'pl' || base === 'en') return base;
  }
  return 'en';
}

const separator: MenuItemSpec = { kind: 'separator' };

export function buildMenuTemplate({ platform, isPackaged, locale }: MenuOptions): MenuItemSpec[] {
  const t = LABELS[locale];
  const mac = platform === 'darwin';
  const role = (r: MenuRole, label: string): MenuItemSpec => ({ kind: 'role', role: r, label });

  const appMenu: MenuItemSpec = {
    kind: 'submenu',
    label: t.app,
    role: 'appMenu',
    items: [
      role('about', t.about),
      separator,
      role('services', t.services),
      separator,
      role('hide', t.hide),
      role('hideOthers', t.hideOthers),
      role('unhide', t.unhide),
      separator,
      role('quit', t.quit),
    ],
  };
  const file: MenuItemSpec = {
    kind: 'submenu',
    label: t.file,
    items: [
      { kind: 'command', command: 'new-account', label: t.newAccount, accelerator: 'CmdOrCtrl+N' },
      separator,
      { kind: 'command', command: 'import-backup', label: t.importBackup, accelerator: 'CmdOrCtrl+O' },
      { kind: 'command', command: 'export-backup', label: t.exportBackup, accelerator: 'CmdOrCtrl+Shift+E' },
      separator,
      // On macOS, Quit lives in the app menu.
      mac ? role('close', t.closeWindow) : role('quit', t.quit),
    ],
  };
  const edit: MenuItemSpec = {
    kind: 'submenu',
    label: t.edit,
    items: [
      role('undo', t.undo),
      role('redo', t.redo),
      separator,
      role('cut', t.cut),
      role('copy', t.copy),
      role('paste', t.paste),
      role('selectAll', t.selectAll),
    ],
  };
  // Reloading drops unsaved form input and dev tools expose internals: both are for development.
  const developer: MenuItemSpec[] = isPackaged
    ? []
    : [role('reload', t.reload), role('forceReload', t.forceReload), role('toggleDevTools', t.devTools), separator];
  const view: MenuItemSpec = {
    kind: 'submenu',
    label: t.view,
    items: [
      ...developer,
      role('resetZoom', t.resetZoom),
      role('zoomIn', t.zoomIn),
      role('zoomOut', t.zoomOut),
      separator,
      role('togglefullscreen', t.fullScreen),
    ],
  };
  const window: MenuItemSpec = {
    kind: 'submenu',
    label: t.window,
    role: 'windowMenu',
    items: mac
      ? [role('minimize', t.minimize), role('zoom', t.zoom), separator, role('front', t.front)]
      : [role('minimize', t.minimize), role('close', t.closeWindow)],
  };
  const help: MenuItemSpec = {
    kind: 'submenu',
    label: t.help,
    role: 'help',
    items: [
      { kind: 'command', command: 'keyboard-shortcuts', label: t.shortcuts, accelerator: 'CmdOrCtrl+/' },
      ...(mac ? [] : [separator, role('about', t.about)]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
