// The team server's PostgreSQL schema: numbered migrations applied once each, recorded in schema_version.
import type pg from 'pg';

/** Each entry is one released schema step; never edit a released step, add the next one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE dossiers (
     id text PRIMARY KEY,
     created_at timestamptz NOT NULL DEFAULT now(),
     snapshot bytea
   );
   CREATE TABLE members (
     id bigserial PRIMARY KEY,
     dossier_id text NOT NULL REFERENCES dossiers(id),
     name text NOT NULL,
     role text NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
     token_hash bytea NOT NULL UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now(),
     revoked_at timestamptz
   );
   CREATE INDEX members_dossier ON members(dossier_id);
   CREATE TABLE dossier_updates (
     id bigserial PRIMARY KEY,
     dossier_id text NOT NULL REFERENCES dossiers(id),
     update bytea NOT NULL,
     member_id bigint REFERENCES members(id),
     received_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX dossier_updates_dossier ON dossier_updates(dossier_id, id);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to SCHEMA_VERSION; safe to run from several server instances at once. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One instance migrates at a time; the others wait here and then find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock(1635021)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION)
      throw new Error(
        `the database schema is version ${current}, newer than this server (${SCHEMA_VERSION}): upgrade the server`,
      );
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      await client.query(MIGRATIONS[v - 1]!);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
    return SCHEMA_VERSION;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
