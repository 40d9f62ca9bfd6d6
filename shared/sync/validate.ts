import { z } from 'zod';
import { SYNCED_TABLES, type SyncedTable } from '../domain/tables';
import { textProblem } from '../text';
import { changeSchema, type Change } from './change';

/**
 * Whether a change may enter the team's log (the server, on push) or a
 * replica (the client, on pull): the change's own shape, then every field its
 * patch sets against its table's schema (`SYNCED_TABLES`). One bad field
 * refuses the whole change, never the others beside it.
 *
 * Checked per field, not per record: a patch sets some fields, and rules that
 * span fields (one primary contact) are the forms' and the record schema's.
 * Text anywhere in a value must be storable everywhere: no NUL (PostgreSQL's
 * jsonb cannot hold it) and no lone UTF-16 surrogate (half an emoji); numbers
 * must be finite (JSON has no Infinity: it would come back as null).
 */
export type ChangeProblem = {
  table: string | null;
  recordId: string | null;
  /** The field the problem is in, as a dotted path (`contacts.0.email`), or the change's own key (`hlc`). */
  field: string;
  message: string;
};

export type ChangeCheck = { ok: true; change: Change } | { ok: false; problem: ChangeProblem };

/** Patch keys that are not fields: the record's own bookkeeping. */
const NOT_FIELDS = new Set(['clocks']);

const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.');

type Unstorable = { path: string; message: string };
const at = (path: readonly string[], message: string): Unstorable => ({ path: pathText(path), message });

/**
 * The first value inside `value` that no replica can store, with its path;
 * null when all is well. The path is a stack pushed and popped on the way,
 * and made text only for a value that fails: a pulled account is hundreds of
 * values, nearly always all fine.
 */
export function unstorable(value: unknown, path: string[] = [], depth = 0): Unstorable | null {
  if (depth > 32) return at(path, 'nested too deeply');
  switch (typeof value) {
    case 'string': {
      const problem = textProblem(value);
      return problem ? at(path, problem) : null;
    }
    case 'number':
      return Number.isFinite(value) ? null : at(path, 'not a finite number');
    case 'boolean':
      return null;
    case 'object': {
      if (value === null) return null;
      const array = Array.isArray(value);
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        path.push(key);
        const keyProblem = array ? null : textProblem(key);
        const found = keyProblem ? at(path, keyProblem) : unstorable((value as Record<string, unknown>)[key], path, depth + 1);
        path.pop();
        if (found) return found;
      }
      return null;
    }
    default:
      return at(path, `not a JSON value (${typeof value})`);
  }
}

/** The field schemas of a synced table. */
function fieldsOf(table: SyncedTable): Record<string, z.ZodType> {
  return (SYNCED_TABLES[table].schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/**
 * A table's fields as one optional-field object schema, built once: parsing
 * a patch with it passes exactly when every field the patch sets (none
 * undefined) passes its own schema, in one call instead of one a field. The
 * table's record-wide refinements are not part of it, as in the check a field.
 */
const patchSchemas = new Map<SyncedTable, z.ZodType>();
function patchSchemaOf(table: SyncedTable): z.ZodType {
  let schema = patchSchemas.get(table);
  if (!schema) patchSchemas.set(table, (schema = z.object(fieldsOf(table)).partial()));
  return schema;
}

export function checkChange(input: unknown): ChangeCheck {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const table = typeof raw.table === 'string' ? raw.table : null;
  const recordId = typeof raw.recordId === 'string' ? raw.recordId : null;
  const fail = (field: string, message: string): ChangeCheck => ({ ok: false, problem: { table, recordId, field, message } });

  const parsed = changeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(pathText(issue.path) || '(change)', issue.message);
  }
  const change = parsed.data;
  const spec = SYNCED_TABLES[change.table as SyncedTable];
  if (spec.merge === 'append-only' && change.op !== 'create') return fail('op', `${change.table} records are written once: only 'create' is allowed, not '${change.op}'`);

  const fields = fieldsOf(change.table as SyncedTable);
  const entries = Object.entries(change.patch);
  for (const [field, value] of entries) {
    if (NOT_FIELDS.has(field) || !Object.hasOwn(fields, field)) return fail(field, `not a field of ${change.table}`);
    if (field === 'id' && value !== change.recordId) return fail('id', 'differs from the change\'s recordId');
  }
  // The whole patch at once, the common case; anything amiss is looked at
  // field by field, in the patch's order, to name the first problem.
  if (entries.every(([, value]) => value !== undefined && unstorable(value) === null) && patchSchemaOf(change.table as SyncedTable).safeParse(change.patch).success) {
    return { ok: true, change };
  }
  for (const [field, value] of entries) {
    const bad = unstorable(value, [field]);
    if (bad) return fail(bad.path, bad.message);
    const checked = fields[field]!.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return fail(pathText([field, ...issue.path]), issue.message);
    }
  }
  return { ok: true, change };
}
