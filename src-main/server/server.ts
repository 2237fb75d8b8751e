// The team server: Hocuspocus over PostgreSQL (and Redis when several instances serve the same dossiers).
import { Server, type Extension, type onRequestPayload } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import pg from 'pg';
import { InvitationAuth, type MemberContext } from './auth';
import { jsonLogger, type Logger } from './log';
import { migrate } from './schema';
import { PostgresStore } from './store';

export interface TeamServerOptions {
  port: number;
  /** Interface to bind; loopback unless told otherwise (a TLS reverse proxy sits in front). */
  host?: string;
  databaseUrl: string;
  redisUrl?: string;
  /** A name for this instance in logs and in Redis (defaults to host:port). */
  name?: string;
  log?: Logger;
}

export interface TeamServer {
  port: number;
  url: string;
  /** Stores every open dossier, closes connections, and ends the database pool. */
  stop: () => Promise<void>;
  /** Open documents (for RSS-per-dossier measurements and tests). */
  openDossiers: () => number;
}

/** host/port/password/db of a redis:// URL, for the Redis extension's ioredis client. */
export function redisOptions(url: string): { host: string; port: number; options: Record<string, unknown> } {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new Error(`--redis must be a redis:// URL (not ${u.protocol}//)`);
  const db = Number(u.pathname.slice(1) || 0);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    options: {
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(Number.isInteger(db) && db > 0 ? { db } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** A URL with its password replaced, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function healthHandler(pool: pg.Pool, openDossiers: () => number) {
  return async ({ request, response }: onRequestPayload): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    let status = 404;
    let body: Record<string, unknown> = { error: 'not found' };
    if (path === '/health') {
      const database = await pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      status = database ? 200 : 503;
      body = { ok: database, database, openDossiers: openDossiers() };
    }
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
    // Hocuspocus treats an empty rejection as "handled": it then skips its own welcome page.
    throw undefined;
  };
}

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const log = opts.log ?? jsonLogger();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
  pool.on('error', (err) => log('database.error', { message: err.message }));
  const version = await migrate(pool);
  const host = opts.host ?? '127.0.0.1';
  const auth = new InvitationAuth(pool, log);
  const extensions: Extension[] = [auth, new PostgresStore(pool)];
  const name = opts.name ?? `${host}:${opts.port}`;
  if (opts.redisUrl) {
    const r = redisOptions(opts.redisUrl);
    extensions.unshift(
      new Redis({ ...r, identifier: `${name}-${process.pid}-${Date.now()}`, prefix: 'corroborate' }),
    );
  }
  let server: Server<MemberContext> | null = null;
  const openDossiers = () => server?.hocuspocus.getDocumentsCount() ?? 0;
  server = new Server<MemberContext>({
    name,
    port: opts.port,
    address: host,
    quiet: true,
    stopOnSignals: false,
    debounce: 1000,
    maxDebounce: 5000,
    extensions,
    onRequest: healthHandler(pool, openDossiers),
    async connected({ documentName, context }) {
      log('dossier.joined', { dossier: documentName, member: context.memberName, role: context.role });
    },
    async onDisconnect({ documentName, context }) {
      log('dossier.left', { dossier: documentName, member: context.memberName ?? null });
    },
    async afterStoreDocument({ documentName }) {
      log('dossier.stored', { dossier: documentName });
    },
  });
  await server.listen();
  await auth.watchRevocations(server.hocuspocus);
  const port = server.address.port;
  log('server.started', {
    name,
    port,
    host,
    schemaVersion: version,
    database: redactUrl(opts.databaseUrl),
    redis: opts.redisUrl ? redactUrl(opts.redisUrl) : null,
  });
  const running = server;
  return {
    port,
    url: `ws://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    openDossiers,
    stop: async () => {
      await running.destroy();
      await auth.stop();
      await pool.end();
      log('server.stopped', { name });
    },
  };
}
