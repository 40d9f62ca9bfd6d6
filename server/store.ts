import type { Change } from '@shared/sync/change';
import type { PullResponse, PushRequest, PushResponse, ServerChange } from '@shared/sync/protocol';
import type { Db } from './db';
import type { AuthUser } from './users';

/**
 * The team's change log: push appends, pull reads after a cursor.
 *
 * Invariants:
 * - A push batch is one transaction: every change is stored or none is.
 * - Idempotent: a change whose (team, client, seq) or (team, changeId) is
 *   already stored is skipped (ON CONFLICT DO NOTHING), so a replayed,
 *   duplicated or reordered batch changes nothing.
 * - `acknowledgedSeq` is the longest gap-free prefix 1..n of the client's
 *   seqs the server holds, never just the highest: if batch 3-4 arrives before
 *   a lost batch 1-2, the answer stays 0 and the client keeps 1-2 to resend.
 * - Commit order: server_seq comes from one identity sequence, and sequence
 *   values are handed out when a row is inserted, not when its transaction
 *   commits. Two concurrent pushes of one team could commit 11 after 12, and a
 *   reader that saw 12 (cursor = 12) would never see 11. So each push first
 *   locks its team's row (SELECT … FOR UPDATE): a team's pushes run one at a
 *   time, a push takes its seqs only after the previous one committed, and
 *   the committed rows of a team are always a gap-free prefix of its seqs.
 *   Pushes of different teams still run in parallel. It holds across several
 *   server processes too, because the lock lives in PostgreSQL.
 * - A push is one call of the SQL function push_changes (migration 002), so
 *   the team's lock is held only while PostgreSQL does the work.
 * - Pull reads one page at a time (LIMIT limit+1 to learn whether more remain).
 */

export async function push(db: Db, user: AuthUser, req: PushRequest): Promise<PushResponse> {
  // Within a batch, the same seq twice must be the same change (a duplicate);
  // one seq for two different changes is a broken client.
  const bySeq = new Map<number, Change>();
  for (const { seq, change } of req.changes) {
    const prior = bySeq.get(seq);
    if (prior && prior.changeId !== change.changeId) throw new PushConflict(`changes[seq=${seq}]: two different changes with one seq`);
    bySeq.set(seq, change);
  }
  const ordered = [...bySeq.entries()].sort((a, b) => a[0] - b[0]);
  const rows = ordered.map(([seq, change]) => ({ seq, changeId: change.changeId, table: change.table, recordId: change.recordId, payload: change }));

  // One statement, one implicit transaction: migrations/002_push_function.sql.
  const [result] = await db.query<{ acked_seq: number | string; latest: number | string }>(
    'SELECT acked_seq, latest FROM push_changes($1, $2, $3, $4::jsonb)',
    [user.teamId, req.clientId, user.userId, JSON.stringify(rows)],
  );
  return { acknowledgedSeq: Number(result?.acked_seq ?? 0), serverSeq: Number(result?.latest ?? 0) };
}

export async function pull(db: Db, user: AuthUser, cursor: number, limit: number): Promise<PullResponse> {
  const [latestRow] = await db.query<{ latest: number | string }>(
    'SELECT coalesce(max(server_seq), 0) AS latest FROM changes WHERE team_id = $1',
    [user.teamId],
  );
  const rows = await db.query<{ server_seq: number | string; client_id: string; client_seq: number | string; author: string; payload: unknown }>(
    `SELECT c.server_seq, c.client_id, c.client_seq, u.name AS author, c.payload
       FROM changes c JOIN users u ON u.id = c.author_id
      WHERE c.team_id = $1 AND c.server_seq > $2
      ORDER BY c.server_seq
      LIMIT $3`,
    [user.teamId, cursor, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes: ServerChange[] = page.map((r) => ({
    serverSeq: Number(r.server_seq),
    clientId: r.client_id,
    clientSeq: Number(r.client_seq),
    author: r.author,
    change: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Change,
  }));
  const next = changes.length > 0 ? changes[changes.length - 1]!.serverSeq : cursor;
  return { changes, cursor: next, hasMore, latest: Math.max(Number(latestRow?.latest ?? 0), next) };
}

/** A batch that is well-formed JSON but contradicts itself. */
export class PushConflict extends Error {}
