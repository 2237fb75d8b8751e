// Real PostgreSQL and Redis for the team-server tests: from CI's env vars, else started here from the Debian binaries.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const script = resolve(root, '.ci/team-services.sh');

export interface Services {
  pg: string;
  redis: string;
  stop: () => Promise<void>;
}

/**
 * CI exports CORROBORATE_TEST_PG and CORROBORATE_TEST_REDIS (.ci/run). Without them the servers are started on
 * free loopback ports in a temporary folder; when neither is possible the caller's test fails (never skips).
 */
export async function startServices(): Promise<Services> {
  const pg = process.env.CORROBORATE_TEST_PG;
  const redis = process.env.CORROBORATE_TEST_REDIS;
  if (pg && redis) return { pg, redis, stop: async () => undefined };
  const { stdout } = await run(script, ['start'], { timeout: 120_000 });
  const env = Object.fromEntries(
    [...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  );
  const dir = env.CORROBORATE_TEST_SERVICES_DIR!;
  return {
    pg: env.CORROBORATE_TEST_PG!,
    redis: env.CORROBORATE_TEST_REDIS!,
    stop: async () => {
      await run(script, ['stop', dir], { timeout: 60_000 });
    },
  };
}

/** A dossier id no other test uses. */
export function freshDossier(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A free loopback port (for a server that must come back on the same address after a restart). */
export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook, no debounced store runs; resolves once the process is gone. */
  kill: () => Promise<void>;
}

/** Starts `npm run server`'s entry as a real process (optionally behind Redis) and waits for its health endpoint. */
export async function serverProcess(
  databaseUrl: string,
  opts: { port?: number; redisUrl?: string } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const args = [
    '--import',
    'tsx',
    'src-main/server/main.ts',
    '--port',
    String(port),
    '--database',
    databaseUrl,
  ];
  if (opts.redisUrl) args.push('--redis', opts.redisUrl);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
  const end = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('the team server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gone;
    },
  };
}
