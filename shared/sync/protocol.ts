import { z } from 'zod';
import { changeSchema } from './change';

/**
 * The sync protocol between a device and the team's server (HTTP + JSON).
 *
 * - Push (`POST /sync/push`): a batch of a client's outbox changes, each with
 *   the client's id and its own sequence number (1, 2, 3… per client, never
 *   reused). The server applies a batch atomically and idempotently: a change
 *   it already holds under its (clientId, seq) is skipped, so replays and
 *   duplicates change nothing. It answers with the end of the longest
 *   gap-free run 1..n it holds for that client, and the client drops those
 *   entries from its outbox. A body over MAX_PUSH_BYTES gets 413
 *   `payload_too_large`, and the client splits the batch.
 * - Pull (`GET /sync/pull?cursor=N&limit=M`): the team's changes with a server
 *   sequence above N, in the server's commit order, at most M per page and
 *   MAX_PULL_PAGE_BYTES of changes (at least one), with the cursor to ask for
 *   next and whether more remain.
 * - Versions: every request carries `protocol`; a client older than the
 *   server's minimum gets 426 `client_too_old` (and nothing is applied), a
 *   client newer than the server gets 400 `server_too_old`.
 * - Errors are JSON `{ error: { code, message } }` with a 4xx/5xx status.
 *   A push refused because of one change (`change_refused`, 400: a field of
 *   the wrong type, text no replica can store, an append-only record written
 *   twice) also names it in `error.change`, so the device can set that one
 *   change aside and push the rest. `device_conflict` (409): this client id
 *   belongs to another user, or holds a different change under one of the
 *   pushed seqs (a copied profile, a forged id): the device takes a new id.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest client protocol this server still accepts. */
export const MIN_CLIENT_PROTOCOL = 1;

export const MAX_PUSH_CHANGES = 500;
/** The largest push body a server accepts by default (413 beyond it; a device sends smaller batches, and splits a refused one). */
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
/** The largest single change, as JSON: one beyond it is refused (`change_refused`), never stored. */
export const MAX_CHANGE_BYTES = 1024 * 1024;
/** A pull page stops adding changes once it holds this many bytes of them (it always holds at least one). */
export const MAX_PULL_PAGE_BYTES = 4 * 1024 * 1024;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

/** A device's stable id (made once, kept in its database). */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const pushRequestSchema = z.object({
  protocol: z.number().int().min(1),
  clientId: clientIdSchema,
  changes: z
    .array(z.object({ seq: z.number().int().min(1), change: changeSchema }))
    .min(1)
    .max(MAX_PUSH_CHANGES),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Every change of this client up to this seq is stored on the server. */
  acknowledgedSeq: z.number().int().min(0),
  /** The server sequence after this push (for progress; pull still pulls). */
  serverSeq: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  protocol: z.coerce.number().int().min(1),
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** A change as the server stores and serves it. */
export const serverChangeSchema = z.object({
  serverSeq: z.number().int().min(1),
  clientId: clientIdSchema,
  clientSeq: z.number().int().min(1),
  author: z.string(),
  change: changeSchema,
});
export type ServerChange = z.infer<typeof serverChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(serverChangeSchema),
  /** Ask for changes after this next time. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** The newest server sequence, so a first sync can show its progress. */
  latest: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const ERROR_CODES = [
  'unauthorized',
  'token_revoked',
  'forbidden',
  'invalid_payload',
  'payload_too_large',
  'rate_limited',
  'client_too_old',
  'server_too_old',
  /** A change's clock runs ahead of the server's by more than MAX_CLOCK_SKEW_MS (shared/sync/skew.ts). */
  'clock_skew',
  /** One change of the push cannot be stored (error.change names it); the rest may be pushed without it. */
  'change_refused',
  /** The client id is another user's, or another change holds one of the pushed seqs: take a new client id. */
  'device_conflict',
  'not_found',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The change a `change_refused` (or `clock_skew`) error is about. */
export const refusedChangeSchema = z.object({
  seq: z.number().int().min(1).nullable(),
  changeId: z.string().nullable(),
  table: z.string().nullable(),
  recordId: z.string().nullable(),
  field: z.string(),
});
export type RefusedChange = z.infer<typeof refusedChangeSchema>;

export const errorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), change: refusedChangeSchema.optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
