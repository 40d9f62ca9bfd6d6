import { shell, type Session, type WebContents } from 'electron';
import { mailtoUrl, type ComposeEmailRequest } from '@shared/host';
import { decideNavigation, decideWindowOpen, isExternalLink, isPermissionAllowed } from './policy/navigation';

/** The one way out of the app: an https link, to the system browser. */
export async function openInBrowser(url: string): Promise<void> {
  if (!isExternalLink(url)) throw new Error(`Only https links can be opened, not ${url.slice(0, 100)}`);
  await shell.openExternal(url);
}

/**
 * A draft in the user's mail client: the mailto: link is built here from the
 * validated fields (shared/host.ts), never taken from the page.
 */
export async function openMailDraft(request: ComposeEmailRequest): Promise<void> {
  await shell.openExternal(mailtoUrl(request));
}

/** For event handlers, which cannot wait: a failure (no browser installed) is logged. */
function openInBrowserLater(url: string): void {
  openInBrowser(url).catch((error: unknown) => console.error('Could not open the link in the browser:', error));
}

/** Applied to every web contents the app creates: no new windows, no leaving the origin, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openInBrowserLater(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternally) openInBrowserLater(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission requests and checks: denied, but for the few isPermissionAllowed names. */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}
