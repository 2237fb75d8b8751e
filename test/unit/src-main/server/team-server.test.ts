// The team server against real PostgreSQL and Redis: invitations, roles, two instances, health, logs.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, revokeMember } from '../../../../src-main/server/members';
import { migrate, SCHEMA_VERSION } from '../../../../src-main/server/schema';
import { startTeamServer, type TeamServer } from '../../../../src-main/server/server';
import { REFUSALS } from '../../../../src-main/server/auth';
import { parseInvitation } from '../../../../src-main/shared/team';
import { connect, until, type TestClient } from './client';
import { freshDossier, startServices, type Services } from '../../helpers/team-services';

let services: Services;
let pool: pg.Pool;
let a: TeamServer;
let b: TeamServer;
const logLines: string[] = [];
const clients: TestClient[] = [];

function client(server: TeamServer, dossier: string, token: string): TestClient {
  const c = connect(server.url, dossier, token);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  services = await startServices();
  pool = new pg.Pool({ connectionString: services.pg, max: 3 });
  const log = (event: string, fields?: Record<string, unknown>) =>
    logLines.push(JSON.stringify({ event, ...fields }));
  a = await startTeamServer({ port: 0, databaseUrl: services.pg, redisUrl: services.redis, name: 'a', log });
  b = await startTeamServer({ port: 0, databaseUrl: services.pg, redisUrl: services.redis, name: 'b', log });
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await a?.stop();
  await b?.stop();
  await pool?.end();
  await services?.stop();
}, 120_000);

describe('schema', () => {
  it('is created on start, versioned, and migrating again changes nothing', async () => {
    expect(await migrate(pool)).toBe(SCHEMA_VERSION);
    const { rows } = await pool.query<{ version: number }>(
      'SELECT version FROM schema_version ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('stores invitations only as hashes', async () => {
    const dossier = freshDossier('hash');
    const { invitation } = await addMember(pool, dossier, 'Hana', 'editor');
    const secret = parseInvitation(invitation)!.secret;
    const { rows } = await pool.query<{ t: string }>(
      'SELECT members::text AS t FROM members WHERE dossier_id = $1',
      [dossier],
    );
    expect(rows[0]!.t).not.toContain(secret);
    expect(rows[0]!.t).not.toContain(Buffer.from(secret).toString('hex'));
  });
});

describe('sync between two instances through Redis', () => {
  it("shows one editor's change to another editor connected to the other instance", async () => {
    const dossier = freshDossier('sync');
    const alice = await addMember(pool, dossier, 'Alice', 'owner');
    const bob = await addMember(pool, dossier, 'Bob', 'editor');
    const ca = client(a, dossier, alice.invitation);
    const cb = client(b, dossier, bob.invitation);
    await Promise.all([ca.ready, cb.ready]);
    ca.doc.getMap('annotations').set('n1', 'Bogdanov is not a reliable relay');
    await until(() => cb.doc.getMap('annotations').get('n1') !== undefined, 20_000, 'the note on instance b');
    expect(cb.doc.getMap('annotations').get('n1')).toBe('Bogdanov is not a reliable relay');
  });

  it("keeps a reader's edits off the server and away from others", async () => {
    const dossier = freshDossier('reader');
    const owner = await addMember(pool, dossier, 'Olga', 'owner');
    const reader = await addMember(pool, dossier, 'Rita', 'reader');
    const co = client(a, dossier, owner.invitation);
    const cr = client(b, dossier, reader.invitation);
    await Promise.all([co.ready, cr.ready]);
    cr.doc.getMap('annotations').set('forged', 'a reader wrote this');
    co.doc.getMap('annotations').set('real', 'the owner wrote this');
    await until(() => cr.doc.getMap('annotations').has('real'), 20_000, 'the owner note at the reader');
    await co.acknowledged();
    expect(co.doc.getMap('annotations').has('forged')).toBe(false);
    const stored = await pool.query(
      'SELECT count(*)::int AS n FROM dossier_updates u JOIN members m ON m.id = u.member_id WHERE m.name = $1 AND u.dossier_id = $2',
      ['Rita', dossier],
    );
    expect(stored.rows[0].n).toBe(0);
    // A fresh editor connection sees the owner's note and not the reader's.
    const fresh = client(b, dossier, owner.invitation);
    await fresh.ready;
    expect(fresh.doc.getMap('annotations').toJSON()).toEqual({ real: 'the owner wrote this' });
  });
});

describe('refusals', () => {
  it('refuses a wrong token, a token for another dossier and a revoked one, each with its own message', async () => {
    const dossier = freshDossier('refuse');
    const other = freshDossier('other');
    const m = await addMember(pool, dossier, 'Mo', 'editor');
    const elsewhere = await addMember(pool, other, 'Mo', 'editor');
    const forged = m.invitation.slice(0, -4) + 'AAAA';
    await expect(client(a, dossier, forged).ready).rejects.toThrow(REFUSALS.unknown);
    await expect(client(a, dossier, 'hunter2').ready).rejects.toThrow(REFUSALS.malformed);
    await expect(client(a, dossier, elsewhere.invitation).ready).rejects.toThrow(REFUSALS['wrong-dossier']);
    await revokeMember(pool, dossier, 'Mo');
    await expect(client(b, dossier, m.invitation).ready).rejects.toThrow(REFUSALS.revoked);
  });

  it('closes a live session when its member is revoked', async () => {
    const dossier = freshDossier('live');
    const m = await addMember(pool, dossier, 'Lev', 'editor');
    const c = client(a, dossier, m.invitation);
    await c.ready;
    const reasons: string[] = [];
    c.provider.on('close', ({ event }: { event: { reason: string } }) => reasons.push(event.reason));
    await revokeMember(pool, dossier, 'Lev');
    await until(() => reasons.includes(REFUSALS.revoked), 20_000, 'the session to close');
    c.doc.getMap('annotations').set('late', 'written after revocation');
    await new Promise((r) => setTimeout(r, 1500));
    const fresh = await pool.query('SELECT count(*)::int AS n FROM dossier_updates WHERE dossier_id = $1', [
      dossier,
    ]);
    const seen = client(b, dossier, (await addMember(pool, dossier, 'Auditor', 'reader')).invitation);
    await seen.ready;
    expect(seen.doc.getMap('annotations').has('late')).toBe(false);
    expect(fresh.rows[0].n).toBe(0);
  });
});

describe('operations', () => {
  it('answers /health with the database state and nothing else', async () => {
    const res = await fetch(`http://127.0.0.1:${a.port}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: true });
    expect((await fetch(`http://127.0.0.1:${a.port}/anything`)).status).toBe(404);
  });

  it('never writes an invitation or its secret to the log', async () => {
    const dossier = freshDossier('logs');
    const m = await addMember(pool, dossier, 'Lina', 'editor');
    const c = client(a, dossier, m.invitation);
    await c.ready;
    await expect(client(a, dossier, `${m.invitation}x`).ready).rejects.toThrow();
    const secret = parseInvitation(m.invitation)!.secret;
    expect(logLines.some((l) => l.includes('auth.accepted') && l.includes('Lina'))).toBe(true);
    expect(logLines.some((l) => l.includes('auth.refused'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(secret.slice(0, 16));
  });
});
