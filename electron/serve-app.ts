import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME } from './policy/app-origin';
import { resolveAppRequest } from './policy/app-protocol';
import { APP_RESPONSE_HEADERS } from './policy/csp';

/**
 * Must run before the app is ready. Standard gives app:// a real origin (so
 * IndexedDB and localStorage work and persist), secure makes it a secure
 * context, supportFetchAPI lets the page fetch its own files, codeCache
 * speeds up later starts.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer (dist/) on app://tam-desk, with the CSP on every response. */
export function serveApp(distRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return plainResponse(405, 'method not allowed');
    const resolved = resolveAppRequest(request.url, distRoot);
    if (resolved.kind === 'refused') return plainResponse(resolved.status, resolved.reason);
    const file = await readIfPresent(resolved.filePath);
    if (file !== null) return fileResponse(file, resolved.mimeType);
    if (!resolved.fallbackToIndex) return plainResponse(404, 'not found');
    const index = await readIfPresent(path.join(distRoot, 'index.html'));
    return index === null ? plainResponse(404, 'the app is not built') : fileResponse(index, 'text/html; charset=utf-8');
  });
}

function fileResponse(body: Buffer, mimeType: string): Response {
  return new Response(body, { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': mimeType } });
}

function plainResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readIfPresent(filePath: string): Promise<Buffer | null> {
  try {
    return await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}
