import { describe, expect, it } from 'vitest';
import { openFileSizeError, saveDialogFilters, withExtension } from '../../../electron/policy/files';

describe('saveDialogFilters', () => {
  it("offers the suggested name's own type", () => {
    expect(saveDialogFilters('warm-up plan.csv')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(saveDialogFilters('Backup 2025-01-31.JSON')).toEqual([{ name: 'JSON', extensions: ['json'] }]);
  });

  it('offers no filter for a name without an extension', () => {
    expect(saveDialogFilters('notes')).toEqual([]);
    expect(saveDialogFilters('v1.')).toEqual([]);
  });
});

describe('withExtension', () => {
  it('adds the extension once', () => {
    expect(withExtension('Plan - Acme', 'pdf')).toBe('Plan - Acme.pdf');
    expect(withExtension('Plan - Acme.pdf', 'pdf')).toBe('Plan - Acme.pdf');
    expect(withExtension('Plan - Acme.PDF', 'pdf')).toBe('Plan - Acme.PDF');
    expect(withExtension('plan.csv', 'pdf')).toBe('plan.csv.pdf');
  });
});

describe('openFileSizeError', () => {
  it('accepts files up to 50 MB', () => {
    expect(openFileSizeError(0)).toBeNull();
    expect(openFileSizeError(50 * 1024 * 1024)).toBeNull();
  });

  it('explains why a larger file is refused', () => {
    expect(openFileSizeError(50 * 1024 * 1024 + 1)).toBe('The file is 50.0 MB; files over 50 MB cannot be opened.');
    expect(openFileSizeError(120 * 1024 * 1024)).toContain('120.0 MB');
  });
});
