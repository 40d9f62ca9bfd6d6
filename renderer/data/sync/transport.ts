import { z } from 'zod';
import {
  errorResponseSchema,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  serverChangeSchema,
  type PushRequest,
  type PushResponse,
} from '@shared/sync/protocol';
import { SyncError } from './sync-error';

export { SyncError, type SyncErrorCode } from './sync-error';

/**
 * The client side of the sync protocol over HTTP. Every failure becomes a
 * SyncError with a specific code the status indicator can explain ("token
 * revoked: sign in again"), never just "sync failed".
 */
export type Transport = {
  push(request: Omit<PushRequest, 'protocol'>): Promise<PushResponse>;
  pull(cursor: number, limit?: number): Promise<PulledPage>;
};

/**
 * A pull page as read: its changes are not checked yet. The engine checks
 * each one on its own (`checkChange`), so that one malformed change is set
 * aside instead of making the whole page unreadable, for good.
 */
const pulledPageSchema = pullResponseSchema.extend({ changes: z.array(serverChangeSchema.extend({ change: z.unknown() })) });
export type PulledPage = z.infer<typeof pulledPageSchema>;
export type PulledChange = PulledPage['changes'][number];

export function httpTransport(serverUrl: string, token: string, fetchImpl: typeof fetch = fetch): Transport {
  let base: URL;
  try {
    base = new URL(serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('not http');
  } catch {
    throw new SyncError('bad_server_url', `Not a server address: ${serverUrl}`);
  }

  async function call<T>(path: string, init: RequestInit, parse: (json: unknown) => T): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, base), {
        ...init,
        headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}`, accept: 'application/json' },
      });
    } catch (error) {
      throw new SyncError('offline', error instanceof Error ? error.message : String(error));
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new SyncError(response.ok ? 'bad_response' : 'internal', `The server answered ${response.status} without JSON`, response.status);
    }
    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(json);
      if (parsed.success) throw new SyncError(parsed.data.error.code, parsed.data.error.message, response.status, parsed.data.error.change ?? null);
      throw new SyncError(response.status >= 500 ? 'internal' : 'bad_response', `The server answered ${response.status}`, response.status);
    }
    try {
      return parse(json);
    } catch {
      throw new SyncError('bad_response', 'The server sent an answer this version cannot read', response.status);
    }
  }

  return {
    push: (request) =>
      call(
        'sync/push',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ protocol: PROTOCOL_VERSION, ...request }) },
        (json) => pushResponseSchema.parse(json),
      ),
    pull: (cursor, limit) => {
      const query = new URLSearchParams({ protocol: String(PROTOCOL_VERSION), cursor: String(cursor) });
      if (limit) query.set('limit', String(limit));
      return call(`sync/pull?${query}`, { method: 'GET' }, (json) => pulledPageSchema.parse(json));
    },
  };
}
