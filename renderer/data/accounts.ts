import type { ZodError } from 'zod';
import { accountFieldsSchema, type Account, type AccountFields } from '@shared/domain/account';
import { newId } from '@shared/ids';
import type { TamDeskDb } from './db';
import { createRecords, writeRecord, type WriteOptions } from './write';

/**
 * A form's input failed the shared schema: the issues say which field and why
 * (the message is a key of common:error where the schema gives one; see
 * ui/validation-message.ts).
 */
export class ValidationError extends Error {
  constructor(readonly issues: { path: (string | number)[]; message: string }[]) {
    super(`Invalid input: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }

  /** The one mapping of a zod error into issues. */
  static of(error: ZodError): ValidationError {
    return new ValidationError(error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), message: i.message })));
  }
}

function validate(fields: AccountFields): AccountFields {
  const parsed = accountFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    throw ValidationError.of(parsed.error);
  }
  return parsed.data;
}

export async function createAccount(db: TamDeskDb, fields: AccountFields, options?: WriteOptions): Promise<Account> {
  return writeRecord<Account>(db, 'accounts', 'create', newId(), { ...validate(fields), archivedAt: null }, options);
}

export async function updateAccount(db: TamDeskDb, id: string, fields: AccountFields, options?: WriteOptions): Promise<Account> {
  return writeRecord<Account>(db, 'accounts', 'update', id, validate(fields), options);
}

/** Archive, never delete: the account may already be on the team's server. */
export async function archiveAccount(db: TamDeskDb, id: string, options: WriteOptions = {}): Promise<Account> {
  return writeRecord<Account>(db, 'accounts', 'archive', id, { archivedAt: (options.now ?? new Date()).toISOString() }, options);
}

export async function restoreAccount(db: TamDeskDb, id: string, options?: WriteOptions): Promise<Account> {
  return writeRecord<Account>(db, 'accounts', 'restore', id, { archivedAt: null }, options);
}

/** Adds whole accounts (demo data, a backup), validated, in one transaction. */
export async function addAccounts(db: TamDeskDb, accounts: Account[], options?: WriteOptions): Promise<number> {
  // Store what the schema made of each account (trimmed, lower-cased), as createAccount does.
  const valid = accounts.map((a) => ({ ...a, ...validate(a) }));
  return createRecords(db, 'accounts', valid, options);
}

