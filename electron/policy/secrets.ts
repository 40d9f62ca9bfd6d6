import { z } from 'zod';
import { secretKeySchema } from '@shared/host';

/**
 * Secrets (the sync server's token) are encrypted with the OS keychain via
 * Electron's safeStorage and kept, base64, in one JSON file keyed by name.
 * Without real OS encryption the app refuses to keep them: storing a token in
 * plain text would be worse than asking the user to sign in again.
 */
export type EncryptionStatus = {
  available: boolean;
  /** Linux only: safeStorage's backend; 'basic_text' is a hard-coded key, i.e. no protection. */
  linuxBackend: string | null;
};

export function secretStorageRefusal(status: EncryptionStatus): string | null {
  if (!status.available) {
    return 'Secure storage is not available on this system, so TAM Desk will not keep this secret (it would be stored unencrypted).';
  }
  if (status.linuxBackend === 'basic_text') {
    return 'No system keyring (GNOME Keyring or KWallet) is available, so TAM Desk will not keep this secret; unlock or install a keyring and try again.';
  }
  return null;
}

const storeSchema = z.record(secretKeySchema, z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/));
export type SecretStore = z.infer<typeof storeSchema>;

/** Reads the store file's text; an unreadable file holds nothing recoverable, so it reads as empty. */
export function parseSecretStore(text: string | null): SecretStore {
  if (text === null) return {};
  try {
    const parsed = storeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The store with `key` set to the encrypted value, or removed for null. */
export function updateSecretStore(store: SecretStore, key: string, encryptedBase64: string | null): SecretStore {
  const next = { ...store };
  if (encryptedBase64 === null) delete next[key];
  else next[key] = encryptedBase64;
  return next;
}
