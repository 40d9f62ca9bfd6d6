import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from '@shared/host';
import { HOST_ARGUMENTS, isTrustedSender, parseHostCall } from '../../../electron/policy/ipc';

const trusted = { frameUrl: 'app://tam-desk/index.html', isMainFrame: true, fromAppWindow: true };

describe('isTrustedSender', () => {
  it('trusts the top frame of the app window on the app origin', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://tam-desk/accounts/42?tab=contacts' })).toBe(true);
  });

  it('refuses other origins, sub-frames, other windows and vanished frames', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: 'https://example.com/' })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'file:///tmp/evil.html' })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://evil/index.html' })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'about:blank' })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, fromAppWindow: false })).toBe(false);
  });
});

describe('parseHostCall', () => {
  it('has a schema for every channel of the contract', () => {
    expect(Object.keys(HOST_ARGUMENTS).sort()).toEqual(Object.keys(HOST_CHANNELS).sort());
  });

  it('accepts well-formed calls and applies defaults', () => {
    expect(parseHostCall('appVersion', [])).toEqual({ ok: true, args: [] });
    expect(
      parseHostCall('saveFile', [{ suggestedName: 'warm-up plan.csv', mimeType: 'text/csv', data: 'day,volume\n1,500' }]),
    ).toEqual({
      ok: true,
      args: [{ suggestedName: 'warm-up plan.csv', mimeType: 'text/csv', data: 'day,volume\n1,500', encoding: 'utf8' }],
    });
    expect(parseHostCall('openFile', [{ title: 'Import backup', extensions: ['json'] }])).toMatchObject({ ok: true });
    expect(parseHostCall('printToPdf', ['Plan - Acme.pdf'])).toEqual({ ok: true, args: ['Plan - Acme.pdf'] });
    expect(parseHostCall('notify', [{ title: 'SLA at risk', body: 'Case 12 is due in 30 min' }])).toMatchObject({ ok: true });
    expect(parseHostCall('openExternal', ['https://example.com/'])).toMatchObject({ ok: true });
    expect(parseHostCall('composeEmail', [{ to: ['ops@example.com'], subject: 'Update', body: 'Hello' }])).toMatchObject({ ok: true });
    expect(parseHostCall('getSecret', ['sync.token'])).toEqual({ ok: true, args: ['sync.token'] });
    expect(parseHostCall('setSecret', ['sync.token', 'abc'])).toEqual({ ok: true, args: ['sync.token', 'abc'] });
    expect(parseHostCall('setSecret', ['sync.token', null])).toEqual({ ok: true, args: ['sync.token', null] });
  });

  it('rejects missing, extra and mistyped arguments with the channel named', () => {
    const cases: [Parameters<typeof parseHostCall>[0], unknown[]][] = [
      ['appVersion', ['unexpected']],
      ['saveFile', []],
      ['saveFile', ['plan.csv']],
      ['saveFile', [{ suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' }]],
      ['saveFile', [{ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', encoding: 'latin1' }]],
      ['openFile', [{ title: 'Import', extensions: ['../exe'] }]],
      ['printToPdf', ['C:\\Windows\\evil.pdf']],
      ['printToPdf', ['']],
      ['notify', [{ title: '', body: 'x' }]],
      ['openExternal', ['http://example.com/']],
      ['openExternal', ['javascript:alert(1)']],
      ['composeEmail', [{ to: ['not an address'], subject: '', body: '' }]],
      ['composeEmail', [{ to: ['a@example.com'], subject: '', body: '', cc: ['x@example.com'] }, 'extra']],
      ['composeEmail', ['mailto:a@example.com']],
      ['openExternal', ['file:///etc/passwd']],
      ['openExternal', [{ toString: () => 'https://example.com' }]],
      ['getSecret', ['../secrets']],
      ['getSecret', ['Sync.Token']],
      ['setSecret', ['sync.token']],
      ['setSecret', ['sync.token', 42]],
      ['setSecret', ['sync.token', 'x'.repeat(8193)]],
      ['getSecret', ['sync.token', 'extra']],
    ];
    for (const [method, args] of cases) {
      const result = parseHostCall(method, args);
      expect(result.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
      if (!result.ok) expect(result.error).toContain(`Invalid arguments for ${HOST_CHANNELS[method]}:`);
    }
  });

  it('says which argument is wrong', () => {
    const result = parseHostCall('notify', [{ title: 'x', body: 7 }]);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/args\.0\.body/);
  });
});
