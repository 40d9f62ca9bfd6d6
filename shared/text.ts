/**
 * Text every replica can store and every screen can show: no NUL (PostgreSQL's
 * jsonb refuses it) and no lone UTF-16 surrogate (half an emoji, which
 * PostgreSQL refuses too and a screen draws as garbage). The sync validator
 * refuses such text (shared/sync/validate.ts); every write cleans it first,
 * so a pasted or imported value never becomes a change the server refuses.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why `text` cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'text must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'text holds half of a character (a lone surrogate)';
  return null;
}

/** `text` without NULs, each lone surrogate replaced by U+FFFD (the replacement character). */
export function cleanText(text: string): string {
  if (textProblem(text) === null) return text;
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATES, '\uFFFD');
}

/** Every string inside `value` cleaned (objects and arrays copied only where something changed). */
export function cleanValue<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) {
    const cleaned = value.map(cleanValue);
    return (cleaned.some((v, i) => v !== value[i]) ? cleaned : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const cleaned = entries.map(([k, v]) => [k, cleanValue(v)] as const);
    return (cleaned.some(([, v], i) => v !== entries[i]![1]) ? Object.fromEntries(cleaned) : value) as T;
  }
  return value;
}

/**
 * `text` cut to at most `max` UTF-16 units without splitting a character:
 * never half of a surrogate pair, and with `ellipsis` the cut ends in "…".
 */
export function cutText(text: string, max: number, ellipsis = false): string {
  if (text.length <= max) return text;
  let end = ellipsis ? max - 1 : max;
  // Do not end on a high surrogate: its low half would be cut off.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end) + (ellipsis ? '…' : '');
}
