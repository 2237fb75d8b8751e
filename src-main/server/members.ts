// Members of shared dossiers: invitation tokens (only their SHA-256 is stored), roles, listing and revocation.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { formatInvitation, isDossierId, parseInvitation, type MemberRole } from '../shared/team';

export interface Member {
  id: number;
  dossierId: string;
  name: string;
  role: MemberRole;
  createdAt: Date;
  revokedAt: Date | null;
}

interface MemberRow {
  id: string;
  dossier_id: string;
  name: string;
  role: MemberRole;
  created_at: Date;
  revoked_at: Date | null;
}

function toMember(row: MemberRow): Member {
  return {
    id: Number(row.id),
    dossierId: row.dossier_id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Adds a member (creating the dossier on its first member) and returns the invitation, shown once. */
export async function addMember(
  pool: pg.Pool,
  dossierId: string,
  name: string,
  role: MemberRole,
): Promise<{ member: Member; invitation: string }> {
  if (!isDossierId(dossierId))
    throw new Error(`"${dossierId}" is not a dossier id (letters, digits, - and _, at most 64)`);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw new Error('a member needs a name (at most 200 characters)');
  const secret = randomBytes(32).toString('base64url');
  await pool.query('INSERT INTO dossiers (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [dossierId]);
  const { rows } = await pool.query<MemberRow>(
    `INSERT INTO members (dossier_id, name, role, token_hash) VALUES ($1, $2, $3, $4)
     RETURNING id, dossier_id, name, role, created_at, revoked_at`,
    [dossierId, trimmed, role, hashSecret(secret)],
  );
  return { member: toMember(rows[0]!), invitation: formatInvitation({ dossierId, secret }) };
}

export async function listMembers(pool: pg.Pool, dossierId: string): Promise<Member[]> {
  const { rows } = await pool.query<MemberRow>(
    'SELECT id, dossier_id, name, role, created_at, revoked_at FROM members WHERE dossier_id = $1 ORDER BY id',
    [dossierId],
  );
  return rows.map(toMember);
}

/** Revokes every live invitation of NAME in the dossier; returns how many were revoked. */
export async function revokeMember(pool: pg.Pool, dossierId: string, name: string): Promise<number> {
  const { rowCount } = await pool.query(
    'UPDATE members SET revoked_at = now() WHERE dossier_id = $1 AND name = $2 AND revoked_at IS NULL',
    [dossierId, name.trim()],
  );
  if (rowCount) await pool.query('SELECT pg_notify($1, $2)', ['corroborate_revoked', dossierId]);
  return rowCount ?? 0;
}

export type TokenCheck =
  { ok: true; member: Member } | { ok: false; reason: 'malformed' | 'wrong-dossier' | 'unknown' | 'revoked' };

/** Checks an invitation for a dossier: the secret's hash must belong to a live member of that dossier. */
export async function checkInvitation(pool: pg.Pool, dossierId: string, token: string): Promise<TokenCheck> {
  const inv = parseInvitation(token);
  if (!inv) return { ok: false, reason: 'malformed' };
  if (inv.dossierId !== dossierId) return { ok: false, reason: 'wrong-dossier' };
  const { rows } = await pool.query<MemberRow>(
    'SELECT id, dossier_id, name, role, created_at, revoked_at FROM members WHERE token_hash = $1 AND dossier_id = $2',
    [hashSecret(inv.secret), dossierId],
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  return { ok: true, member: toMember(row) };
}

/** Is this member still live (not revoked since they connected)? */
export async function isMemberLive(pool: pg.Pool, memberId: number): Promise<boolean> {
  const { rows } = await pool.query('SELECT 1 FROM members WHERE id = $1 AND revoked_at IS NULL', [memberId]);
  return rows.length > 0;
}
