/**
 * The keyboard shortcuts, in one list that both the key handler and the help
 * dialog read. `keys` is what the help dialog shows; `match` decides.
 */
export type ShortcutId = 'palette' | 'help' | 'newAccount' | 'search' | 'goAccounts' | 'goCases' | 'goSettings' | 'editAccount' | 'save';

export type Shortcut = { id: ShortcutId; keys: string[]; global: boolean };

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: Shortcut[] = [
  { id: 'palette', keys: [MOD, 'K'], global: true },
  { id: 'help', keys: ['?'], global: true },
  { id: 'newAccount', keys: ['N'], global: true },
  { id: 'search', keys: ['/'], global: true },
  { id: 'goAccounts', keys: ['G', 'A'], global: true },
  { id: 'goCases', keys: ['G', 'C'], global: true },
  { id: 'goSettings', keys: ['G', 'S'], global: true },
  { id: 'editAccount', keys: ['E'], global: false },
  { id: 'save', keys: [MOD, 'S'], global: false },
];

/** Single keys must not fire while the user types in a field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
