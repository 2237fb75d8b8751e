// A team server killed with SIGKILL mid-session and restarted has lost nothing it acknowledged.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../../../src-main/server/members';
import { migrate } from '../../../src-main/server/schema';
import { connect, until, type TestClient } from './client';
import { freshDossier, startServices, type Services } from './services';

const root = resolve(import.meta.dirname, '../../..');
let services: Services;
let pool: pg.Pool;
const children: ChildProcess[] = [];
const clients: TestClient[] = [];

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts `npm run server`'s entry as a real process and waits for its health endpoint. */
async function serverProcess(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/server/main.ts', '--port', String(port), '--database', services.pg],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.push(child);
  const end = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > end || child.exitCode !== null) throw new Error('the team server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  services = await startServices();
  pool = new pg.Pool({ connectionString: services.pg, max: 2 });
  await migrate(pool);
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const child of children) child.kill('SIGKILL');
  await pool?.end();
  await services?.stop();
}, 120_000);

it('keeps every acknowledged edit when the server is killed and restarted', async () => {
  const dossier = freshDossier('kill');
  const { invitation } = await addMember(pool, dossier, 'Kim', 'editor');
  const port = await freePort();
  const first = await serverProcess(port);
  const writer = connect(`ws://127.0.0.1:${port}`, dossier, invitation);
  clients.push(writer);
  await writer.ready;
  const notes = writer.doc.getMap<string>('annotations');
  for (let i = 0; i < 40; i++) notes.set(`n${i}`, `note ${i}`);
  await writer.acknowledged();
  // Killed at once: no debounced store has run; only the per-update log can have kept these.
  first.kill('SIGKILL');
  await until(() => first.exitCode !== null || first.signalCode !== null, 10_000, 'the server to die');
  writer.close();
  await serverProcess(port);
  const reader = connect(`ws://127.0.0.1:${port}`, dossier, invitation);
  clients.push(reader);
  await reader.ready;
  const after = reader.doc.getMap<string>('annotations').toJSON();
  expect(Object.keys(after)).toHaveLength(40);
  expect(after.n39).toBe('note 39');
}, 240_000);
