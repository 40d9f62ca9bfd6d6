import type { Change, OutboxEntry } from '@shared/sync/change';
import { MAX_CHANGE_BYTES, MAX_PUSH_BYTES, MAX_PUSH_CHANGES, type RefusedChange } from '@shared/sync/protocol';
import { checkChange } from '@shared/sync/validate';
import type { TamDeskDb } from '../db';
import { deviceId } from '../write';
import { restampAhead, takeNewDeviceId } from './restamp';
import { setAsideOutgoing, settleFixed } from './set-aside';
import { ACKNOWLEDGED_SEQ_KEY } from './sync-config';
import { SyncError } from './sync-error';
import type { Transport } from './transport';

/**
 * Push: the outbox goes to the server in order, in batches.
 *
 * Seqs. The server keeps, per client id, the changes under their seq and
 * acknowledges the longest gap-free run 1..n it holds. The outbox key is only
 * the local order; a push numbers the waiting entries from the acknowledged
 * seq on (ACKNOWLEDGED_SEQ_KEY): acknowledged + 1, + 2, …. Entries leave the
 * outbox only from the front (acknowledged) or through a refusal, so:
 * - a push whose reply was lost is sent again with the same numbers: the
 *   outbox's front did not change (nothing was acknowledged, nothing refused:
 *   a refused batch stores nothing), and the server skips what it has; if it
 *   acknowledges more than this batch (an earlier, longer batch landed), the
 *   same many entries from the front are the ones it holds;
 * - a change set aside leaves no gap: the next push numbers the rest anew;
 * - a server that holds less than this device believes (a new server)
 *   answers with a lower seq, and the next push numbers from there.
 * If the numbering ever disagrees with what the server holds under a seq,
 * the server answers `device_conflict`, and the device takes a new id.
 *
 * Refusals. A change refused for good (`change_refused`, or alone and still
 * too large) is set aside with its reason (set-aside.ts) and the rest goes
 * on. A batch too large is split. `clock_skew` re-stamps the changes made
 * while the clock ran ahead; if none did, this computer's clock is wrong and
 * the round stops with that error.
 */
export type PushProgress = { phase: 'push'; done: number; total: number };

/** The JSON of a push around its changes, and of each change around its body: a generous allowance. */
const ENVELOPE_BYTES = 1024;
const PER_CHANGE_BYTES = 64;

const utf8 = new TextEncoder();
const sizeOf = (change: Change): number => utf8.encode(JSON.stringify(change)).length;

const changeOf = ({ seq: _key, ...change }: OutboxEntry): Change => change;

async function acknowledgedSeq(db: TamDeskDb): Promise<number> {
  return ((await db.meta.get(ACKNOWLEDGED_SEQ_KEY))?.value as number | undefined) ?? 0;
}

/** The largest field of a change, as the one to blame when the change is too large. */
function largestField(change: Change): string {
  const sizes = Object.entries(change.patch).map(([field, value]) => [field, JSON.stringify(value)?.length ?? 0] as const);
  return sizes.sort((a, b) => b[1] - a[1])[0]?.[0] ?? '(change)';
}

/**
 * The next batch from the front of the outbox, at most `maxCount` changes and
 * MAX_PUSH_BYTES. A change that fails the server's own check, or is larger
 * than any push may carry, is set aside here, before it is sent.
 */
async function nextBatch(db: TamDeskDb, maxCount: number): Promise<OutboxEntry[]> {
  for (;;) {
    const entries = await db.outbox.orderBy('seq').limit(maxCount).toArray();
    const batch: OutboxEntry[] = [];
    let bytes = ENVELOPE_BYTES;
    let setAside = false;
    for (const entry of entries) {
      const change = changeOf(entry);
      const checked = checkChange(change);
      if (!checked.ok) {
        await setAsideOutgoing(db, entry, checked.problem);
        setAside = true;
        break;
      }
      const size = sizeOf(change) + PER_CHANGE_BYTES;
      if (size > MAX_CHANGE_BYTES) {
        const message = `the change is ${size} bytes; the server takes at most ${MAX_CHANGE_BYTES}`;
        await setAsideOutgoing(db, entry, { table: change.table, recordId: change.recordId, field: largestField(change), message }, 'tooLarge');
        setAside = true;
        break;
      }
      if (bytes + size > MAX_PUSH_BYTES && batch.length > 0) break;
      bytes += size;
      batch.push(entry);
    }
    // Entries behind one set aside move up: read the front again.
    if (!setAside || batch.length > 0) return batch;
  }
}

/** The entry of the batch the server's refusal names (by change id, else by seq). */
function refusedEntry(batch: OutboxEntry[], firstSeq: number, refused: RefusedChange | null): OutboxEntry | undefined {
  if (!refused) return undefined;
  return batch.find((e) => e.changeId === refused.changeId) ?? (refused.seq === null ? undefined : batch[refused.seq - firstSeq]);
}

/**
 * Drops the first `count` entries of the outbox (the ones the server now
 * holds) and keeps the seq, in one transaction; an outgoing change set aside
 * earlier that one of them fixed goes too.
 */
async function acknowledge(db: TamDeskDb, count: number, seq: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, db.setAside, async () => {
    const held = await db.outbox.orderBy('seq').limit(count).toArray();
    await db.outbox.bulkDelete(held.map((e) => e.seq!));
    await db.meta.put({ key: ACKNOWLEDGED_SEQ_KEY, value: seq });
    await settleFixed(db, held.map(changeOf));
  });
}

export async function pushOutbox(db: TamDeskDb, transport: Transport, onProgress?: (p: PushProgress) => void): Promise<number> {
  const total = await db.outbox.count();
  let pushed = 0;
  let maxCount = MAX_PUSH_CHANGES;
  // Each remedy is tried once a round: if it did not help, the error stands.
  let renamed = false;
  let restamped = false;
  let renumbered = false;
  for (;;) {
    const batch = await nextBatch(db, maxCount);
    if (batch.length === 0) return pushed;
    const [clientId, acknowledged] = await Promise.all([deviceId(db), acknowledgedSeq(db)]);
    const first = acknowledged + 1;
    let response;
    try {
      response = await transport.push({ clientId, changes: batch.map((entry, i) => ({ seq: first + i, change: changeOf(entry) })) });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      if (error.code === 'change_refused') {
        const entry = refusedEntry(batch, first, error.refused);
        if (!entry) throw error;
        // It passed this app's own check before it was sent: the server's rule is its own, and its words say why.
        const problem = { table: entry.table, recordId: entry.recordId, field: error.refused!.field, message: error.message };
        await setAsideOutgoing(db, entry, problem, 'refused');
        continue;
      }
      if (error.code === 'payload_too_large') {
        if (batch.length > 1) {
          maxCount = Math.ceil(batch.length / 2);
          continue;
        }
        const change = changeOf(batch[0]!);
        await setAsideOutgoing(db, batch[0]!, { table: change.table, recordId: change.recordId, field: largestField(change), message: error.message }, 'tooLarge');
        continue;
      }
      if (error.code === 'device_conflict' && !renamed) {
        renamed = true;
        await takeNewDeviceId(db);
        continue;
      }
      if (error.code === 'clock_skew' && !restamped) {
        restamped = true;
        if ((await restampAhead(db)) > 0) continue;
      }
      throw error;
    }
    const seq = response.acknowledgedSeq;
    if (seq > acknowledged) {
      const count = seq - acknowledged;
      await acknowledge(db, count, seq);
      pushed += count;
      onProgress?.({ phase: 'push', done: Math.min(pushed, total), total });
      continue;
    }
    if (seq < acknowledged && !renumbered) {
      // The server holds less than this device believed: number from there.
      renumbered = true;
      await db.meta.put({ key: ACKNOWLEDGED_SEQ_KEY, value: seq });
      continue;
    }
    // The server stored nothing new in its gap-free run: stop rather than loop.
    return pushed;
  }
}
