import { SYNCED_TABLES, type SyncedTable } from '@shared/domain/tables';
import type { Change } from '@shared/sync/change';
import { MAX_PULL_PAGE_BYTES, type PullResponse, type PushResponse, type ServerChange } from '@shared/sync/protocol';
import type { CheckedChange } from './check-push';
import type { Db } from './db';
import type { AuthUser } from './users';

/**
 * The team's change log: push appends, pull reads after a cursor.
 *
 * Invariants:
 * - A push batch is one transaction: every change is stored or none is.
 * - Idempotent: a change already stored (the same changeId under the same
 *   client and seq) is skipped (ON CONFLICT DO NOTHING), so a replayed,
 *   duplicated or reordered batch changes nothing; a different change under
 *   a stored seq is refused (below).
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
 * - A push is one call of the SQL function push_changes (migrations 002 and
 *   003), so the team's lock is held only while PostgreSQL does the work;
 *   the changes were checked before (check-push.ts).
 * - Refusals that depend on what is stored are decided inside that function,
 *   under the team's lock, so two concurrent pushes cannot both pass them, and
 *   a refused push writes nothing:
 *   - a device id belongs to the first user who pushed under it;
 *   - a stored (client, seq) holding a different changeId is a conflict, never
 *     a replay (acknowledging it would drop the pushed change unseen);
 *   - an append-only record holds one change: another change for its id is
 *     refused; a replay of the same changeId stays harmless.
 * - Pull reads one page at a time, bounded by rows and by bytes of change JSON
 *   (the stored payload_bytes, summed before any payload is read); a page
 *   always holds at least one change, so one huge record still moves the cursor.
 */

/** Why the push function refused a batch (migration 003). */
export type PushRefusalKind = 'device_owner' | 'seq_taken' | 'record_taken';

/** A push the stored log refuses; `entry` is the change it is about (none for 'device_owner'). */
export class PushRefused extends Error {
  constructor(
    readonly kind: PushRefusalKind,
    readonly entry: CheckedChange | null,
  ) {
    super(kind);
  }
}

export async function push(db: Db, user: AuthUser, clientId: string, changes: CheckedChange[]): Promise<PushResponse> {
  // Within a batch, the same seq twice must be the same change (a duplicate);
  // one seq for two different changes is a broken client.
  const bySeq = new Map<number, CheckedChange>();
  for (const entry of changes) {
    const prior = bySeq.get(entry.seq);
    if (prior && prior.change.changeId !== entry.change.changeId) throw new PushConflict(`changes[seq=${entry.seq}]: two different changes with one seq`);
    bySeq.set(entry.seq, entry);
  }
  const ordered = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const rows = ordered.map(({ seq, change, bytes }) => ({
    seq,
    changeId: change.changeId,
    table: change.table,
    recordId: change.recordId,
    payload: change,
    bytes,
    appendOnly: SYNCED_TABLES[change.table as SyncedTable].merge === 'append-only',
  }));

  // One statement, one implicit transaction: migrations/003_refusals.sql.
  const [result] = await db.query<{ acked_seq: number | string | null; latest: number | string | null; refusal: PushRefusalKind | null; refused_ord: number | string | null }>(
    'SELECT acked_seq, latest, refusal, refused_ord FROM push_changes($1, $2, $3, $4::jsonb)',
    [user.teamId, clientId, user.userId, JSON.stringify(rows)],
  );
  if (result?.refusal) throw new PushRefused(result.refusal, result.refusal === 'device_owner' ? null : (ordered[Number(result.refused_ord) - 1] ?? null));
  return { acknowledgedSeq: Number(result?.acked_seq ?? 0), serverSeq: Number(result?.latest ?? 0) };
}

export async function pull(db: Db, user: AuthUser, cursor: number, limit: number, maxBytes = MAX_PULL_PAGE_BYTES): Promise<PullResponse> {
  const [latestRow] = await db.query<{ latest: number | string }>(
    'SELECT coalesce(max(server_seq), 0) AS latest FROM changes WHERE team_id = $1',
    [user.teamId],
  );
  // The candidates (limit + 1 rows, to learn whether more remain) carry only
  // their running byte total; payloads are read for the page's rows alone.
  const rows = await db.query<{ server_seq: number | string; client_id: string; client_seq: number | string; author: string; payload: unknown; has_more: boolean }>(
    `WITH candidates AS (
       SELECT server_seq, row_number() OVER w AS n, sum(payload_bytes) OVER w AS total
         FROM changes
        WHERE team_id = $1 AND server_seq > $2
       WINDOW w AS (ORDER BY server_seq ROWS UNBOUNDED PRECEDING)
        ORDER BY server_seq
        LIMIT $3 + 1
     ), page AS (
       SELECT server_seq FROM candidates WHERE n <= $3 AND (n = 1 OR total <= $4)
     )
     SELECT c.server_seq, c.client_id, c.client_seq, u.name AS author, c.payload,
            (SELECT count(*) FROM candidates) > (SELECT count(*) FROM page) AS has_more
       FROM page JOIN changes c ON c.team_id = $1 AND c.server_seq = page.server_seq
       JOIN users u ON u.id = c.author_id
      ORDER BY c.server_seq`,
    [user.teamId, cursor, limit, maxBytes],
  );
  const hasMore = rows[0]?.has_more ?? false;
  const changes: ServerChange[] = rows.map((r) => ({
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
