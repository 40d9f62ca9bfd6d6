import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/policy/app-origin';
import { mimeTypeOf, resolveAppRequest } from '../../../electron/policy/app-protocol';

const dist = path.posix.resolve('/opt/tam-desk/dist');
const resolve = (url: string) => resolveAppRequest(url, dist, path.posix);

describe('isAppUrl', () => {
  it('accepts only app://tam-desk itself', () => {
    expect(isAppUrl('app://tam-desk/index.html')).toBe(true);
    expect(isAppUrl('app://tam-desk')).toBe(true);
    expect(isAppUrl('app://tam-desk.example.com/')).toBe(false);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('app://tam-desk:8080/')).toBe(false);
    expect(isAppUrl('app://user:pass@tam-desk/')).toBe(false);
    expect(isAppUrl('https://tam-desk/')).toBe(false);
    expect(isAppUrl('file:///opt/tam-desk/dist/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('resolveAppRequest', () => {
  it('serves files under the dist folder with their MIME type', () => {
    expect(resolve('app://tam-desk/assets/index-3f2a.js')).toEqual({
      kind: 'file',
      filePath: '/opt/tam-desk/dist/assets/index-3f2a.js',
      mimeType: 'text/javascript; charset=utf-8',
      fallbackToIndex: false,
    });
    expect(resolve('app://tam-desk/index.html?x=1#top')).toMatchObject({
      kind: 'file',
      filePath: '/opt/tam-desk/dist/index.html',
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it('maps the root to index.html', () => {
    expect(resolve('app://tam-desk/')).toMatchObject({ kind: 'file', filePath: '/opt/tam-desk/dist/index.html' });
    expect(resolve('app://tam-desk')).toMatchObject({ kind: 'file', filePath: '/opt/tam-desk/dist/index.html' });
  });

  it('lets client-side routes fall back to the SPA shell, but not missing assets', () => {
    expect(resolve('app://tam-desk/accounts/0190a1b2')).toMatchObject({ kind: 'file', fallbackToIndex: true });
    expect(resolve('app://tam-desk/assets/missing.css')).toMatchObject({ kind: 'file', fallbackToIndex: false });
  });

  it('decodes percent-encoded names', () => {
    expect(resolve('app://tam-desk/fonts/Inter%20Variable.woff2')).toMatchObject({
      filePath: '/opt/tam-desk/dist/fonts/Inter Variable.woff2',
      mimeType: 'font/woff2',
    });
  });

  it('keeps literal and %2e dot segments inside the root (the URL parser resolves them first)', () => {
    for (const url of [
      'app://tam-desk/../../etc/passwd',
      'app://tam-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://tam-desk/%2E%2E/%2E%2E/etc/passwd',
      'app://tam-desk/assets/../../../etc/passwd',
    ]) {
      const result = resolve(url);
      expect(result.kind === 'file' && result.filePath.startsWith(`${dist}/`), url).toBe(true);
    }
  });

  it('refuses traversal through encoded separators, backslashes and NUL bytes', () => {
    for (const url of [
      'app://tam-desk/..%2f..%2fetc%2fpasswd',
      'app://tam-desk/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://tam-desk/assets/..%5c..%5c..%5cwindows%5cwin.ini',
      'app://tam-desk/..\\..\\etc\\passwd',
      'app://tam-desk/index.html%00.png',
    ]) {
      expect(resolve(url), url).toMatchObject({ kind: 'refused', status: 403 });
    }
  });

  it('refuses traversal on Windows paths too', () => {
    const windowsDist = 'C:\\Program Files\\TAM Desk\\resources\\app.asar\\dist';
    for (const url of ['app://tam-desk/..%5c..%5csecrets.json', 'app://tam-desk/C:/Windows/win.ini', 'app://tam-desk/D:%5cdata']) {
      expect(resolveAppRequest(url, windowsDist, path.win32), url).toMatchObject({ kind: 'refused' });
    }
    expect(resolveAppRequest('app://tam-desk/assets/a.js', windowsDist, path.win32)).toMatchObject({
      kind: 'file',
      filePath: `${windowsDist}\\assets\\a.js`,
    });
  });

  it('refuses other hosts and schemes', () => {
    for (const url of ['app://evil/index.html', 'app://tam-desk:1/index.html', 'file:///etc/passwd', 'https://tam-desk/']) {
      expect(resolve(url), url).toMatchObject({ kind: 'refused', status: 403 });
    }
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolve('app://tam-desk/%E0%A4%A')).toMatchObject({ kind: 'refused', status: 400 });
  });
});

describe('mimeTypeOf', () => {
  it('knows the types a Vite build emits and treats the rest as bytes', () => {
    expect(mimeTypeOf('css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('SVG')).toBe('image/svg+xml');
    expect(mimeTypeOf('wasm')).toBe('application/wasm');
    expect(mimeTypeOf('exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('')).toBe('application/octet-stream');
  });
});
