import { readFile, rename, writeFile } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { parseSecretStore, secretStorageRefusal, updateSecretStore } from '../policy/secrets';

export type SecretVault = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string | null): Promise<void>;
};

/** Secrets encrypted by safeStorage in one JSON file; see policy/secrets.ts for the rules. */
export function openSecretVault(filePath: string): SecretVault {
  // Calls run one after another, so two writes never race on the file.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const assertEncryption = (): void => {
    const refusal = secretStorageRefusal({
      available: safeStorage.isEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    });
    if (refusal !== null) throw new Error(refusal);
  };
  const readStore = async () => parseSecretStore(await readTextIfPresent(filePath));

  return {
    get: (key) =>
      serially(async () => {
        const encrypted = (await readStore())[key];
        if (encrypted === undefined) return null;
        assertEncryption();
        try {
          return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          throw new Error('A stored secret could not be decrypted (the system keyring may have changed); sign in again.');
        }
      }),
    set: (key, value) =>
      serially(async () => {
        // Forgetting a secret needs no encryption.
        if (value !== null) assertEncryption();
        const encrypted = value === null ? null : safeStorage.encryptString(value).toString('base64');
        const next = updateSecretStore(await readStore(), key, encrypted);
        // Write then rename, so a crash leaves the old file or the new one, never half of one.
        const temporary = `${filePath}.tmp`;
        await writeFile(temporary, JSON.stringify(next, null, 2), { encoding: 'utf8', mode: 0o600 });
        await rename(temporary, filePath);
      }),
  };
}

async function readTextIfPresent(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
