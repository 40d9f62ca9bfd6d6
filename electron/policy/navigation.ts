import { externalUrlSchema } from '@shared/host';
import { isAppUrl } from './app-origin';

/** Never a new window: at most the link goes to the system browser. */
export type WindowOpenDecision = { action: 'deny'; openExternally: boolean };
export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/** Only well-formed https links leave the app, by the same rule as host.openExternal. */
export function isExternalLink(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isExternalLink(url) };
}

/**
 * The window stays on the app's origin. A plain https link (no target) is
 * treated like window.open: the page stays and the system browser opens it.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return { action: 'deny', openExternally: isExternalLink(url) };
}

/**
 * Permissions a page of our origin may have. Writing plain text to the
 * clipboard (copying a drafted remediation request) is the one; camera,
 * geolocation, notifications (sent by the main process instead) and all the
 * others are denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
