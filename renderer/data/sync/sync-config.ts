import type { TamDeskDb } from '../db';

/**
 * Where this device syncs: the server URL lives in the meta table (it is not
 * a secret); the token never touches IndexedDB or localStorage, only the
 * host's secret storage (Electron's safeStorage; memory in a browser).
 */
export const SERVER_URL_KEY = 'sync.serverUrl';
/** The server sequence this device has pulled up to. */
export const CURSOR_KEY = 'sync.cursor';
/**
 * The highest seq of this device the server acknowledged: the next push
 * numbers the outbox from the one after it (sync/push.ts).
 */
export const ACKNOWLEDGED_SEQ_KEY = 'sync.acknowledgedSeq';
export const LAST_SYNCED_KEY = 'sync.lastSyncedAt';
export const TOKEN_SECRET = 'sync.token';

export type UrlCheck = { ok: true; url: string } | { ok: false; error: 'required' | 'invalid' | 'protocol' };

/** A server address: http(s) with a host, no credentials, query or fragment; returned without a trailing slash. */
export function checkServerUrl(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'required' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'protocol' };
  if (!url.hostname || url.username || url.password || url.search || url.hash) return { ok: false, error: 'invalid' };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

/** A token as pasted: trimmed; tokens have no inner spaces. */
export function checkToken(input: string): { ok: true; token: string } | { ok: false; error: 'required' | 'invalid' } {
  const token = input.trim();
  if (token === '') return { ok: false, error: 'required' };
  if (/\s/.test(token) || token.length > 4096) return { ok: false, error: 'invalid' };
  return { ok: true, token };
}

export async function loadServerUrl(db: TamDeskDb): Promise<string | null> {
  const value = (await db.meta.get(SERVER_URL_KEY))?.value;
  return typeof value === 'string' ? value : null;
}

export async function saveServerUrl(db: TamDeskDb, url: string): Promise<void> {
  await db.meta.put({ key: SERVER_URL_KEY, value: url });
}

export async function loadLastSynced(db: TamDeskDb): Promise<string | null> {
  const value = (await db.meta.get(LAST_SYNCED_KEY))?.value;
  return typeof value === 'string' ? value : null;
}
