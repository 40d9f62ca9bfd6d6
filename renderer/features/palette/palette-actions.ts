/**
 * The palette's actions, as data: an id, the i18n key of its label, the
 * keywords it is also found by, and (for the help text) its shortcut.
 */
export type ActionId =
  | 'newAccount'
  | 'goAccounts'
  | 'goSettings'
  | 'shortcuts'
  | 'loadDemo'
  | 'exportBackup'
  | 'importBackup'
  | 'switchLanguage'
  | 'theme:system'
  | 'theme:light'
  | 'theme:dark';

export type PaletteAction = { id: ActionId; label: string; keywords: string; keys?: readonly string[] };

const fold = (s: string) => s.toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');

/** Every word of the query must occur in the label or the keywords. */
export function matchActions(actions: readonly PaletteAction[], query: string): PaletteAction[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actions];
  return actions.filter((a) => {
    const haystack = fold(`${a.label} ${a.keywords}`);
    return words.every((w) => haystack.includes(w));
  });
}
