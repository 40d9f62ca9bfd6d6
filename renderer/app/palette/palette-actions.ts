import { foldForSearch } from '@shared/domain/account-search';

/**
 * The palette's actions as shown: the command's id, its label and the
 * keywords it is also found by (both translated), and its shortcut.
 */
export type PaletteAction = { id: string; label: string; keywords: string; keys?: readonly string[] };

/** Every word of the query must occur in the label or the keywords. */
export function matchActions<A extends PaletteAction>(actions: readonly A[], query: string): A[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actions];
  return actions.filter((a) => {
    const haystack = foldForSearch(`${a.label} ${a.keywords}`);
    return words.every((w) => haystack.includes(w));
  });
}
