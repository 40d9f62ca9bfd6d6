import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../renderer/i18n';
import { describeProblem, problemReason, refusalReason } from '../../../../renderer/features/settings/backup-problems';

const en = i18n.cloneInstance({ lng: 'en' });
const pl = i18n.cloneInstance({ lng: 'pl' });

describe('backup problems', () => {
  it('translates backup keys and field error keys', () => {
    expect(problemReason(en.t, 'backup.notJson')).toBe('it is not a JSON file.');
    expect(problemReason(pl.t, 'backup.notBackup')).toBe('to nie jest kopia zapasowa TAM Desk.');
    expect(problemReason(en.t, 'email.invalid')).toBe('Not a valid email address.');
  });

  it("shows zod's own text after a translated 'not valid'", () => {
    expect(problemReason(en.t, 'Invalid input: expected string, received undefined')).toBe(
      'This value is not valid. (Invalid input: expected string, received undefined)',
    );
  });

  it('says where the problem is', () => {
    expect(describeProblem(en.t, { table: 'accounts', index: 2, path: 'contacts.0.email', message: 'email.invalid' })).toBe(
      'Accounts, record 3, field contacts.0.email: Not a valid email address.',
    );
    expect(describeProblem(pl.t, { table: 'accounts', index: 0, path: 'id', message: 'backup.duplicateId' })).toBe(
      'Konta, rekord 1, pole id: ten sam rekord występuje dwa razy.',
    );
  });

  it('gives one reason for one problem and a count for several', () => {
    const one = [{ table: '', index: null, path: '', message: 'backup.notJson' }];
    expect(en.t('settings:backup.refused', { reason: refusalReason(en.t, one) })).toBe('This file was not imported: it is not a JSON file.');
    const three = [...one, ...one, ...one];
    expect(refusalReason(en.t, three)).toBe('it has 3 problems:');
    expect(refusalReason(pl.t, three)).toBe('ma 3 problemy:');
  });
});
