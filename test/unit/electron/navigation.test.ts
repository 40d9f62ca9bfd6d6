import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  isExternalLink,
  isPermissionAllowed,
} from '../../../electron/policy/navigation';

describe('decideWindowOpen', () => {
  it('never opens a window, and sends https links to the system browser', () => {
    expect(decideWindowOpen('https://postmaster.example.com/guidelines')).toEqual({ action: 'deny', openExternally: true });
  });

  it('opens nothing else externally', () => {
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://tam-desk/accounts',
      'data:text/html,<script>alert(1)</script>',
      'smb://192.0.2.10/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:ops@example.com',
      'not a url',
      '',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });
});

describe('decideNavigation', () => {
  it('allows moving within the app origin', () => {
    expect(decideNavigation('app://tam-desk/index.html')).toEqual({ action: 'allow' });
    expect(decideNavigation('app://tam-desk/accounts/42')).toEqual({ action: 'allow' });
  });

  it('keeps the page and hands https links to the system browser', () => {
    expect(decideNavigation('https://example.com/')).toEqual({ action: 'deny', openExternally: true });
  });

  it('denies every other destination outright', () => {
    for (const url of [
      'http://example.com/',
      'http://localhost:5173/',
      'file:///home/tam/.ssh/id_rsa',
      'javascript:void(0)',
      'app://evil/index.html',
      'chrome://settings',
      'about:blank',
    ]) {
      expect(decideNavigation(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });
});

describe('isExternalLink', () => {
  it('follows the host contract: https only, bounded length', () => {
    expect(isExternalLink('https://example.com/a?b=c#d')).toBe(true);
    expect(isExternalLink('HTTPS://EXAMPLE.COM/')).toBe(true);
    expect(isExternalLink(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('lets the app write plain text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://tam-desk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://tam-desk/accounts')).toBe(true);
  });

  it('denies everything else, and everything to other origins', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://tam-desk'), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '')).toBe(false);
  });
});
