/**
 * The shape every language's catalogue must have: the English one's keys,
 * any strings, plus the plural forms English lacks (Polish "_few", "_many").
 */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> } & {
  [plural: `${string}_${'few' | 'many'}`]: string;
};
