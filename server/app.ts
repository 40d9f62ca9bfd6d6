import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { z } from 'zod';
import {
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  pullQuerySchema,
  pushRequestSchema,
  type ErrorCode,
  type ErrorResponse,
} from '@shared/sync/protocol';
import type { Db } from './db';
import { checkChangesClock } from './clock';
import { pull, push, PushConflict } from './store';
import { authenticate, hashToken, type AuthUser } from './users';

/**
 * The HTTP API (Fastify). Every route but /health needs `Authorization:
 * Bearer <token>`; the team is the token's, never the payload's. Every error
 * is JSON `{ error: { code, message } }`; bad input is a 4xx, never a 5xx.
 * Request order: rate limit (per token, before any database work) → auth →
 * body parsing (size limit) → protocol version → schema → the work.
 */
export type AppOptions = {
  db: Db;
  /** A pino logger, `true` for Fastify's JSON logger, or `false` for none. */
  logger?: boolean | FastifyBaseLogger | { level: string };
  bodyLimit?: number;
  /** Requests per token (or per address without a token) per `rateWindowMs`. */
  rateMax?: number;
  rateWindowMs?: number;
  /** Largest accepted lead of a change's clock over the server's clock. */
  maxClockSkewMs?: number;
  now?: () => number;
};

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const bearer = (req: FastifyRequest): string | null => {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
};

function zodMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

function checkProtocol(protocol: unknown): void {
  const p = typeof protocol === 'string' && protocol.trim() !== '' ? Number(protocol) : protocol;
  if (typeof p !== 'number' || !Number.isInteger(p)) return; // the schema reports it
  if (p < MIN_CLIENT_PROTOCOL)
    throw new HttpError(426, 'client_too_old', `Client protocol ${p} is too old: this server needs ${MIN_CLIENT_PROTOCOL} or newer. Update the app.`);
  if (p > PROTOCOL_VERSION)
    throw new HttpError(400, 'server_too_old', `Client protocol ${p} is newer than this server's ${PROTOCOL_VERSION}. Update the server.`);
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // One log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  // CORS: the app in a browser (or Vite's preview) runs on another origin.
  // Tokens are bearer headers, never cookies, so any origin may call; a
  // preflight is answered here, before rate limits and the token check.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type, accept');
      reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
  const users = new WeakMap<FastifyRequest, AuthUser>();
  const userOf = (req: FastifyRequest): AuthUser => {
    const user = users.get(req);
    if (!user) throw new HttpError(401, 'unauthorized', 'Missing token.');
    return user;
  };

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    let status = err.statusCode ?? 500;
    let code: ErrorCode;
    let message = err.message;
    if (err instanceof HttpError) code = err.code;
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = 'payload_too_large';
      message = `Request body is larger than ${app.initialConfig.bodyLimit} bytes.`;
    } else if (status >= 400 && status < 500) code = 'invalid_payload';
    else {
      status = 500;
      code = 'internal';
      message = 'Internal server error.';
      req.log.error({ err }, 'request failed');
    }
    const body: ErrorResponse = { error: { code, message } };
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ErrorResponse = { error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } };
    return reply.status(404).send(body);
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.rateMax ?? 600,
    timeWindow: opts.rateWindowMs ?? 60_000,
    keyGenerator: (req) => {
      const token = bearer(req);
      return token ? `t:${hashToken(token)}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(429, 'rate_limited', `Too many requests: at most ${ctx.max} per ${ctx.after}. Retry later.`),
  });

  const auth: onRequestHookHandler = async (req) => {
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'unauthorized', 'Missing "Authorization: Bearer <token>" header.');
    const result = await authenticate(db, token);
    if (!result.ok)
      throw result.code === 'token_revoked'
        ? new HttpError(401, 'token_revoked', 'This token was revoked: sign in again with a new token.')
        : new HttpError(401, 'unauthorized', 'Unknown token.');
    users.set(req, result.user);
  };
  // After rate-limit's own onRoute hook, so a route checks its rate first, then the token.
  app.addHook('onRoute', (route) => {
    if ((route.config as { public?: boolean } | undefined)?.public) return;
    const hooks = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [...hooks, auth];
  });

  // Graceful shutdown: close() stops accepting and waits for the requests in
  // flight; their keep-alive connections must close after the reply, or
  // close() would wait for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const user = users.get(req);
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(user ? { user: user.name, team: user.team } : {}),
      },
      'request',
    );
  });

  app.get('/health', { config: { public: true, rateLimit: false } }, async () => ({ status: 'ok' }));

  app.post('/sync/push', async (req) => {
    const user = userOf(req);
    const body = req.body as { protocol?: unknown } | null | undefined;
    if (body && typeof body === 'object') checkProtocol(body.protocol);
    const parsed = pushRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid_payload', zodMessage(parsed.error));
    // PostgreSQL's jsonb cannot hold the NUL character (\u0000).
    const nul = parsed.data.changes.findIndex((c) => JSON.stringify(c.change).includes('\\u0000'));
    if (nul >= 0) throw new HttpError(400, 'invalid_payload', `changes.${nul}.change: text must not contain the NUL character (\\u0000)`);
    const skew = checkChangesClock(parsed.data.changes, opts.now?.() ?? Date.now(), opts.maxClockSkewMs);
    if (skew) throw new HttpError(400, 'clock_skew', skew);
    try {
      return await push(db, user, parsed.data);
    } catch (error) {
      if (error instanceof PushConflict) throw new HttpError(400, 'invalid_payload', error.message);
      // A value PostgreSQL refuses (class 22, data exception) is the payload's fault, not the server's.
      const sqlState = (error as { code?: unknown }).code;
      if (typeof sqlState === 'string' && sqlState.startsWith('22')) throw new HttpError(400, 'invalid_payload', `A value was refused by the database: ${(error as Error).message}`);
      throw error;
    }
  });

  app.get('/sync/pull', async (req) => {
    const user = userOf(req);
    const query = req.query as Record<string, unknown>;
    checkProtocol(query.protocol);
    const parsed = pullQuerySchema.safeParse(query);
    if (!parsed.success) throw new HttpError(400, 'invalid_payload', zodMessage(parsed.error));
    return pull(db, user, parsed.data.cursor, parsed.data.limit);
  });

  return app;
}
