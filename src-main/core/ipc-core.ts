// The one gate every call from the renderer passes, in Electron and in the browser shell alike:
// known channel, trusted sender, valid input — only then does the handler run.
import { contract, type Handlers, type HandlerContext } from '../shared/contract';
import { CHANNEL_NAMES, type ChannelName } from '../shared/channels';
import { AppError, type Result } from '../shared/errors';

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name);
}

/** Validate and run one call. Never throws: every failure becomes `{ ok: false, code, message }`. */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  ctx: HandlerContext & { trustedSender: boolean },
): Promise<Result<unknown>> {
  if (!ctx.trustedSender)
    return { ok: false, code: 'bad-sender', message: 'the request came from an untrusted page' };
  if (!isChannelName(channel)) {
    return {
      ok: false,
      code: 'unknown-channel',
      message: `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`,
    };
  }
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') + ': ' : '';
    return {
      ok: false,
      code: 'invalid-input',
      message: `invalid input for ${channel}: ${where}${issue?.message ?? 'rejected'}`,
    };
  }
  try {
    const run = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await run(parsed.data, { shell: ctx.shell });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, message: err.message };
    console.error(`[corroborate] handler ${channel} failed`, err);
    return {
      ok: false,
      code: 'internal',
      message: `internal error in ${channel}: ${(err as Error)?.message ?? String(err)}`,
    };
  }
}
