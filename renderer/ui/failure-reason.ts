import type { TFunction } from 'i18next';

/** Whether a failed write ran out of storage (IndexedDB's QuotaExceededError, also as Dexie wraps it). */
export function isStorageFull(error: unknown): boolean {
  const names = [(error as { name?: unknown } | null)?.name, (error as { inner?: { name?: unknown } } | null)?.inner?.name];
  return names.includes('QuotaExceededError');
}

/**
 * Why an operation failed, in words for the user: a full disk says what to
 * do about it; anything else gives the error's own message.
 */
export function failureReason(t: TFunction, error: unknown): string {
  if (isStorageFull(error)) return t('common:error.storageFull');
  return error instanceof Error ? error.message : String(error);
}
