// A team server killed with SIGKILL mid-session and restarted has lost nothing it acknowledged.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../../../../src-main/server/members';
import { migrate } from '../../../../src-main/server/schema';
import { connect, type TestClient } from './client';
import {
  freshDossier,
  serverProcess,
  startServices,
  type ServerProcess,
  type Services,
} from '../../helpers/team-services';

let services: Services;
let pool: pg.Pool;
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  services = await startServices();
  pool = new pg.Pool({ connectionString: services.pg, max: 2 });
  await migrate(pool);
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(servers.map((s) => s.kill()));
  await pool?.end();
  await services?.stop();
}, 120_000);

it('keeps every acknowledged edit when the server is killed and restarted', async () => {
  const dossier = freshDossier('kill');
  const { invitation } = await addMember(pool, dossier, 'Kim', 'editor');
  const first = await serverProcess(services.pg);
  servers.push(first);
  const writer = connect(first.url, dossier, invitation);
  clients.push(writer);
  await writer.ready;
  const notes = writer.doc.getMap<string>('annotations');
  for (let i = 0; i < 40; i++) notes.set(`n${i}`, `note ${i}`);
  await writer.acknowledged();
  // Killed at once: no debounced store has run; only the per-update log can have kept these.
  await first.kill();
  writer.close();
  const second = await serverProcess(services.pg, { port: first.port });
  servers.push(second);
  const reader = connect(second.url, dossier, invitation);
  clients.push(reader);
  await reader.ready;
  const after = reader.doc.getMap<string>('annotations').toJSON();
  expect(Object.keys(after)).toHaveLength(40);
  expect(after.n39).toBe('note 39');
}, 240_000);
