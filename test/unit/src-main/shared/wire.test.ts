// The browser shell's request encoding carries bytes exactly and rejects damaged envelopes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRequest, encodeRequest } from '../../../../src-main/shared/wire';

describe('wire codec', () => {
  it('round-trips nested values with byte arrays', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uint8Array({ maxLength: 2000 }),
        fc.uint8Array({ maxLength: 50 }),
        (name, a, b) => {
          const input = { name, bytes: a, nested: { more: b, list: [1, 'x', null] } };
          expect(decodeRequest(encodeRequest(input))).toEqual(input);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects garbage, truncation and out-of-range references', () => {
    expect(() => decodeRequest(new Uint8Array([1, 2, 3]))).toThrow();
    const good = encodeRequest({ bytes: new Uint8Array([1, 2, 3, 4]) });
    expect(() => decodeRequest(good.subarray(0, good.length - 3))).toThrow(/range/);
    const forged = encodeRequest({ x: { $bytes: [0, 999] } });
    expect(() => decodeRequest(forged)).toThrow(/range/);
  });
});
