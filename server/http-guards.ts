import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ErrorResponse } from '@shared/sync/protocol';

/**
 * Guards in front of the HTTP API, before any of its work.
 *
 * - A body over the limit is refused by its declared Content-Length before a
 *   byte of it is read, and before the token is looked up. With `Expect:
 *   100-continue` the answer is the 413 instead of `100 Continue`, so the
 *   device never uploads it; otherwise the 413 is sent at once and the body
 *   the client is already sending is read and dropped before the reply ends,
 *   so closing the connection never resets it under the client's feet (a
 *   reset can discard an answer the client has not read yet).
 * - Timeouts: the whole request (headers and body) must arrive within
 *   `requestTimeoutMs` (a slow body holds no connection for ever), an idle
 *   connection is closed after `connectionTimeoutMs`, a kept-alive one after
 *   `keepAliveTimeoutMs`.
 * - JSON nested deeper than MAX_JSON_DEPTH is refused before it is parsed:
 *   nothing the app syncs is nested that deep, and every later step (parsing,
 *   validation, JSON.stringify, jsonb) would otherwise recurse as deep.
 */
export type HttpLimits = {
  bodyLimit: number;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  keepAliveTimeoutMs: number;
};

export const DEFAULT_TIMEOUTS = { requestTimeoutMs: 120_000, connectionTimeoutMs: 60_000, keepAliveTimeoutMs: 72_000 };

export const MAX_JSON_DEPTH = 64;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const declaredLength = (req: IncomingMessage): number => Number(req.headers['content-length'] ?? 0);

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, awaitingContinue: boolean, onDone: () => void): void {
  const body: ErrorResponse = { error: { code: 'payload_too_large', message: `Request body is larger than ${limit} bytes.` } };
  const text = JSON.stringify(body);
  res.on('finish', onDone);
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'access-control-allow-origin': '*',
    // The declared body never comes after a 413 in place of 100 Continue: this connection cannot carry another request.
    ...(awaitingContinue ? { connection: 'close' } : {}),
  });
  if (awaitingContinue) {
    res.end(text);
    return;
  }
  res.write(text);
  req.on('end', () => res.end());
  req.resume();
}

/** Fastify's `serverFactory`: Node's HTTP server with the guards above. */
export function guardedServer(limits: HttpLimits, log: (req: IncomingMessage, status: number, ms: number) => void) {
  return (handler: Handler): Server => {
    /** Answers 413 when the declared body is over the limit; true when it did. */
    const refused = (req: IncomingMessage, res: ServerResponse, awaitingContinue: boolean): boolean => {
      if (!(declaredLength(req) > limits.bodyLimit)) return false;
      const started = performance.now();
      refuseTooLarge(req, res, limits.bodyLimit, awaitingContinue, () => log(req, 413, performance.now() - started));
      return true;
    };
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: Math.min(60_000, limits.requestTimeoutMs),
        // How often Node looks for requests past their time (30 s by default).
        connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.requestTimeoutMs / 4))),
      },
      (req, res) => {
        if (!refused(req, res, false)) handler(req, res);
      },
    );
    server.keepAliveTimeout = limits.keepAliveTimeoutMs;
    server.setTimeout(limits.connectionTimeoutMs);
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (refused(req, res, true)) return;
      res.writeContinue();
      handler(req, res);
    });
    return server;
  };
}

/** Whether `json` nests arrays and objects deeper than `max` (strings are skipped, escapes too). */
export function nestedDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}
