import { foldForSearch } from '@shared/domain/account-search';
import type { AppCommand } from '../../app/use-app-commands';
/**
 * The palette's actions, as data: an id, the i18n key of its label, the
 * keywords it is also found by, and (for the help text) its shortcut.
 */
export type ActionId = Exclude<AppCommand, 'palette'>;

export type PaletteAction = { id: ActionId; label: string; keywords: string; keys?: readonly string[] };


/** Every word of the query must occur in the label or the keywords. */
export function matchActions(actions: readonly PaletteAction[], query: string): PaletteAction[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actions];
  return actions.filter((a) => {
    const haystack = foldForSearch(`${a.label} ${a.keywords}`);
    return words.every((w) => haystack.includes(w));
  });
}
