import { describe, expect, it } from 'vitest';
import { parseSecretStore, secretStorageRefusal, updateSecretStore } from '../../../electron/policy/secrets';

describe('secretStorageRefusal', () => {
  it('allows real OS encryption', () => {
    expect(secretStorageRefusal({ available: true, linuxBackend: null })).toBeNull();
    expect(secretStorageRefusal({ available: true, linuxBackend: 'gnome_libsecret' })).toBeNull();
    expect(secretStorageRefusal({ available: true, linuxBackend: 'kwallet6' })).toBeNull();
  });

  it('refuses when nothing would really be encrypted', () => {
    expect(secretStorageRefusal({ available: false, linuxBackend: null })).toMatch(/not available/);
    expect(secretStorageRefusal({ available: true, linuxBackend: 'basic_text' })).toMatch(/keyring/);
  });
});

describe('parseSecretStore', () => {
  it('reads a store of base64 values keyed by secret name', () => {
    expect(parseSecretStore('{"sync.token":"djEwAAAA+/8="}')).toEqual({ 'sync.token': 'djEwAAAA+/8=' });
  });

  it('reads a missing or damaged file as empty', () => {
    for (const text of [null, '', 'not json', '[]', '{"sync.token":42}', '{"sync.token":"plain text!"}', '{"Bad Key":"AA=="}']) {
      expect(parseSecretStore(text), String(text)).toEqual({});
    }
  });
});

describe('updateSecretStore', () => {
  it('sets, replaces and removes one key without touching the others or the input', () => {
    const store = { 'sync.token': 'AAAA', 'other.key': 'BBBB' };
    expect(updateSecretStore(store, 'sync.token', 'CCCC')).toEqual({ 'sync.token': 'CCCC', 'other.key': 'BBBB' });
    expect(updateSecretStore(store, 'new.key', 'DDDD')).toEqual({ ...store, 'new.key': 'DDDD' });
    expect(updateSecretStore(store, 'sync.token', null)).toEqual({ 'other.key': 'BBBB' });
    expect(updateSecretStore(store, 'absent', null)).toEqual(store);
    expect(store).toEqual({ 'sync.token': 'AAAA', 'other.key': 'BBBB' });
  });
});
