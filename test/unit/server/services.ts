// Real PostgreSQL and Redis for the team-server tests: from CI's env vars, else started here from the Debian binaries.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = resolve(import.meta.dirname, '../../../.ci/team-services.sh');

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
