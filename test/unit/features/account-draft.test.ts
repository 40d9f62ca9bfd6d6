import { describe, expect, it } from 'vitest';
import { emptyAccountFields } from '@shared/domain/account';
import { newId } from '@shared/ids';
import { draftFromFields, toFields, withoutBlankRows } from '../../../renderer/features/accounts/account-draft';

const blank = () => draftFromFields(emptyAccountFields('Europe/Warsaw'));
const contact = (primary: boolean) => ({ id: newId(), name: 'Anna Nowak', role: 'technical' as const, email: '', phone: '', primary });

describe('the account form draft', () => {
  it('turns typed text into account fields', () => {
    const result = toFields({
      ...blank(),
      name: '  Bursztyn Handel Sp. z o.o. ',
      dailyVolume: '250 000',
      tags: 'Retail, b2c, retail',
      pools: [{ id: newId(), name: 'default', ips: [{ id: newId(), address: ' 192.0.2.44 ' }, { id: newId(), address: '2001:db8::44' }] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.name).toBe('Bursztyn Handel Sp. z o.o.');
    expect(result.fields.dailyVolume).toBe(250000);
    expect(result.fields.tags).toEqual(['retail', 'b2c']);
    expect(result.fields.ipPools[0]!.ips).toEqual(['192.0.2.44', '2001:db8::44']);
    expect(result.fields.calendar.timeZone).toBe('Europe/Warsaw');
  });

  it('reports every problem at once, keyed by the draft field that has it', () => {
    const result = toFields({
      ...blank(),
      name: '',
      dailyVolume: 'lots',
      contacts: [contact(true), contact(true)],
      domains: [{ id: newId(), domain: 'not a domain' }],
      pools: [{ id: newId(), name: 'default', ips: [{ id: newId(), address: '999.1.2.3' }] }],
      holidays: [{ id: newId(), date: '2026-13-01' }],
      weekly: [{ day: 1, start: '17:00', end: '09:00' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      name: 'required',
      dailyVolume: 'number.invalid',
      contacts: 'contact.onePrimary',
      'domains.0.domain': 'domain.invalid',
      'pools.0.ips.0': 'ip.invalid',
      'holidays.0': 'date.invalid',
      'weekly.0.end': 'window.endBeforeStart',
    });
  });

  it('keeps an unknown time zone on the time-zone field', () => {
    const result = toFields({ ...blank(), name: 'X', timeZone: 'Mars/Olympus' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.timeZone).toBe('timeZone.invalid');
  });

  it('round-trips an account through the draft unchanged', () => {
    const fields = { ...emptyAccountFields('America/New_York'), name: 'Harbor Travel Inc.', dailyVolume: 1200, tags: ['b2b'] };
    const result = toFields(draftFromFields(fields));
    expect(result).toEqual({ ok: true, fields });
  });
});

describe('rows added and left empty', () => {
  it('are dropped on save instead of being reported as mistakes', () => {
    const draft = withoutBlankRows({
      ...blank(),
      name: 'Harbor Foods B.V.',
      holidays: [{ id: newId(), date: '' }, { id: newId(), date: '2026-12-25' }],
      domains: [{ id: newId(), domain: '  ' }],
      contacts: [{ ...contact(true), name: '' }, contact(false)],
      pools: [
        { id: newId(), name: 'default', ips: [{ id: newId(), address: '' }] },
        { id: newId(), name: 'marketing', ips: [{ id: newId(), address: '' }, { id: newId(), address: '192.0.2.9' }] },
      ],
    });
    expect(draft.holidays.map((h) => h.date)).toEqual(['2026-12-25']);
    expect(draft.domains).toEqual([]);
    expect(draft.contacts.map((c) => c.name)).toEqual(['Anna Nowak']);
    expect(draft.pools.map((p) => [p.name, p.ips.map((ip) => ip.address)])).toEqual([['marketing', ['192.0.2.9']]]);
    expect(toFields(draft).ok).toBe(true);
  });

  it('keeps a row with anything typed, so its mistake is shown', () => {
    const draft = withoutBlankRows({ ...blank(), name: 'X', domains: [{ id: newId(), domain: 'not a domain' }] });
    const result = toFields(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['domains.0.domain']).toBe('domain.invalid');
  });
});
