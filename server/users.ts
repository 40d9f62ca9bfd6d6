import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db';

/**
 * Teams and users. A user's token is 32 random bytes (base64url), shown once;
 * the database keeps only its SHA-256 hash, so a leaked database yields no
 * usable token. A user belongs to exactly one team, and every request acts for
 * that team: the team always comes from the token, never from a payload.
 */
export type AuthUser = { userId: number; name: string; teamId: number; team: string };
export type UserListing = { name: string; team: string; createdAt: string; revokedAt: string | null };

export const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export class UserError extends Error {}

/** Creates the user (and the team when missing); returns the token, which is never stored. */
export async function addUser(db: Queryable, name: string, team: string): Promise<string> {
  if (!USER_NAME.test(name)) throw new UserError(`Invalid user name "${name}": letters, digits, space . _ @ - (at most 64).`);
  if (!USER_NAME.test(team)) throw new UserError(`Invalid team name "${team}": letters, digits, space . _ @ - (at most 64).`);
  const existing = await db.query('SELECT 1 FROM users WHERE name = $1', [name]);
  if (existing.length > 0) throw new UserError(`User "${name}" already exists.`);
  await db.query('INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [team]);
  const [teamRow] = await db.query<{ id: number | string }>('SELECT id FROM teams WHERE name = $1', [team]);
  if (!teamRow) throw new Error(`team ${team} vanished`);
  const token = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO users (name, team_id, token_hash) VALUES ($1, $2, $3)', [name, teamRow.id, hashToken(token)]);
  return token;
}

/** Revokes the user's token; returns false when there is no such user. */
export async function revokeUser(db: Queryable, name: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE users SET revoked_at = coalesce(revoked_at, now()) WHERE name = $1 RETURNING id',
    [name],
  );
  return rows.length > 0;
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const rows = await db.query<{ name: string; team: string; created_at: Date | string; revoked_at: Date | string | null }>(
    `SELECT u.name, t.name AS team, u.created_at, u.revoked_at
       FROM users u JOIN teams t ON t.id = u.team_id ORDER BY t.name, u.name`,
  );
  const iso = (d: Date | string) => new Date(d).toISOString();
  return rows.map((r) => ({ name: r.name, team: r.team, createdAt: iso(r.created_at), revokedAt: r.revoked_at ? iso(r.revoked_at) : null }));
}

export type AuthResult = { ok: true; user: AuthUser } | { ok: false; code: 'unauthorized' | 'token_revoked' };

export async function authenticate(db: Queryable, token: string): Promise<AuthResult> {
  const [row] = await db.query<{ id: number | string; name: string; team_id: number | string; team: string; revoked_at: unknown }>(
    `SELECT u.id, u.name, u.team_id, t.name AS team, u.revoked_at
       FROM users u JOIN teams t ON t.id = u.team_id WHERE u.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return { ok: false, code: 'unauthorized' };
  if (row.revoked_at) return { ok: false, code: 'token_revoked' };
  return { ok: true, user: { userId: Number(row.id), name: row.name, teamId: Number(row.team_id), team: row.team } };
}
