import type { TFunction } from 'i18next';
import { ValidationError } from '../data/accounts';
import { validationMessage } from './validation-message';

/** Whether a failed write ran out of storage (IndexedDB's QuotaExceededError, also as Dexie wraps it). */
export function isStorageFull(error: unknown): boolean {
  const names = [(error as { name?: unknown } | null)?.name, (error as { inner?: { name?: unknown } } | null)?.inner?.name];
  return names.includes('QuotaExceededError');
}

/**
 * Why an operation failed, in words for the user: a full disk says what to
 * do about it, invalid input which field and why; anything else gives the
 * error's own message.
 */
export function failureReason(t: TFunction, error: unknown): string {
  if (isStorageFull(error)) return t('common:error.storageFull');
  if (error instanceof ValidationError) return error.issues.map((i) => `${i.path.join('.')}: ${validationMessage(t, i.message)}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}
