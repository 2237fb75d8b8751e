// The contract gate, channel by channel: hostile payloads (random values, prototype pollution, absurd sizes
// and depths) never reach a handler unless the channel's schema accepts them, and never pollute prototypes.
// (test/unit/src-main/core/dispatch.test.ts covers the gate itself over random channels.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src-main/core/ipc-core';
import { CHANNEL_NAMES } from '../../../src-main/shared/channels';
import { contract, type Handlers } from '../../../src-main/shared/contract';

function spies() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, async () => void calls.push(name)]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

let deep: unknown = 'bottom';
for (let i = 0; i < 10_000; i++) deep = { a: deep };

const HOSTILE: unknown[] = [
  null,
  42,
  'string',
  [],
  [1, 2, 3],
  true,
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { name: 'x'.repeat(1_000_000) },
  deep,
  { bytes: 'not bytes', name: 42 },
  { id: { $ne: null } },
  Object.create(null),
];

describe('contract gate, every channel', () => {
  it.each(CHANNEL_NAMES)(
    '%s: hostile or random payloads reach the handler only when the schema accepts them',
    async (channel) => {
      const { handlers, calls } = spies();
      const check = async (payload: unknown) => {
        calls.length = 0;
        const valid = contract[channel].input.safeParse(payload ?? {}).success;
        const result = await dispatch(handlers, channel, payload, { shell: 'web', trustedSender: true });
        if (valid) expect(calls).toEqual([channel]);
        else {
          expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
          expect(calls).toEqual([]);
        }
      };
      for (const payload of HOSTILE) await check(payload);
      await fc.assert(
        fc.asyncProperty(
          fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true }),
          check,
        ),
        {
          numRuns: 60,
        },
      );
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
  );

  it.each(CHANNEL_NAMES)(
    '%s: an untrusted sender never reaches the handler, whatever it sends',
    async (channel) => {
      const { handlers, calls } = spies();
      for (const payload of [{}, ...HOSTILE]) {
        const result = await dispatch(handlers, channel, payload, {
          shell: 'electron',
          trustedSender: false,
        });
        expect(result).toMatchObject({ ok: false, code: 'bad-sender' });
      }
      expect(calls).toEqual([]);
    },
  );
});
