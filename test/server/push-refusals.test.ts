import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '@shared/sync/change';
import { errorResponseSchema, MAX_CHANGE_BYTES, type ErrorResponse, type RefusedChange } from '@shared/sync/protocol';
import { BACKENDS, batch, Client, makeChange, newClient, startTestServer, type Reply, type TestServer } from './helpers';

/**
 * What the server refuses to store, and how it says so: a push is refused
 * whole, naming the one change (and field) at fault, so the device can set
 * that change aside and push the rest; nothing of a refused push is stored.
 */
describe.each(BACKENDS)('push refusals on $name', (backend) => {
  let server: TestServer;
  const team = () => `team-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    server = await startTestServer(backend);
  }, 30_000);
  afterAll(async () => {
    await server?.dispose();
  });

  const refusal = (r: Reply<unknown>, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    const { error } = errorResponseSchema.parse(r.body);
    expect(error.code).toBe(code);
    return error;
  };
  const named = (change: Change, seq: number, field: string): RefusedChange => ({ seq, changeId: change.changeId, table: change.table, recordId: change.recordId, field });

  const timelineEntry = (recordId: string = randomUUID(), body = 'Called the customer'): Change => {
    const at = new Date().toISOString();
    const patch = { id: recordId, accountId: randomUUID(), caseId: randomUUID(), kind: 'note', at, author: 'Anna', body, fromStatus: null, toStatus: null, createdAt: at, updatedAt: at, deletedAt: null };
    return makeChange({ table: 'timeline', op: 'create', recordId, patch, base: Object.fromEntries(Object.keys(patch).map((k) => [k, null])) });
  };

  it('refuses a field of the wrong type or a field the table does not have, naming the record and the field', async () => {
    const c = await newClient(server, team());
    const cases: [Record<string, unknown>, string][] = [
      [{ tags: 5 }, 'tags'],
      [{ contacts: 'x' }, 'contacts'],
      [{ ipPools: null }, 'ipPools'],
      [{ calendar: null }, 'calendar'],
      [{ name: 'Acme', isAdmin: true }, 'isAdmin'],
    ];
    for (const [patch, field] of cases) {
      const bad = makeChange({ patch, base: {} });
      const error = refusal(await c.push(batch([makeChange(), bad, makeChange()])), 400, 'change_refused');
      expect(error.change).toEqual(named(bad, 2, field));
      expect(error.message).toContain(bad.recordId);
      expect(error.message).toContain('accounts');
      expect(error.message).toContain(field);
    }
    // The whole push was refused each time: nothing of it is stored.
    expect(await c.pullAll()).toEqual([]);
    // Without the bad change, the rest goes through.
    expect((await c.push(batch([makeChange(), makeChange()]))).body).toMatchObject({ acknowledgedSeq: 2 });
  });

  it('refuses a NUL or half a character inside text, and stores the six characters \\u0000 a user typed', async () => {
    const c = await newClient(server, team());
    for (const notes of ['before\u0000after', 'half an emoji \uD83D']) {
      const bad = makeChange({ patch: { notes }, base: { notes: null } });
      expect(refusal(await c.push(batch([bad])), 400, 'change_refused').change).toEqual(named(bad, 1, 'notes'));
    }
    const typed = makeChange({ patch: { notes: 'In C a string ends at \\u0000, see 😀' }, base: { notes: null } });
    expect((await c.push(batch([typed]))).body).toMatchObject({ acknowledgedSeq: 1 });
    expect((await c.pullAll()).map((s) => s.change)).toEqual([typed]);
  });

  it('refuses Infinity (1e400 in the JSON) instead of storing it as null', async () => {
    const c = await newClient(server, team());
    const change = makeChange({ patch: { dailyVolume: 1 }, base: { dailyVolume: null } });
    for (const number of ['1e400', '-1e400']) {
      const body = JSON.stringify({ protocol: 1, clientId: c.clientId, changes: batch([change]) }).replace('"dailyVolume":1', `"dailyVolume":${number}`);
      expect(body).toContain(number);
      const error = refusal(await c.request('POST', '/sync/push', body), 400, 'change_refused');
      expect(error.change).toEqual(named(change, 1, 'dailyVolume'));
      expect(error.message).toContain('finite');
    }
    expect(await c.pullAll()).toEqual([]);
  });

  it(`refuses a change over ${MAX_CHANGE_BYTES} bytes of JSON, naming its largest field`, async () => {
    const c = await newClient(server, team());
    const tags = Array.from({ length: Math.ceil(MAX_CHANGE_BYTES / 25) }, (_, i) => `tag-${String(i).padStart(20, '0')}`);
    const big = makeChange({ patch: { name: 'Acme', tags }, base: { name: null, tags: null } });
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_CHANGE_BYTES);
    const error = refusal(await c.push(batch([makeChange(), big])), 400, 'change_refused');
    expect(error.change).toEqual(named(big, 2, 'tags'));
    expect(error.message).toContain(String(MAX_CHANGE_BYTES));
    expect(await c.pullAll()).toEqual([]);
  });

  it('writes an append-only record once: another change for its id is refused, a replay is harmless', async () => {
    const t = team();
    const anna = await newClient(server, t);
    const ben = await newClient(server, t);
    const first = timelineEntry();
    expect((await anna.push(batch([first]))).body).toMatchObject({ acknowledgedSeq: 1 });

    // Another create for the same entry, by a teammate or by the same device.
    const rewrite = timelineEntry(first.recordId, 'Rewritten history');
    expect(refusal(await ben.push(batch([makeChange(), rewrite])), 400, 'change_refused').change).toEqual(named(rewrite, 2, 'id'));
    expect(refusal(await anna.push(batch([rewrite], 2)), 400, 'change_refused').change).toEqual(named(rewrite, 2, 'id'));
    // Two creates of one new entry in one push: the second is refused.
    const fresh = timelineEntry();
    const twin = timelineEntry(fresh.recordId, 'Twin');
    expect(refusal(await ben.push(batch([fresh, twin])), 400, 'change_refused').change).toEqual(named(twin, 2, 'id'));
    // Any op but create on an append-only table is refused by its shape.
    const edit = { ...timelineEntry(first.recordId), op: 'update' as const };
    expect(refusal(await ben.push(batch([edit])), 400, 'change_refused').change).toEqual(named(edit, 1, 'op'));

    // Replays: the same seq again, and the same change under a later seq (a resent outbox entry).
    expect((await anna.push(batch([first]))).body).toMatchObject({ acknowledgedSeq: 1 });
    expect((await anna.push(batch([first], 2))).body).toMatchObject({ acknowledgedSeq: 2 });

    const stored = (await ben.pullAll()).filter((s) => s.change.recordId === first.recordId || s.change.recordId === fresh.recordId);
    expect(stored.map((s) => s.change)).toEqual([first]);
  });

  it('lets exactly one of many concurrent creates of one append-only record in', async () => {
    const t = team();
    const devices = await Promise.all(Array.from({ length: 6 }, () => newClient(server, t)));
    const recordId = randomUUID();
    const creates = devices.map((_, i) => timelineEntry(recordId, `Version ${i}`));
    const replies = await Promise.all(devices.map((d, i) => d.push(batch([creates[i]!]))));
    const accepted = replies.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 200)) expect(refusal(r, 400, 'change_refused').change?.field).toBe('id');
    const stored = await devices[0]!.pullAll();
    expect(stored).toHaveLength(1);
    expect(creates.map((c) => c.changeId)).toContain(stored[0]!.change.changeId);
  });

  it("refuses a push under another user's device id with a 409, and the owner loses nothing", async () => {
    const t = team();
    const anna = await newClient(server, t);
    const mallory = await newClient(server, t);
    const forged = new Client(server.url, mallory.token, anna.clientId);
    const annas = [makeChange(), makeChange()];
    expect((await anna.push(batch([annas[0]!]))).body).toMatchObject({ acknowledgedSeq: 1 });

    // Forged seq 2 before Anna's real seq 2, and a replay of Anna's own change.
    refusal(await forged.push(batch([makeChange()], 2)), 409, 'device_conflict');
    refusal(await forged.push(batch([annas[0]!])), 409, 'device_conflict');

    expect((await anna.push(batch([annas[1]!], 2))).body).toMatchObject({ acknowledgedSeq: 2 });
    expect((await mallory.pullAll()).map((s) => s.change)).toEqual(annas);
  });

  it('answers 409 when a stored seq of the device holds another change (a copied profile), and still acknowledges a replay', async () => {
    const c = await newClient(server, team());
    const copy = new Client(server.url, c.token, c.clientId);
    const original = makeChange();
    const other = makeChange();
    expect((await c.push(batch([original]))).body).toMatchObject({ acknowledgedSeq: 1 });

    const error = refusal(await copy.push(batch([other, makeChange()])), 409, 'device_conflict');
    expect(error.change).toEqual(named(other, 1, 'seq'));
    expect((error as ErrorResponse['error']).message).toContain('seq 1');

    // The same change under the same seq is a replay, acknowledged as before.
    expect((await c.push(batch([original]))).body).toMatchObject({ acknowledgedSeq: 1 });
    // The copy, under a new id, pushes its change and nothing is lost.
    const renamed = new Client(server.url, c.token);
    expect((await renamed.push(batch([other]))).body).toMatchObject({ acknowledgedSeq: 1 });
    expect((await c.pullAll()).map((s) => s.change)).toEqual([original, other]);
  });
});
