import { describe, expect, it } from 'vitest';
import {
  accountFieldsSchema,
  accountIps,
  accountSchema,
  emptyAccountFields,
  primaryContact,
  type AccountFields,
  type Contact,
} from '@shared/domain/account';
import { canonicalIp, domainNameSchema, ipAddressSchema, ipVersion } from '@shared/domain/network';

const uuid = () => crypto.randomUUID();

function contact(over: Partial<Contact> = {}): Contact {
  return { id: uuid(), name: 'Anna Nowak', role: 'technical', email: 'anna@example.com', phone: '+48 500 100 200', primary: false, ...over };
}

function fields(over: Partial<AccountFields> = {}): AccountFields {
  return { ...emptyAccountFields('Europe/Warsaw', 'Ewa Lis'), name: 'Bursztyn Handel Sp. z o.o.', ...over };
}

/** The issues of a failed parse as [path, message] pairs. */
function issues(input: unknown): [string, string][] {
  const result = accountFieldsSchema.safeParse(input);
  expect(result.success, 'expected the input to be refused').toBe(false);
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('accountFieldsSchema', () => {
  it('accepts a filled-in new account', () => {
    const ok = fields({
      contacts: [contact({ primary: true }), contact({ name: 'Piotr Wójcik', role: 'billing', email: '', phone: '' })],
      sendingDomains: [{ id: uuid(), domain: 'mail.example.com' }],
      ipPools: [{ id: uuid(), name: 'transactional', ips: ['192.0.2.10', '2001:db8::1'] }],
      dailyVolume: 250_000,
      tags: ['retail'],
    });
    expect(accountFieldsSchema.safeParse(ok).success).toBe(true);
  });

  it('requires a name, and whitespace alone is no name', () => {
    expect(issues(fields({ name: '' }))).toEqual([['name', 'required']]);
    expect(issues(fields({ name: '   ' }))).toEqual([['name', 'required']]);
  });

  it('refuses invalid IPs with the path of the IP in its pool', () => {
    const pools = [
      { id: uuid(), name: 'a', ips: ['192.0.2.1'] },
      { id: uuid(), name: 'b', ips: ['2001:db8::1', '999.1.1.1', '2001:db8::zz'] },
    ];
    expect(issues(fields({ ipPools: pools }))).toEqual([
      ['ipPools.1.ips.1', 'ip.invalid'],
      ['ipPools.1.ips.2', 'ip.invalid'],
    ]);
  });

  it.each(['192.0.2.256', '192.0.2', '1.2.3.4.5', 'example.com', '', '2001:db8:::1', '2001:db8::1/64', '192.0.2.1 '])(
    'refuses the IP %j',
    (ip) => expect(ipAddressSchema.safeParse(ip).success).toBe(false),
  );

  it.each(['192.0.2.1', '203.0.113.254', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '::1'])('accepts the IP %j', (ip) => {
    expect(ipAddressSchema.safeParse(ip).success).toBe(true);
  });

  it('tells IPv4 from IPv6', () => {
    expect(ipVersion('198.51.100.7')).toBe(4);
    expect(ipVersion('2001:db8::7')).toBe(6);
  });

  it('refuses the same IP twice in one account, across pools and letter case', () => {
    const pools = [
      { id: uuid(), name: 'a', ips: ['192.0.2.1', '2001:db8::a'] },
      { id: uuid(), name: 'b', ips: ['192.0.2.2', '2001:DB8::A', '192.0.2.1', '2001:0db8:0:0:0:0:0:000a'] },
    ];
    expect(issues(fields({ ipPools: pools }))).toEqual([
      ['ipPools.1.ips.1', 'ip.duplicate'],
      ['ipPools.1.ips.2', 'ip.duplicate'],
      ['ipPools.1.ips.3', 'ip.duplicate'],
    ]);
  });

  it('allows at most one primary contact', () => {
    const two = [contact({ primary: true }), contact({ name: 'Piotr', primary: true })];
    expect(issues(fields({ contacts: two }))).toEqual([['contacts', 'contact.onePrimary']]);
    expect(accountFieldsSchema.safeParse(fields({ contacts: [contact(), contact()] })).success).toBe(true);
  });

  it('refuses an unknown time zone on the account and on its calendar', () => {
    const bad = fields({ timeZone: 'Mars/Olympus' });
    expect(issues(bad)).toContainEqual(['timeZone', 'timeZone.invalid']);
    const both = fields({ timeZone: 'Mars/Olympus', calendar: { ...fields().calendar, timeZone: 'Mars/Olympus' } });
    expect(issues(both)).toEqual([
      ['timeZone', 'timeZone.invalid'],
      ['calendar.timeZone', 'timeZone.invalid'],
    ]);
  });

  it('requires the calendar zone to equal the account zone', () => {
    const f = fields({ timeZone: 'America/New_York' });
    expect(f.calendar.timeZone).toBe('Europe/Warsaw');
    expect(issues(f)).toEqual([['calendar.timeZone', 'calendar.zoneMismatch']]);
  });

  it('checks business windows: time format, end after start, no overlap', () => {
    const withWeekly = (weekly: unknown) => ({ ...fields(), calendar: { ...fields().calendar, weekly } });
    expect(issues(withWeekly([{ day: 1, start: '9:00', end: '17:00' }]))).toEqual([['calendar.weekly.0.start', 'time.invalid']]);
    expect(issues(withWeekly([{ day: 1, start: '17:00', end: '09:00' }]))).toEqual([['calendar.weekly.0.end', 'window.endBeforeStart']]);
    expect(issues(withWeekly([{ day: 8, start: '09:00', end: '17:00' }]))[0]?.[0]).toBe('calendar.weekly.0.day');
    expect(
      issues(withWeekly([
        { day: 2, start: '09:00', end: '13:00' },
        { day: 1, start: '09:00', end: '17:00' },
        { day: 2, start: '12:00', end: '17:00' },
      ])),
    ).toEqual([['calendar.weekly.2.start', 'window.overlap']]);
    // Touching windows and a window to midnight are fine
    const fine = withWeekly([
      { day: 2, start: '09:00', end: '12:00' },
      { day: 2, start: '12:00', end: '24:00' },
    ]);
    expect(accountFieldsSchema.safeParse(fine).success).toBe(true);
  });

  it('checks holiday dates', () => {
    const f = { ...fields(), calendar: { ...fields().calendar, holidays: ['2026-12-25', '2026-13-01'] } };
    expect(issues(f)).toEqual([['calendar.holidays.1', 'date.invalid']]);
  });

  it('checks contact email and phone, and allows them empty', () => {
    const f = fields({ contacts: [contact({ email: 'not-an-email' }), contact({ phone: 'call me' }), contact({ email: '', phone: '' })] });
    expect(issues(f)).toEqual([
      ['contacts.0.email', 'email.invalid'],
      ['contacts.1.phone', 'phone.invalid'],
    ]);
  });

  it('checks sending domains', () => {
    for (const domain of ['https://example.com', 'example', '-bad.example.com', 'bad-.example.com', 'ex ample.com', 'example.com/path']) {
      expect(domainNameSchema.safeParse(domain).success, domain).toBe(false);
    }
    const f = fields({ sendingDomains: [{ id: uuid(), domain: 'mail.example.com' }, { id: uuid(), domain: 'not a domain' }] });
    expect(issues(f)).toEqual([['sendingDomains.1.domain', 'domain.invalid']]);
  });

  it('checks the daily volume', () => {
    expect(issues(fields({ dailyVolume: -1 }))).toEqual([['dailyVolume', 'number.negative']]);
    expect(issues(fields({ dailyVolume: 1.5 }))).toEqual([['dailyVolume', 'number.integer']]);
    expect(accountFieldsSchema.safeParse(fields({ dailyVolume: null })).success).toBe(true);
  });

  it('reports every invalid field at once', () => {
    const f = fields({
      name: '',
      timeZone: 'Mars/Olympus',
      ipPools: [{ id: uuid(), name: 'p', ips: ['999.1.1.1'] }],
    });
    expect(issues(f).map(([path]) => path).sort()).toEqual(['ipPools.0.ips.0', 'name', 'timeZone']);
  });

  it('normalises what the user typed: trims text, lower-cases tags and domains', () => {
    const parsed = accountFieldsSchema.parse(
      fields({ name: '  Wisła Media S.A.  ', tags: [' VIP ', 'Retail'], sendingDomains: [{ id: uuid(), domain: ' Mail.Example.COM ' }] }),
    );
    expect(parsed.name).toBe('Wisła Media S.A.');
    expect(parsed.tags).toEqual(['vip', 'retail']);
    expect(parsed.sendingDomains[0]?.domain).toBe('mail.example.com');
  });
});

describe('accountSchema (the stored record)', () => {
  const record = () => ({
    id: '01932c4e-7d1a-7cc3-9e3b-2a8f6b1d4e5f',
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    archivedAt: null,
    ...fields(),
  });

  it('accepts a record and defaults its tombstone and clocks', () => {
    const parsed = accountSchema.parse(record());
    expect(parsed.deletedAt).toBeNull();
    expect(parsed.clocks).toEqual({});
  });

  it('applies the same cross-field rules as the form', () => {
    const r = { ...record(), contacts: [contact({ primary: true }), contact({ primary: true })] };
    const result = accountSchema.safeParse(r);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['contacts', 'contact.onePrimary']]);
  });

  it('requires a UUID id and ISO dates', () => {
    const result = accountSchema.safeParse({ ...record(), id: 'abc', updatedAt: 'yesterday' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['id', 'updatedAt']);
  });
});

describe('account helpers', () => {
  it('lists every IP across pools and finds the primary contact', () => {
    const a = fields({
      contacts: [contact({ name: 'First' }), contact({ name: 'Main', primary: true })],
      ipPools: [
        { id: uuid(), name: 'a', ips: ['192.0.2.1'] },
        { id: uuid(), name: 'b', ips: ['192.0.2.2', '2001:db8::2'] },
      ],
    });
    expect(accountIps(a)).toEqual(['192.0.2.1', '192.0.2.2', '2001:db8::2']);
    expect(primaryContact(a)?.name).toBe('Main');
    expect(primaryContact({ contacts: [contact({ name: 'First' }), contact({ name: 'Second' })] })?.name).toBe('First');
    expect(primaryContact({ contacts: [] })).toBeUndefined();
  });
});

describe('canonicalIp', () => {
  it('spells equal IPv6 addresses alike and leaves IPv4 alone', () => {
    expect(canonicalIp('2001:db8::1')).toBe(canonicalIp('2001:0DB8:0:0:0:0:0:1'));
    expect(canonicalIp('::ffff:192.0.2.1')).toBe(canonicalIp('0:0:0:0:0:ffff:c000:201'));
    expect(canonicalIp('2001:db8::1')).not.toBe(canonicalIp('2001:db8::2'));
    expect(canonicalIp('192.0.2.1')).toBe('192.0.2.1');
  });
});
