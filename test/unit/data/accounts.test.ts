import { afterEach, describe, expect, it } from 'vitest';
import { emptyAccountFields, type Account, type AccountFields, type Contact } from '@shared/domain/account';
import { emptyAccountFilter, filterAccounts, summarizeAccount, type AccountFilter } from '@shared/domain/account-search';
import { generateDemoAccounts } from '@shared/demo/generator';
import { parseHlc } from '@shared/sync/hlc';
import { openDb, type TamDeskDb } from '../../../renderer/data/db';
import {
  addAccounts,
  archiveAccount,
  createAccount,
  restoreAccount,
  updateAccount,
  ValidationError,
} from '../../../renderer/data/accounts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const T0 = new Date('2026-11-02T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const opened: TamDeskDb[] = [];
function freshDb(): TamDeskDb {
  const db = openDb(`accounts-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const contact = (over: Partial<Contact> = {}): Contact => ({
  id: crypto.randomUUID(),
  name: 'Anna Nowak',
  role: 'technical',
  email: 'anna.nowak@bursztyn.example.com',
  phone: '+48 500 100 200',
  primary: true,
  ...over,
});

function fields(over: Partial<AccountFields> = {}): AccountFields {
  return {
    ...emptyAccountFields('Europe/Warsaw', 'Ewa Lis'),
    name: 'Bursztyn Handel Sp. z o.o.',
    orgId: 'ORG-123456',
    contacts: [contact()],
    sendingDomains: [{ id: crypto.randomUUID(), domain: 'bursztyn.example.com' }],
    ipPools: [{ id: crypto.randomUUID(), name: 'transactional', ips: ['192.0.2.10', '2001:db8::10'] }],
    dailyVolume: 120_000,
    tags: ['retail'],
    ...over,
  };
}

/** Everything the repository could have written. */
async function snapshot(db: TamDeskDb) {
  return {
    accounts: await db.accounts.toArray(),
    summaries: await db.accountSummaries.toArray(),
    outbox: await db.outbox.toArray(),
    meta: await db.meta.toArray(),
  };
}

/** The ValidationError a promise rejects with. */
async function validationError(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => expect.fail('expected a ValidationError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const FIELD_NAMES = Object.keys(fields()) as (keyof AccountFields)[];

describe('createAccount', () => {
  it('stores the record with a UUIDv7 id, dates, a clock per field and no archive date', async () => {
    const db = freshDb();
    const input = fields();
    const before = Date.now();
    const created = await createAccount(db, input, { now: T0 });
    const after = Date.now();

    const stored = await db.accounts.get(created.id);
    expect(stored).toEqual(created);
    expect(created.id).toMatch(UUID_V7);
    // A UUIDv7 carries the time it was made in its first 48 bits
    const idMs = parseInt(created.id.replaceAll('-', '').slice(0, 12), 16);
    expect(idMs).toBeGreaterThanOrEqual(before);
    expect(idMs).toBeLessThanOrEqual(after);
    expect(created.createdAt).toBe(T0.toISOString());
    expect(created.updatedAt).toBe(T0.toISOString());
    expect(created.archivedAt).toBeNull();
    expect(created.deletedAt).toBeNull();
    // The form's values, as validated
    for (const field of FIELD_NAMES) expect(created[field], field).toEqual(input[field]);

    // One clock per written field, all the clock of this change
    const [entry, ...rest] = await db.outbox.toArray();
    expect(rest).toEqual([]);
    for (const field of [...FIELD_NAMES, 'archivedAt']) expect(created.clocks[field], field).toBe(entry!.hlc);
    expect(parseHlc(entry!.hlc).wall).toBe(T0.getTime());
  });

  it('appends exactly one outbox entry "create" carrying the patch and the clock', async () => {
    const db = freshDb();
    const created = await createAccount(db, fields(), { now: T0 });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const entry = outbox[0]!;
    expect(entry).toMatchObject({ table: 'accounts', recordId: created.id, op: 'create', at: T0.toISOString(), hlc: created.clocks.name });
    expect(entry.changeId).toMatch(UUID_V7);
    expect(entry.changeId).not.toBe(created.id);
    for (const field of FIELD_NAMES) expect(entry.patch[field], field).toEqual(created[field]);
    expect(entry.patch.archivedAt).toBeNull();
  });

  it('stores the normalised values, not the raw input', async () => {
    const db = freshDb();
    const created = await createAccount(db, fields({ name: '  Wisła Media  ', tags: ['VIP'], sendingDomains: [{ id: crypto.randomUUID(), domain: 'MAIL.Example.com' }] }));
    const stored = await db.accounts.get(created.id);
    expect(stored?.name).toBe('Wisła Media');
    expect(stored?.tags).toEqual(['vip']);
    expect(stored?.sendingDomains[0]?.domain).toBe('mail.example.com');
  });

  it('gives each account its own id and each change its own later clock', async () => {
    const db = freshDb();
    const a = await createAccount(db, fields({ name: 'A' }), { now: T0 });
    const b = await createAccount(db, fields({ name: 'B' }), { now: T0 });
    expect(a.id).not.toBe(b.id);
    const [ea, eb] = await db.outbox.orderBy('seq').toArray();
    expect(eb!.hlc > ea!.hlc).toBe(true);
    expect(eb!.changeId).not.toBe(ea!.changeId);
  });
});

describe('updateAccount', () => {
  it('puts only the changed fields in the patch and advances only their clocks', async () => {
    const db = freshDb();
    const original = fields();
    const created = await createAccount(db, original, { now: T0 });
    const updated = await updateAccount(db, created.id, { ...original, name: 'Bursztyn Media S.A.', tags: ['retail', 'at-risk'] }, { now: later(60_000) });

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    const entry = outbox[1]!;
    expect(entry.op).toBe('update');
    expect(entry.recordId).toBe(created.id);
    expect(entry.patch).toEqual({ name: 'Bursztyn Media S.A.', tags: ['retail', 'at-risk'] });
    // Each changed field names the clock of the value it replaced, for sync to spot concurrent edits.
    expect(entry.base).toEqual({ name: created.clocks.name, tags: created.clocks.tags });
    expect(Object.values(outbox[0]!.base).every((clock) => clock === null)).toBe(true);

    expect(updated.clocks.name).toBe(entry.hlc);
    expect(updated.clocks.tags).toBe(entry.hlc);
    expect(entry.hlc > created.clocks.name!).toBe(true);
    for (const [field, clock] of Object.entries(created.clocks)) {
      if (field !== 'name' && field !== 'tags') expect(updated.clocks[field], field).toBe(clock);
    }

    expect(updated.updatedAt).toBe(later(60_000).toISOString());
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.ipPools).toEqual(created.ipPools);
    expect(await db.accounts.get(created.id)).toEqual(updated);
  });

  it('treats a change inside a list (one contact edited) as a change of that field only', async () => {
    const db = freshDb();
    const original = fields({ contacts: [contact(), contact({ name: 'Piotr Wójcik', primary: false })] });
    const created = await createAccount(db, original, { now: T0 });
    const contacts = original.contacts.map((c, i) => (i === 1 ? { ...c, phone: '+48 600 700 800' } : c));
    await updateAccount(db, created.id, { ...original, contacts }, { now: later(1000) });
    const entry = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(entry.patch)).toEqual(['contacts']);
    expect(entry.patch.contacts).toEqual(contacts);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const db = freshDb();
    const original = fields();
    const created = await createAccount(db, original, { now: T0 });
    const before = await snapshot(db);
    const result = await updateAccount(db, created.id, structuredClone(original), { now: later(60_000) });
    expect(result).toEqual(created);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when only whitespace or letter case the schema normalises differ', async () => {
    const db = freshDb();
    const original = fields();
    const created = await createAccount(db, original, { now: T0 });
    const before = await snapshot(db);
    await updateAccount(db, created.id, { ...original, name: ` ${original.name} `, tags: ['RETAIL'] }, { now: later(1000) });
    expect(await snapshot(db)).toEqual(before);
  });

  it('compares values, not key order: a stored record with reordered keys is not "changed"', async () => {
    const db = freshDb();
    const original = fields();
    const created = await createAccount(db, original, { now: T0 });
    // The same values with every object's keys in reverse order, as a server
    // (PostgreSQL jsonb sorts keys) or another version may hand the record back.
    const reorder = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reorder)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]))
          : value;
    await db.accounts.put(reorder(created) as Account);
    const stored = (await db.accounts.get(created.id))!;
    expect(Object.keys(stored.calendar)).not.toEqual(Object.keys(created.calendar));

    await updateAccount(db, created.id, { ...original, name: 'Renamed' }, { now: later(1000) });
    const entry = (await db.outbox.orderBy('seq').last())!;
    expect(entry.patch).toEqual({ name: 'Renamed' });
    const updated = (await db.accounts.get(created.id))!;
    expect(updated.clocks.calendar).toBe(created.clocks.calendar);
    expect(updated.clocks.contacts).toBe(created.clocks.contacts);
  });

  it('refuses to update an account that does not exist, writing nothing', async () => {
    const db = freshDb();
    await createAccount(db, fields(), { now: T0 });
    const before = await snapshot(db);
    await expect(updateAccount(db, crypto.randomUUID(), fields({ name: 'Ghost' }))).rejects.toThrow(/not found/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('archiveAccount / restoreAccount', () => {
  it('sets and clears archivedAt, each with its outbox entry, and never deletes the record', async () => {
    const db = freshDb();
    const created = await createAccount(db, fields(), { now: T0 });

    const archived = await archiveAccount(db, created.id, { now: later(1000) });
    expect(archived.archivedAt).toBe(later(1000).toISOString());
    expect(archived.deletedAt).toBeNull();
    expect(await db.accounts.count()).toBe(1);
    expect((await db.accounts.get(created.id))?.archivedAt).toBe(later(1000).toISOString());

    const restored = await restoreAccount(db, created.id, { now: later(2000) });
    expect(restored.archivedAt).toBeNull();
    expect(await db.accounts.count()).toBe(1);
    expect(await db.accounts.get(created.id)).toEqual(restored);
    expect(restored.name).toBe(created.name);

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.op)).toEqual(['create', 'archive', 'restore']);
    expect(outbox[1]!.patch).toEqual({ archivedAt: later(1000).toISOString() });
    expect(outbox[2]!.patch).toEqual({ archivedAt: null });
    expect(outbox.every((e) => e.recordId === created.id)).toBe(true);
    // Only archivedAt's clock moved
    expect(restored.clocks.archivedAt).toBe(outbox[2]!.hlc);
    expect(restored.clocks.name).toBe(created.clocks.name);
  });

  it('restoring an account that is not archived writes nothing', async () => {
    const db = freshDb();
    const created = await createAccount(db, fields(), { now: T0 });
    const before = await snapshot(db);
    await restoreAccount(db, created.id, { now: later(1000) });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses to archive an unknown account', async () => {
    const db = freshDb();
    await expect(archiveAccount(db, crypto.randomUUID())).rejects.toThrow(/not found/);
    expect(await snapshot(db)).toEqual({ accounts: [], summaries: [], outbox: [], meta: [] });
  });
});

describe('validation', () => {
  const cases: [string, Partial<AccountFields>, string, string][] = [
    ['an invalid IPv4', { ipPools: [{ id: crypto.randomUUID(), name: 'p', ips: ['192.0.2.1', '999.1.1.1'] }] }, 'ipPools.0.ips.1', 'ip.invalid'],
    ['an invalid IPv6', { ipPools: [{ id: crypto.randomUUID(), name: 'p', ips: ['2001:db8::zz'] }] }, 'ipPools.0.ips.0', 'ip.invalid'],
    ['a missing name', { name: '' }, 'name', 'required'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone.invalid'],
    ['two primary contacts', { contacts: [contact(), contact({ name: 'Piotr' })] }, 'contacts', 'contact.onePrimary'],
    ['a duplicate IP', { ipPools: [{ id: crypto.randomUUID(), name: 'p', ips: ['192.0.2.1', '192.0.2.1'] }] }, 'ipPools.0.ips.1', 'ip.duplicate'],
  ];

  it.each(cases)('refuses %s on create with the field path, writing nothing', async (_label, over, path, message) => {
    const db = freshDb();
    const error = await validationError(createAccount(db, fields(over)));
    expect(error.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
    expect(error.message).toContain(path);
    expect(await snapshot(db)).toEqual({ accounts: [], summaries: [], outbox: [], meta: [] });
  });

  it.each(cases)('refuses %s on update, leaving the record and outbox as they were', async (_label, over, path, message) => {
    const db = freshDb();
    const created = await createAccount(db, fields(), { now: T0 });
    const before = await snapshot(db);
    const error = await validationError(updateAccount(db, created.id, fields(over), { now: later(1000) }));
    expect(error.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, message]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a whole batch in addAccounts when one account is invalid', async () => {
    const db = freshDb();
    const demo = generateDemoAccounts({ count: 10 });
    demo[7] = { ...demo[7]!, name: '' };
    const error = await validationError(addAccounts(db, demo));
    expect(error.issues.map((i) => i.path.join('.'))).toContain('name');
    expect(await snapshot(db)).toEqual({ accounts: [], summaries: [], outbox: [], meta: [] });
  });
});

describe('the list summary of each account', () => {
  it('is written and rewritten with the account, and matches it', async () => {
    const db = freshDb();
    const created = await createAccount(db, fields({ name: 'Summarised' }), { now: T0 });
    expect(await db.accountSummaries.get(created.id)).toEqual(summarizeAccount(created));
    const renamed = await updateAccount(db, created.id, fields({ name: 'Renamed' }), { now: later(1000) });
    expect(await db.accountSummaries.get(created.id)).toEqual(summarizeAccount(renamed));
    const archived = await archiveAccount(db, created.id, { now: later(2000) });
    expect((await db.accountSummaries.get(created.id))?.archivedAt).toBe(archived.archivedAt);
    await addAccounts(db, generateDemoAccounts({ count: 5 }), { now: later(3000) });
    expect(await db.accountSummaries.count()).toBe(6);
  });

  it('is not written when the outbox append fails', async () => {
    const db = freshDb();
    const fail = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', fail);
    try {
      await expect(createAccount(db, fields({ name: 'Lost' }), { now: T0 })).rejects.toThrow(/disk full/);
    } finally {
      db.outbox.hook('creating').unsubscribe(fail);
    }
    expect(await db.accountSummaries.count()).toBe(0);
  });
});

describe('atomicity: the record and its outbox entry are written together or not at all', () => {
  it('when appending to the outbox fails, the record is not written', async () => {
    const db = freshDb();
    const existing = await createAccount(db, fields({ name: 'Existing' }), { now: T0 });
    const before = await snapshot(db);
    const fail = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', fail);
    try {
      await expect(createAccount(db, fields({ name: 'New' }), { now: later(1000) })).rejects.toThrow(/disk full/);
      await expect(updateAccount(db, existing.id, fields({ name: 'Renamed' }), { now: later(2000) })).rejects.toThrow(/disk full/);
      await expect(archiveAccount(db, existing.id, { now: later(3000) })).rejects.toThrow(/disk full/);
    } finally {
      db.outbox.hook('creating').unsubscribe(fail);
    }
    // No new record, the existing one unchanged, the outbox and the clock as before
    expect(await snapshot(db)).toEqual(before);
    // And the database still works afterwards
    await updateAccount(db, existing.id, fields({ name: 'Renamed' }), { now: later(4000) });
    expect((await db.accounts.get(existing.id))?.name).toBe('Renamed');
    expect(await db.outbox.count()).toBe(2);
    // The failed writes left no gap in the outbox keys, which sync sends as
    // this device's gap-free sequence.
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('when writing the record fails, no outbox entry is written', async () => {
    const db = freshDb();
    const existing = await createAccount(db, fields({ name: 'Existing' }), { now: T0 });
    const before = await snapshot(db);
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.accounts.hook('updating', fail);
    db.accounts.hook('creating', fail);
    try {
      await expect(updateAccount(db, existing.id, fields({ name: 'Renamed' }), { now: later(1000) })).rejects.toThrow(/quota exceeded/);
      await expect(createAccount(db, fields({ name: 'New' }), { now: later(2000) })).rejects.toThrow(/quota exceeded/);
    } finally {
      db.accounts.hook('updating').unsubscribe(fail);
      db.accounts.hook('creating').unsubscribe(fail);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('addAccounts with a duplicate id in the batch writes nothing at all', async () => {
    const db = freshDb();
    const demo = generateDemoAccounts({ count: 20 });
    const batch = [...demo, { ...demo[3]!, name: 'A copy with the same id' }];
    await expect(addAccounts(db, batch, { now: T0 })).rejects.toThrow();
    expect(await snapshot(db)).toEqual({ accounts: [], summaries: [], outbox: [], meta: [] });
  });

  it('addAccounts whose outbox append fails part-way writes no record', async () => {
    const db = freshDb();
    const demo = generateDemoAccounts({ count: 20 });
    let n = 0;
    const failOnTenth = () => {
      if (++n === 10) throw new Error('disk full');
    };
    db.outbox.hook('creating', failOnTenth);
    try {
      await expect(addAccounts(db, demo, { now: T0 })).rejects.toThrow();
    } finally {
      db.outbox.hook('creating').unsubscribe(failOnTenth);
    }
    expect(await snapshot(db)).toEqual({ accounts: [], summaries: [], outbox: [], meta: [] });
  });
});

describe('addAccounts', () => {
  it('writes every account with a clock per field and one "create" outbox entry each', async () => {
    const db = freshDb();
    const demo = generateDemoAccounts({ count: 50 });
    expect(await addAccounts(db, demo, { now: T0 })).toBe(50);
    const stored = await db.accounts.toArray();
    expect(stored).toHaveLength(50);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.recordId)).toEqual(demo.map((a) => a.id));
    expect(outbox.every((e) => e.op === 'create' && e.table === 'accounts')).toBe(true);
    // Every change has its own clock, in the order written
    const hlcs = outbox.map((e) => e.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    for (const [i, account] of demo.entries()) {
      const record = stored.find((r) => r.id === account.id)!;
      const { clocks: _c, ...data } = record;
      const { clocks: _d, ...expected } = account;
      expect(data).toEqual(expected);
      for (const field of [...FIELD_NAMES, 'archivedAt', 'createdAt']) expect(record.clocks[field], field).toBe(outbox[i]!.hlc);
    }
  });

  it('stores the normalised values, as createAccount does', async () => {
    const db = freshDb();
    const [demo] = generateDemoAccounts({ count: 1 });
    const raw: Account = { ...demo!, name: `  ${demo!.name}  `, tags: ['VIP'], sendingDomains: [{ id: crypto.randomUUID(), domain: 'MAIL.Example.COM' }] };
    await addAccounts(db, [raw], { now: T0 });
    const stored = await db.accounts.get(demo!.id);
    expect(stored?.name).toBe(demo!.name);
    expect(stored?.tags).toEqual(['vip']);
    expect(stored?.sendingDomains[0]?.domain).toBe('mail.example.com');
    expect(stored?.createdAt).toBe(demo!.createdAt);
    // A later update with the same (normalised) values is a no-op
    const before = await snapshot(db);
    await updateAccount(db, demo!.id, { ...stored!, name: demo!.name }, { now: later(1000) });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('hybrid logical clock across writes', () => {
  it('stays monotonic when the wall clock goes backwards', async () => {
    const db = freshDb();
    const base = fields();
    const created = await createAccount(db, base, { now: T0 });
    // The device clock jumps an hour back, then forward a little, still behind
    const times = [later(-3_600_000), later(-3_600_000), later(-1_000), later(-999)];
    let prev = created;
    for (const [i, now] of times.entries()) {
      const next = await updateAccount(db, created.id, { ...base, name: `Name ${i}` }, { now });
      expect(next.clocks.name! > prev.clocks.name!, `${next.clocks.name} after ${prev.clocks.name}`).toBe(true);
      prev = next;
    }
    // Archiving with an earlier clock still orders after everything before
    const archived = await archiveAccount(db, created.id, { now: later(-7_200_000) });
    expect(archived.clocks.archivedAt! > prev.clocks.name!).toBe(true);
    const hlcs = (await db.outbox.orderBy('seq').toArray()).map((e) => e.hlc);
    expect(hlcs).toHaveLength(6);
    for (let i = 1; i < hlcs.length; i++) expect(hlcs[i]! > hlcs[i - 1]!, `${hlcs[i]} after ${hlcs[i - 1]}`).toBe(true);
    // All from this device
    expect(new Set(hlcs.map((h) => parseHlc(h).node)).size).toBe(1);
  });

  it('keeps one device id for the life of the database', async () => {
    const db = freshDb();
    await createAccount(db, fields({ name: 'A' }));
    const reopened = openDb(db.name);
    opened.push(reopened);
    db.close();
    await createAccount(reopened, fields({ name: 'B' }));
    const nodes = (await reopened.outbox.toArray()).map((e) => parseHlc(e.hlc).node);
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toBe(nodes[1]);
  });
});

describe('search over stored accounts', () => {
  async function seeded() {
    const db = freshDb();
    const demo = generateDemoAccounts({ count: 300 });
    await addAccounts(db, demo, { now: T0 });
    const mine = await createAccount(
      db,
      fields({
        name: 'Wisła Gęśla Jaźń Sp. z o.o.',
        ownerTam: 'Zenon Qwerty',
        tags: ['zz-pilot'],
        contacts: [contact({ name: 'Łucja Żółkiewska', email: 'ops@qwerty-wisla.test' })],
        sendingDomains: [{ id: crypto.randomUUID(), domain: 'news.qwerty-wisla.example.com' }],
        ipPools: [{ id: crypto.randomUUID(), name: 'p', ips: ['192.0.2.255', '2001:db8:ffff::42'] }],
      }),
      { now: T0 },
    );
    const accounts = await db.accounts.toArray();
    // What the Accounts screen searches: the stored summaries.
    const index = await db.accountSummaries.toArray();
    const find = (filter: Partial<AccountFilter>) => filterAccounts(index, { ...emptyAccountFilter, ...filter });
    return { db, demo, mine, accounts, find };
  }

  it('finds the new account by name, domain, IP, contact name and email', async () => {
    const { mine, find } = await seeded();
    for (const query of ['gęśla jaźń', 'news.qwerty-wisla', '192.0.2.255', '2001:db8:ffff::42', 'Łucja Żółkiewska', 'ops@qwerty-wisla.test', 'zenon']) {
      expect(find({ query }).map((a) => a.id), query).toEqual([mine.id]);
    }
  });

  it('ignores case and diacritics', async () => {
    const { mine, find } = await seeded();
    for (const query of ['GESLA JAZN', 'lucja zolkiewska', 'ŁUCJA', 'Gęśla']) {
      expect(find({ query }).map((a) => a.id), query).toEqual([mine.id]);
    }
  });

  it('"wisla" finds every live account named Wisła', async () => {
    const { demo, mine, find } = await seeded();
    const expected = [...demo.filter((a) => a.name.includes('Wisła') && a.archivedAt === null).map((a) => a.id), mine.id].sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(find({ query: 'wisla' }).map((a) => a.id).sort()).toEqual(expected);
    expect(find({ query: 'WISŁA' }).map((a) => a.id).sort()).toEqual(expected);
  });

  it('filters by tag and by owner', async () => {
    const { accounts, mine, find } = await seeded();
    expect(find({ tags: ['zz-pilot'] }).map((a) => a.id)).toEqual([mine.id]);
    const fintech = accounts.filter((a) => a.tags.includes('fintech') && !a.archivedAt).map((a) => a.id).sort();
    expect(fintech.length).toBeGreaterThan(0);
    expect(find({ tags: ['fintech'] }).map((a) => a.id).sort()).toEqual(fintech);
    const ewa = accounts.filter((a) => a.ownerTam === 'Ewa Lis' && !a.archivedAt).map((a) => a.id).sort();
    expect(ewa.length).toBeGreaterThan(0);
    expect(find({ owner: 'Ewa Lis' }).map((a) => a.id).sort()).toEqual(ewa);
    expect(find({ owner: 'Ewa Lis', tags: ['fintech'] }).every((a) => a.ownerTam === 'Ewa Lis' && a.tags.includes('fintech'))).toBe(true);
  });

  it('hides archived accounts unless asked to include them', async () => {
    const { db, mine, accounts, find } = await seeded();
    const live = accounts.filter((a) => !a.archivedAt);
    expect(live.length).toBeLessThan(accounts.length);
    expect(find({}).length).toBe(live.length);
    expect(find({ includeArchived: true }).length).toBe(accounts.length);

    await archiveAccount(db, mine.id);
    const index = await db.accountSummaries.toArray();
    expect(filterAccounts(index, { ...emptyAccountFilter, query: 'gesla' })).toEqual([]);
    expect(filterAccounts(index, { ...emptyAccountFilter, query: 'gesla', includeArchived: true }).map((a) => a.id)).toEqual([mine.id]);
  });
});
