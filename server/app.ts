import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import {
  MAX_PULL_PAGE_BYTES,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  pullQuerySchema,
  pushRequestSchema,
  type ErrorCode,
  type ErrorResponse,
  type RefusedChange,
} from '@shared/sync/protocol';
import { checkPushedChanges, refusalMessage, type CheckedChange } from './check-push';
import type { Db } from './db';
import { DEFAULT_TIMEOUTS, guardedServer, MAX_JSON_DEPTH, nestedDeeperThan } from './http-guards';
import { SignInLimit } from './sign-in-limit';
import { pull, push, PushConflict, PushRefused } from './store';
import { authenticate, hashToken, type AuthUser } from './users';

/**
 * The HTTP API (Fastify). Every route but /health needs `Authorization:
 * Bearer <token>`; the team is the token's, never the payload's. Every error
 * is JSON `{ error: { code, message } }`; bad input is a 4xx, never a 5xx.
 * Request order: body size by Content-Length (http-guards.ts) → rate limit
 * (per token, before any database work) → failed sign-ins per address → auth
 * → body parsing (nesting depth) → protocol version → envelope schema → each
 * change (check-push.ts) → the work.
 */
export type AppOptions = {
  db: Db;
  /** A pino logger, `true` for Fastify's JSON logger, or `false` for none. */
  logger?: boolean | FastifyBaseLogger | { level: string };
  bodyLimit?: number;
  /** Requests per token (or per address without a token) per `rateWindowMs`. */
  rateMax?: number;
  rateWindowMs?: number;
  /** Whose X-Forwarded-For gives a client's address (ServerConfig.trustProxy); none by default. */
  trustProxy?: boolean | string[];
  /** Failed sign-ins (unknown tokens) per address per `signInWindowMs` before 429s (sign-in-limit.ts). */
  signInFailMax?: number;
  signInWindowMs?: number;
  /** Largest accepted lead of a change's clock over the server's clock. */
  maxClockSkewMs?: number;
  /** A pull page stops adding changes at this many bytes of change JSON. */
  maxPullPageBytes?: number;
  /** Timeouts (http-guards.ts). */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  now?: () => number;
};

export const DEFAULT_BODY_LIMIT = MAX_PUSH_BYTES;

/** A push's envelope; each change is checked on its own (check-push.ts), so one bad change is named, not lost in the envelope. */
const pushEnvelopeSchema = pushRequestSchema.extend({
  changes: z
    .array(z.object({ seq: z.number().int().min(1), change: z.unknown() }))
    .min(1)
    .max(MAX_PUSH_CHANGES),
});

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** The change the error is about (change_refused, clock_skew, device_conflict on a seq). */
    readonly change?: RefusedChange,
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
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  let log: FastifyBaseLogger | null = null;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    // One log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    trustProxy: opts.trustProxy ?? false,
    serverFactory: guardedServer(
      {
        bodyLimit,
        requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestTimeoutMs,
        connectionTimeoutMs: opts.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs,
        keepAliveTimeoutMs: opts.keepAliveTimeoutMs ?? DEFAULT_TIMEOUTS.keepAliveTimeoutMs,
      },
      (req, status, ms) => log?.info({ method: req.method, url: req.url, status, ms: Math.round(ms * 10) / 10 }, 'request'),
    ),
  });
  log = app.log;

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (nestedDeeperThan(body as string, MAX_JSON_DEPTH)) {
      done(new HttpError(400, 'invalid_payload', `JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    parseJson(req, body as string, done);
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
    const change = err instanceof HttpError ? err.change : undefined;
    const body: ErrorResponse = { error: { code, message, ...(change ? { change } : {}) } };
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

  const signIns = new SignInLimit(opts.signInFailMax ?? 10, opts.signInWindowMs ?? 60_000);
  const auth: onRequestHookHandler = async (req, reply) => {
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'unauthorized', 'Missing "Authorization: Bearer <token>" header.');
    const waitMs = signIns.retryAfterMs(req.ip);
    if (waitMs > 0) {
      reply.header('retry-after', Math.ceil(waitMs / 1000));
      throw new HttpError(429, 'rate_limited', `Too many failed sign-ins from this address: retry in ${Math.ceil(waitMs / 1000)} s.`);
    }
    const result = await authenticate(db, token);
    if (!result.ok) {
      // A revoked token is a former teammate's, not a guess: it is not counted.
      if (result.code === 'token_revoked') throw new HttpError(401, 'token_revoked', 'This token was revoked: sign in again with a new token.');
      signIns.failed(req.ip);
      throw new HttpError(401, 'unauthorized', 'Unknown token.');
    }
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
    const parsed = pushEnvelopeSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid_payload', zodMessage(parsed.error));
    const checked = checkPushedChanges(parsed.data.changes, opts.now?.() ?? Date.now(), opts.maxClockSkewMs);
    if (!checked.ok) throw new HttpError(400, checked.refusal.code, checked.refusal.message, checked.refusal.change);
    try {
      return await push(db, user, parsed.data.clientId, checked.changes);
    } catch (error) {
      if (error instanceof PushRefused) throw refusedByLog(error, checked.changes);
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
    return pull(db, user, parsed.data.cursor, parsed.data.limit, opts.maxPullPageBytes ?? MAX_PULL_PAGE_BYTES);
  });

  return app;
}

/** The answer to a push the stored log refuses (store.ts, migration 003). */
function refusedByLog(error: PushRefused, pushed: readonly CheckedChange[]): HttpError {
  if (error.kind === 'device_owner' || !error.entry)
    return new HttpError(409, 'device_conflict', 'This device id belongs to another user: the device must take a new id and push its changes again.');
  const { seq, change } = error.entry;
  const index = pushed.indexOf(error.entry);
  if (error.kind === 'seq_taken') {
    const named: RefusedChange = { seq, changeId: change.changeId, table: change.table, recordId: change.recordId, field: 'seq' };
    return new HttpError(409, 'device_conflict', refusalMessage(index, named, `this device already stored another change under seq ${seq} (a copied profile or a reused id): the device must take a new id`), named);
  }
  const named: RefusedChange = { seq, changeId: change.changeId, table: change.table, recordId: change.recordId, field: 'id' };
  return new HttpError(400, 'change_refused', refusalMessage(index, named, `${change.table} records are written once, and this one already holds another change`), named);
}
