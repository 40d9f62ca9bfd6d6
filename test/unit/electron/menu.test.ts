import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '@shared/host';
import { buildMenuTemplate, pickMenuLocale, type MenuItemSpec } from '../../../electron/policy/menu';

const flatten = (items: readonly MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((item) => (item.kind === 'submenu' ? [item, ...flatten(item.items)] : [item]));
const roles = (items: readonly MenuItemSpec[]) => flatten(items).flatMap((i) => (i.kind === 'role' ? [i.role] : []));
const commands = (items: readonly MenuItemSpec[]) => flatten(items).flatMap((i) => (i.kind === 'command' ? [i] : []));
const topLabels = (items: readonly MenuItemSpec[]) => items.map((i) => (i.kind === 'submenu' ? i.label : i.kind));

const linuxPackaged = buildMenuTemplate({ platform: 'linux', isPackaged: true, locale: 'en' });
const linuxDev = buildMenuTemplate({ platform: 'linux', isPackaged: false, locale: 'en' });
const macPackaged = buildMenuTemplate({ platform: 'darwin', isPackaged: true, locale: 'en' });

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    expect(topLabels(linuxPackaged)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(topLabels(buildMenuTemplate({ platform: 'win32', isPackaged: true, locale: 'en' }))).toEqual(
      topLabels(linuxPackaged),
    );
  });

  it('adds the app menu first on macOS, with About and Quit there', () => {
    const [appMenu] = macPackaged;
    expect(appMenu).toMatchObject({ kind: 'submenu', role: 'appMenu' });
    expect(appMenu?.kind === 'submenu' && roles(appMenu.items)).toEqual(
      expect.arrayContaining(['about', 'hide', 'quit']),
    );
    // Quit and About appear once, in the app menu.
    expect(roles(macPackaged).filter((r) => r === 'quit')).toHaveLength(1);
    expect(roles(macPackaged).filter((r) => r === 'about')).toHaveLength(1);
  });

  it('puts Quit in File and About in Help elsewhere', () => {
    const file = linuxPackaged[0];
    const help = linuxPackaged[4];
    expect(file?.kind === 'submenu' && roles(file.items)).toContain('quit');
    expect(help?.kind === 'submenu' && roles(help.items)).toContain('about');
  });

  it('sends every renderer command from some menu item, with an accelerator', () => {
    for (const template of [linuxPackaged, macPackaged]) {
      expect(commands(template).map((c) => c.command).sort()).toEqual([...MENU_COMMANDS].sort());
      for (const item of commands(template)) expect(item.accelerator).toMatch(/^CmdOrCtrl\+/);
    }
  });

  it('offers reload and developer tools only when not packaged', () => {
    for (const devOnly of ['reload', 'forceReload', 'toggleDevTools'] as const) {
      expect(roles(linuxPackaged)).not.toContain(devOnly);
      expect(roles(macPackaged)).not.toContain(devOnly);
      expect(roles(linuxDev)).toContain(devOnly);
    }
  });

  it('always has the edit roles, zoom and full screen', () => {
    expect(roles(linuxPackaged)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('speaks Polish', () => {
    const polish = buildMenuTemplate({ platform: 'linux', isPackaged: true, locale: 'pl' });
    expect(topLabels(polish)).toEqual(['Plik', 'Edycja', 'Widok', 'Okno', 'Pomoc']);
    expect(commands(polish).find((c) => c.command === 'new-account')?.label).toBe('Nowe konto');
    // Same structure in both languages.
    expect(roles(polish)).toEqual(roles(linuxPackaged));
  });
});

describe('pickMenuLocale', () => {
  it('takes the first of the system languages that the app speaks', () => {
    expect(pickMenuLocale(['pl-PL', 'en-US'])).toBe('pl');
    expect(pickMenuLocale(['de-DE', 'pl'])).toBe('pl');
    expect(pickMenuLocale(['en-GB', 'pl-PL'])).toBe('en');
    expect(pickMenuLocale(['pl_PL'])).toBe('pl');
  });

  it('falls back to English', () => {
    expect(pickMenuLocale(['de-DE', 'fr'])).toBe('en');
    expect(pickMenuLocale([])).toBe('en');
  });
});
