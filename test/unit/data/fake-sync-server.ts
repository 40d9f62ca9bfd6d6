import type { Change } from '@shared/sync/change';
import { MAX_PUSH_BYTES, PROTOCOL_VERSION, type PushRequest, type PushResponse } from '@shared/sync/protocol';
import { checkClockSkew } from '@shared/sync/skew';
import { checkChange } from '@shared/sync/validate';
import { SyncError } from '../../../renderer/data/sync/sync-error';
import type { PulledChange, PulledPage, Transport } from '../../../renderer/data/sync/transport';

/**
 * An in-memory sync server that answers as the contract says
 * (shared/sync/protocol.ts): a push is checked whole before anything is
 * stored (409 `device_conflict` for a client id of another user or a seq
 * holding another change, 400 `change_refused` naming the change and field,
 * 400 `clock_skew`, 413 beyond its byte limit), then stored idempotently; the
 * answer is the longest gap-free run of the client's seqs. Tests can lose a
 * reply after the push was stored, and put anything into the log.
 */
type Client = { user: string; seqs: Map<number, string> };

export class FakeSyncServer {
  readonly log: PulledChange[] = [];
  readonly clients = new Map<string, Client>();
  readonly pushes: { clientId: string; seqs: number[]; bytes: number }[] = [];
  maxPushBytes = MAX_PUSH_BYTES;
  now = () => Date.now();
  /** The next push is stored, and then its reply is lost on the way back. */
  loseNextReply = false;
  /** A rule this server adds to `checkChange` (a newer server's): the field it refuses, or null. */
  stricter: (change: Change) => string | null = () => null;

  /** The changes stored, in commit order. */
  changes(): Change[] {
    return this.log.map((c) => c.change as Change);
  }

  /** A change someone else put in the log (a teammate on an older server, a hostile client): stored as is. */
  inject(change: unknown, author = 'ben', clientId = 'bens-laptop-0001'): void {
    this.log.push({ serverSeq: this.log.length + 1, clientId, clientSeq: this.log.length + 1, author, change });
  }

  private push(user: string, request: Omit<PushRequest, 'protocol'>): PushResponse {
    const bytes = new TextEncoder().encode(JSON.stringify({ protocol: PROTOCOL_VERSION, ...request })).length;
    this.pushes.push({ clientId: request.clientId, seqs: request.changes.map((c) => c.seq), bytes });
    if (bytes > this.maxPushBytes) throw new SyncError('payload_too_large', `Request body is larger than ${this.maxPushBytes} bytes.`, 413);
    const client = this.clients.get(request.clientId) ?? { user, seqs: new Map() };
    if (client.user !== user) throw new SyncError('device_conflict', 'This client id belongs to another user.', 409);
    for (const { seq, change } of request.changes) {
      const held = client.seqs.get(seq);
      if (held !== undefined && held !== change.changeId) throw new SyncError('device_conflict', `Seq ${seq} holds another change.`, 409);
      const stricter = this.stricter(change);
      const checked = stricter ? { ok: false as const, problem: { table: change.table, recordId: change.recordId, field: stricter, message: 'refused by this server' } } : checkChange(change);
      if (!checked.ok) {
        const { problem } = checked;
        throw new SyncError('change_refused', `${problem.field}: ${problem.message}`, 400, { seq, changeId: change.changeId, table: problem.table, recordId: problem.recordId, field: problem.field });
      }
      const skew = checkClockSkew(change.hlc, this.now());
      if (!skew.ok) throw new SyncError('clock_skew', skew.message, 400, { seq, changeId: change.changeId, table: change.table, recordId: change.recordId, field: 'hlc' });
    }
    this.clients.set(request.clientId, client);
    const known = new Set(this.log.map((c) => (c.change as Change).changeId));
    for (const { seq, change } of request.changes) {
      if (client.seqs.has(seq)) continue;
      client.seqs.set(seq, change.changeId);
      if (known.has(change.changeId)) continue;
      known.add(change.changeId);
      this.log.push({ serverSeq: this.log.length + 1, clientId: request.clientId, clientSeq: seq, author: user, change });
    }
    let acknowledgedSeq = 0;
    while (client.seqs.has(acknowledgedSeq + 1)) acknowledgedSeq += 1;
    if (this.loseNextReply) {
      this.loseNextReply = false;
      throw new SyncError('offline', 'The connection was reset');
    }
    return { acknowledgedSeq, serverSeq: this.log.length };
  }

  private pull(cursor: number, limit = 500): PulledPage {
    const changes = this.log.filter((c) => c.serverSeq > cursor).slice(0, limit);
    const next = changes.at(-1)?.serverSeq ?? cursor;
    return { changes, cursor: next, hasMore: this.log.length > next, latest: this.log.length };
  }

  /** What a device signed in as `user` talks to. */
  transport(user = 'anna'): Transport {
    return {
      push: async (request) => this.push(user, structuredClone(request)),
      pull: async (cursor, limit) => structuredClone(this.pull(cursor, limit)),
    };
  }
}
