import { describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, CONTENT_SECURITY_POLICY } from '../../../electron/policy/csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it('loads scripts only from the app itself: no inline, no eval, no remote code', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    // No directive allows any host at all.
    for (const [name, sources] of directives) expect(sources, name).not.toContain('*');
  });

  it('allows inline styles (React style props) but nothing else inline', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('allows the sync server over https, and plain http only on this machine', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('locks plugins, base URL, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with the other security headers', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
