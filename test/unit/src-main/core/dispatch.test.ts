// The IPC gate: unknown channels, untrusted senders and malformed input never reach a handler.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { dispatch } from '../../../../src-main/core/ipc-core';
import { CHANNEL_NAMES } from '../../../../src-main/shared/channels';
import { contract, type Handlers } from '../../../../src-main/shared/contract';
import { AppError } from '../../../../src-main/shared/errors';

function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      vi.fn(async () => {
        calls.push(name);
        if (name === 'backupLoad') throw new AppError('not-found', 'backup x does not exist');
        if (name === 'backupList') throw new Error('disk on fire');
        return { name: 'Corroborate' };
      }),
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const trusted = { shell: 'web' as const, trustedSender: true };

describe('dispatch', () => {
  it('runs a handler for a valid call', async () => {
    const { handlers, calls } = spyHandlers();
    const r = await dispatch(handlers, 'appInfo', {}, trusted);
    expect(r).toEqual({ ok: true, value: { name: 'Corroborate' } });
    expect(calls).toEqual(['appInfo']);
  });

  it('refuses unknown channels', async () => {
    const { handlers, calls } = spyHandlers();
    for (const ch of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const r = await dispatch(handlers, ch, {}, trusted);
      expect(r).toMatchObject({ ok: false, code: 'unknown-channel' });
    }
    expect(calls).toEqual([]);
  });

  it('refuses an untrusted sender before looking at the input', async () => {
    const { handlers, calls } = spyHandlers();
    const r = await dispatch(handlers, 'appInfo', {}, { shell: 'electron', trustedSender: false });
    expect(r).toMatchObject({ ok: false, code: 'bad-sender' });
    expect(calls).toEqual([]);
  });

  it('rejects malformed input with the field named', async () => {
    const { handlers, calls } = spyHandlers();
    const r = await dispatch(handlers, 'importFile', { name: 'a.txt', bytes: 'not bytes' }, trusted);
    expect(r).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(r.ok ? '' : r.message).toContain('bytes');
    const extra = await dispatch(handlers, 'appInfo', { sneaky: true }, trusted);
    expect(extra).toMatchObject({ ok: false, code: 'invalid-input' });
    const traversal = await dispatch(handlers, 'backupLoad', { name: '../../etc/passwd' }, trusted);
    expect(traversal).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(calls).toEqual([]);
  });

  it('turns expected failures into { ok: false } and unexpected ones into internal errors', async () => {
    const { handlers } = spyHandlers();
    expect(
      await dispatch(handlers, 'backupLoad', { name: 'backup-2020-01-01T00-00-00-000Z.json' }, trusted),
    ).toEqual({
      ok: false,
      code: 'not-found',
      message: 'backup x does not exist',
    });
    const r = await dispatch(handlers, 'backupList', {}, { ...trusted });
    expect(r).toMatchObject({ ok: false, code: 'internal' });
  });

  it('never lets a random payload reach a handler unless the schema accepts it (property)', async () => {
    const { handlers, calls } = spyHandlers();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.anything(), async (channel, payload) => {
        calls.length = 0;
        const valid = contract[channel].input.safeParse(payload ?? {}).success;
        const r = await dispatch(handlers, channel, payload, trusted);
        if (valid) expect(calls).toEqual([channel]);
        else {
          expect(r).toMatchObject({ ok: false, code: 'invalid-input' });
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
