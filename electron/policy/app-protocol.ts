import path from 'node:path';
import { isAppUrl } from './app-origin';

export type AppRequest =
  | { kind: 'file'; filePath: string; mimeType: string; fallbackToIndex: boolean }
  | { kind: 'refused'; status: 400 | 403; reason: string };

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'extname'>;

/**
 * Maps an app:// request URL to a file under `distRoot`, or refuses it.
 * Chromium has already resolved literal and %2e dot segments, but encoded
 * separators (%2f, %5c) survive until we decode, so the decoded path is
 * checked to stay inside the root. `pathApi` is a parameter so that tests can
 * check Windows paths too.
 */
export function resolveAppRequest(requestUrl: string, distRoot: string, pathApi: PathApi = path): AppRequest {
  if (!isAppUrl(requestUrl)) return { kind: 'refused', status: 403, reason: 'not the app origin' };
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed path encoding' };
  }
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes('\0') || segments.some((s) => s === '..' || s === '.')) {
    return { kind: 'refused', status: 403, reason: 'path traversal' };
  }
  const relative = segments.filter((s) => s !== '').join(pathApi.sep) || 'index.html';
  const root = pathApi.resolve(distRoot);
  const filePath = pathApi.resolve(root, relative);
  const fromRoot = pathApi.relative(root, filePath);
  if (fromRoot.startsWith('..') || pathApi.isAbsolute(fromRoot)) {
    return { kind: 'refused', status: 403, reason: 'path traversal' };
  }
  const extension = pathApi.extname(filePath).slice(1).toLowerCase();
  // Client-side routes (/accounts/42) have no extension and get the SPA shell;
  // a missing asset (/assets/x.js) is a real 404.
  return { kind: 'file', filePath, mimeType: mimeTypeOf(extension), fallbackToIndex: extension === '' };
}

const MIME_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

/** The Content-Type of a file extension (without the dot); unknown ones are opaque bytes. */
export function mimeTypeOf(extension: string): string {
  return MIME_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
}
