import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { newId } from '@shared/ids';
import type { Change } from '@shared/sync/change';
import { checkChange } from '@shared/sync/validate';
import { openDb } from '../../../../renderer/data/db';
import { loadDemoData } from '../../../../renderer/features/settings/demo-data';

/**
 * The one gate every change passes on the server (push) and on a device
 * (pull): each field a change sets is checked against its table's schema.
 */
const account = (patch: Record<string, unknown>, extra: Partial<Change> = {}): Change => ({
  changeId: newId(),
  table: 'accounts',
  recordId: newId(),
  op: 'update',
  patch,
  base: Object.fromEntries(Object.keys(patch).map((k) => [k, null])),
  hlc: '001764800000000:00000:device-a',
  at: '2026-12-04T10:00:00.000Z',
  ...extra,
});

const refusal = (change: unknown) => {
  const result = checkChange(change);
  return result.ok ? null : result.problem;
};

describe('checkChange', () => {
  it('accepts every change the app itself writes (the demo data: accounts, policies, cases, timelines)', async () => {
    const db = openDb(`validate-${crypto.randomUUID()}`);
    await loadDemoData(db, 30, new Date('2026-12-04T10:00:00Z'));
    const changes = await db.outbox.toArray();
    expect(new Set(changes.map((c) => c.table))).toEqual(new Set(['accounts', 'slaPolicies', 'cases', 'timeline']));
    const refused = changes.map(({ seq: _seq, ...c }) => refusal(c)).filter((p) => p !== null);
    expect(refused).toEqual([]);
    await db.delete();
  });

  it.each([
    [{ tags: 5 }, 'tags'],
    [{ contacts: 'x' }, 'contacts'],
    [{ ipPools: null }, 'ipPools'],
    [{ calendar: null }, 'calendar'],
    [{ contacts: [{ id: newId(), name: 'Ada', role: 'technical', email: 'not-an-email', phone: '', primary: true }] }, 'contacts.0.email'],
    [{ dailyVolume: Infinity }, 'dailyVolume'],
    [{ dailyVolume: Number.NaN }, 'dailyVolume'],
    [{ notes: 'x'.repeat(20_001) }, 'notes'],
  ])('refuses a field of the wrong type or size, naming it: %j', (patch, field) => {
    const change = account(patch);
    expect(refusal(change)).toMatchObject({ table: 'accounts', recordId: change.recordId, field });
  });

  it('bounds the lists and text of the records warm-up and remediation will write', () => {
    const request = (patch: Record<string, unknown>): Change => ({ ...account(patch), table: 'remediationRequests' });
    expect(refusal(request({ ips: ['192.0.2.7', '2001:db8::7'], domains: ['mail.example.com'], provider: 'microsoft' }))).toBeNull();
    expect(refusal(request({ ips: ['not an ip'] }))).toMatchObject({ field: 'ips.0' });
    expect(refusal(request({ ips: Array.from({ length: 257 }, (_, i) => `192.0.2.${i % 250}`) }))).toMatchObject({ field: 'ips' });
    expect(refusal(request({ provider: 'x'.repeat(41) }))).toMatchObject({ field: 'provider' });
    expect(refusal(request({ checklist: { ['k'.repeat(81)]: true } }))).toMatchObject({ field: expect.stringMatching(/^checklist/) });
  });

  it('refuses a field the table does not have, and the bookkeeping a patch may not set', () => {
    expect(refusal(account({ isAdmin: true }))).toMatchObject({ field: 'isAdmin', message: 'not a field of accounts' });
    expect(refusal(account({ clocks: {} }))).toMatchObject({ field: 'clocks' });
    expect(refusal(account({ id: newId() }))).toMatchObject({ field: 'id' });
  });

  it('refuses text no replica can store, anywhere in a value, but not its escaped spelling', () => {
    expect(refusal(account({ notes: 'a\u0000b' }))).toMatchObject({ field: 'notes', message: expect.stringContaining('NUL') });
    expect(refusal(account({ tags: ['ok', 'b\u0000'] }))).toMatchObject({ field: 'tags.1' });
    expect(refusal(account({ notes: 'cut 😀'.slice(0, 5) }))).toMatchObject({ field: 'notes', message: expect.stringContaining('surrogate') });
    // A user who types the six characters \u0000 wrote ordinary text.
    expect(refusal(account({ notes: 'typed \\u0000 literally, and an emoji 😀' }))).toBeNull();
  });

  it('refuses anything but a create on an append-only table', () => {
    const entry: Change = { ...account({ body: 'rewritten' }), table: 'timeline' };
    expect(refusal(entry)).toMatchObject({ table: 'timeline', field: 'op' });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 5, 'x', [], {}, { table: 'nope' }, { ...account({}), patch: null }, account({ notes: { toString: 1 } })]) {
      expect(() => checkChange(input)).not.toThrow();
      expect(checkChange(input).ok).toBe(false);
    }
  });
});
