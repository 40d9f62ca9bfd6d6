/**
 * The renderer's origin. IndexedDB, localStorage and every other piece of web
 * storage are keyed by origin, so the scheme and host below must never change:
 * a different origin would open an empty database and the user's offline data
 * would look lost.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tam-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own origin (no port, no credentials). */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
