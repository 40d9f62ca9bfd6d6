import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../renderer/i18n';
import { progressPercent, statusLine } from '../../../../renderer/features/sync/sync-text';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const line = (lng: 'en' | 'pl', inputs: Omit<Parameters<typeof statusLine>[2], 'language' | 'now'>) =>
  statusLine(i18n.getFixedT(lng, 'sync'), i18n.getFixedT(lng)('connection.offline'), { ...inputs, language: lng, now: NOW });

describe('the sync status line', () => {
  const base = { pending: 0, lastSyncedAt: '2026-03-02T09:58:00Z', serverUrl: 'https://sync.example.com' };
  it('says up to date and when', () => {
    expect(line('en', { ...base, status: { kind: 'up-to-date' } })).toBe('Up to date · synced 2 min ago');
  });
  it('counts the changes waiting', () => {
    expect(line('en', { ...base, pending: 3, status: { kind: 'up-to-date' } })).toMatch(/^3 changes waiting · synced/);
    expect(line('pl', { ...base, pending: 3, status: { kind: 'up-to-date' } })).toMatch(/^3 zmiany czekają/);
    expect(line('pl', { ...base, pending: 5, status: { kind: 'offline' } })).toMatch(/5 zmian czeka$/);
  });
  it('says how many changes are set aside, whatever else it says', () => {
    expect(line('en', { ...base, setAside: 2, status: { kind: 'up-to-date' } })).toBe('Up to date · synced 2 min ago · 2 changes set aside');
    expect(line('pl', { ...base, setAside: 5, status: { kind: 'offline' } })).toMatch(/5 zmian odłożonych$/);
  });
  it('shows progress', () => {
    expect(line('en', { ...base, status: { kind: 'syncing', progress: { phase: 'pull', done: 45, total: 100 } } })).toBe('Syncing 45%');
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ phase: 'pull', done: 0, total: 0 })).toBeNull();
  });
  it.each([
    ['token_revoked', 'Your access was revoked: sign in again'],
    ['unauthorized', 'This token is not valid'],
    ['client_too_old', 'The server needs a newer TAM Desk: update the app'],
    ['offline', 'Cannot reach the server at https://sync.example.com'],
    ['clock_skew', 'This computer’s clock is more than 5 minutes ahead of the server’s: fix this computer’s clock, then sync again'],
  ] as const)('explains %s', (code, text) => {
    expect(line('en', { ...base, status: { kind: 'error', code, message: '', retryInMs: null } })).toBe(text);
  });
});
