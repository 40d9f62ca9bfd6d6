import type { TFunction } from 'i18next';

/**
 * The one mapping from a validation message to words. The shared schemas'
 * messages are keys of common:error ("ip.invalid"); a message that is not
 * (zod's own English) follows a translated "not valid", so the reader still
 * learns what was wrong.
 */
export function validationMessage(t: TFunction, message: string): string {
  const key = `common:error.${message}`;
  return t(key, { defaultValue: '' }) || `${t('common:error.unknown')} (${message})`;
}
