import { describe, expect, it } from 'vitest';
import { checkServerUrl, checkToken } from '../../../../renderer/data/sync/sync-config';

describe('checkServerUrl', () => {
  it.each([
    ['https://sync.example.com', 'https://sync.example.com'],
    ['  https://sync.example.com/  ', 'https://sync.example.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://example.com/tam/', 'https://example.com/tam'],
  ])('accepts %j as %j', (input, url) => {
    expect(checkServerUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['sync.example.com', 'invalid'],
    ['ftp://sync.example.com', 'protocol'],
    ['javascript:alert(1)', 'protocol'],
    ['file:///etc/passwd', 'protocol'],
    ['https://user:pw@sync.example.com', 'invalid'],
    ['https://sync.example.com/?x=1', 'invalid'],
    ['https://sync.example.com/#x', 'invalid'],
  ])('refuses %j (%s)', (input, error) => {
    expect(checkServerUrl(input)).toEqual({ ok: false, error });
  });
});

describe('checkToken', () => {
  it('trims a pasted token', () => expect(checkToken('  abc.def_123 \n')).toEqual({ ok: true, token: 'abc.def_123' }));
  it('wants one', () => expect(checkToken('  ')).toEqual({ ok: false, error: 'required' }));
  it('refuses inner spaces', () => expect(checkToken('abc def')).toEqual({ ok: false, error: 'invalid' }));
});
