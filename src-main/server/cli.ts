// `corroborate serve` and `corroborate members add|list|revoke`: the team server's command line.
import pg from 'pg';
import { parseFlags, type ParsedArgs } from '../shared/cli-args';
import { isMemberRole, MEMBER_ROLES } from '../shared/team';
import { jsonLogger } from './log';
import { addMember, listMembers, revokeMember } from './members';
import { migrate } from './schema';
import { startTeamServer } from './server';

export const TEAM_COMMANDS = ['serve', 'members'] as const;

export const TEAM_HELP = `  corroborate serve --port N --database postgres://… [--redis redis://…] [--host ADDR]
                       run a team server (shared dossiers); --host defaults to 127.0.0.1
  corroborate members add DOSSIER NAME --role owner|editor|reader --database postgres://…
                       add a member; prints their invitation (shown once)
  corroborate members list DOSSIER --database …    members, roles, revoked or not
  corroborate members revoke DOSSIER NAME --database …   revoke NAME's invitations (live sessions close)`;

export interface TeamIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

const FLAGS = new Set(['--port', '--database', '--redis', '--host', '--role', '--name']);

function parse(args: string[]): ParsedArgs {
  return parseFlags(args, FLAGS, (message) => new UsageError(message));
}

/** The database URL: --database, else CORROBORATE_DATABASE_URL (keeps the password out of shell history). */
function databaseUrl(flags: Map<string, string>): string {
  const url = flags.get('--database') ?? process.env.CORROBORATE_DATABASE_URL;
  if (!url) throw new UsageError('--database postgres://… is required (or set CORROBORATE_DATABASE_URL)');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('--database must be a postgres:// URL');
  return url;
}

async function serve(args: string[], io: TeamIo): Promise<number> {
  const { positional, flags } = parse(args);
  if (positional.length) throw new UsageError(`serve takes no file (got "${positional[0]}")`);
  const port = Number(flags.get('--port') ?? '1234');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
  const server = await startTeamServer({
    port,
    host: flags.get('--host'),
    databaseUrl: databaseUrl(flags),
    redisUrl: flags.get('--redis') ?? process.env.CORROBORATE_REDIS_URL,
    log: jsonLogger(io.out),
  });
  await new Promise<void>((resolve) => {
    const stop = () => void server.stop().then(resolve, resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function withPool<T>(flags: Map<string, string>, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: databaseUrl(flags), max: 2 });
  try {
    await migrate(pool);
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

async function members(args: string[], io: TeamIo): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, flags } = parse(rest);
  const [dossier, name] = positional;
  if (sub === 'add') {
    const role = flags.get('--role') ?? '';
    if (!dossier || !name) throw new UsageError('usage: corroborate members add DOSSIER NAME --role ROLE');
    if (!isMemberRole(role)) throw new UsageError(`--role must be one of: ${MEMBER_ROLES.join(', ')}`);
    const { member, invitation } = await withPool(flags, (pool) => addMember(pool, dossier, name, role));
    io.err(
      `added ${member.name} to ${member.dossierId} as ${member.role}; give them this invitation (shown once):`,
    );
    io.out(invitation);
    return 0;
  }
  if (sub === 'list') {
    if (!dossier) throw new UsageError('usage: corroborate members list DOSSIER');
    const list = await withPool(flags, (pool) => listMembers(pool, dossier));
    if (!list.length) io.err(`no members in ${dossier}`);
    for (const m of list)
      io.out(
        `${m.name}\t${m.role}\t${m.revokedAt ? `revoked ${m.revokedAt.toISOString()}` : 'active'}\tsince ${m.createdAt.toISOString()}`,
      );
    return 0;
  }
  if (sub === 'revoke') {
    if (!dossier || !name) throw new UsageError('usage: corroborate members revoke DOSSIER NAME');
    const n = await withPool(flags, (pool) => revokeMember(pool, dossier, name));
    if (n === 0) {
      io.err(`${name} has no active invitation in ${dossier}`);
      return 1;
    }
    io.err(`revoked ${n} invitation(s) of ${name} in ${dossier}`);
    return 0;
  }
  throw new UsageError('usage: corroborate members add|list|revoke DOSSIER …');
}

/** Runs `serve` or `members`; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function runTeamCommand(command: string, args: string[], io: TeamIo): Promise<number> {
  try {
    if (command === 'serve') return await serve(args, io);
    if (command === 'members') return await members(args, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    io.err(`corroborate ${command}: ${err instanceof Error ? err.message : String(err)}`);
    return err instanceof UsageError ? 2 : 1;
  }
}
