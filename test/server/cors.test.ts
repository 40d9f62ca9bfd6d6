import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/sync/protocol';
import { addUser } from '../../server/users';
import { startTestServer, type TestServer } from './helpers';

/**
 * The app in a browser runs on another origin than the server: a preflight is
 * answered without a token, and every answer (errors too) allows any origin.
 * Tokens are bearer headers, not cookies, so a permissive origin is safe.
 */
describe('CORS', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ name: 'pglite' });
    token = await addUser(server.db, 'anna', 'warsaw');
  });
  afterAll(async () => server.dispose());

  it('answers a preflight with the allowed methods and headers, without a token', async () => {
    const res = await fetch(new URL('/sync/pull', server.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('allows any origin on success and on errors', async () => {
    const ok = await fetch(new URL(`/sync/pull?protocol=${PROTOCOL_VERSION}&cursor=0`, server.url), {
      headers: { origin: 'http://127.0.0.1:4173', authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const denied = await fetch(new URL(`/sync/pull?protocol=${PROTOCOL_VERSION}&cursor=0`, server.url), {
      headers: { origin: 'http://127.0.0.1:4173', authorization: 'Bearer nope' },
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
  });
});
