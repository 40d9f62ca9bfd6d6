import type { TFunction } from 'i18next';
import type { BackupProblem } from '@shared/backup';
import { SYNCED_TABLES } from '@shared/domain/tables';
import { validationMessage } from '../../ui/validation-message';

/**
 * Turns parseBackup's problems into sentences. Its messages are keys:
 * `backup.*` for the file as a whole (settings namespace), else a field's
 * validation message (ui/validation-message.ts).
 */
export function problemReason(t: TFunction, message: string): string {
  if (message.startsWith('backup.')) return t(`settings:${message}`, { defaultValue: message });
  return validationMessage(t, message);
}

/** "Accounts, record 3, field contacts.0.email", or '' for the file as a whole. */
export function problemLocation(t: TFunction, problem: BackupProblem): string {
  const parts: string[] = [];
  if (problem.table) parts.push(problem.table in SYNCED_TABLES ? t(`settings:backup.tables.${problem.table}`) : problem.table);
  if (problem.index !== null) parts.push(t('settings:backup.where.record', { row: problem.index + 1 }));
  if (problem.path) parts.push(t('settings:backup.where.field', { field: problem.path }));
  return parts.join(', ');
}

export function describeProblem(t: TFunction, problem: BackupProblem): string {
  const where = problemLocation(t, problem);
  const reason = problemReason(t, problem.message);
  return where ? `${where}: ${reason}` : reason;
}

/** The sentence after "This file was not imported:". */
export function refusalReason(t: TFunction, problems: readonly BackupProblem[]): string {
  if (problems.length === 1) return describeProblem(t, problems[0]!);
  return t('settings:backup.problems', { count: problems.length });
}
