// Mutation fuzzing for fast-check: bit flips, truncation, splicing and overwrites of real seed files.
import fc from 'fast-check';

export interface Mutant {
  bytes: Uint8Array;
  /** How the mutant was made, enough to rebuild it by hand: "flip 3 bits of tables.docx". */
  how: string;
}

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

// Bytes that sit on parser decisions: delimiters of PDF, XML/HTML, MIME and ZIP structures.
const INTERESTING = [
  0x00, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x25, 0x2f, 0x5b, 0x5d, 0x28, 0x29, 0x0a, 0x0d, 0x22, 0x26,
];

export function flipBits(bytes: Uint8Array, positions: number[]): Uint8Array {
  const out = bytes.slice();
  for (const p of positions) if (out.length) out[p % out.length] = out[p % out.length]! ^ (1 << (p % 8));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One mutant of one of the seeds; fast-check shrinks it towards fewer and smaller changes. */
export function mutantOf(seeds: Seed[]): fc.Arbitrary<Mutant> {
  const seed = fc.constantFrom(...seeds);
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  const at = (bytes: Uint8Array, f: number): number => Math.floor(f * bytes.length);
  return fc.oneof(
    fc
      .record({ s: seed, flips: fc.array(fc.nat(), { minLength: 1, maxLength: 16 }) })
      .map(({ s, flips }) => ({
        bytes: flipBits(s.bytes, flips),
        how: `flip bits ${flips.join(',')} of ${s.name}`,
      })),
    fc.record({ s: seed, f: fraction }).map(({ s, f }) => ({
      bytes: s.bytes.subarray(0, at(s.bytes, f)),
      how: `truncate ${s.name} at ${at(s.bytes, f)}`,
    })),
    fc.record({ a: seed, b: seed, fa: fraction, fb: fraction }).map(({ a, b, fa, fb }) => ({
      bytes: concat(a.bytes.subarray(0, at(a.bytes, fa)), b.bytes.subarray(at(b.bytes, fb))),
      how: `splice ${a.name}[0:${at(a.bytes, fa)}] + ${b.name}[${at(b.bytes, fb)}:]`,
    })),
    fc
      .record({
        s: seed,
        f: fraction,
        values: fc.array(fc.constantFrom(...INTERESTING), { minLength: 1, maxLength: 64 }),
      })
      .map(({ s, f, values }) => {
        const out = s.bytes.slice();
        const start = at(out, f);
        values.forEach((v, i) => {
          if (start + i < out.length) out[start + i] = v;
        });
        return { bytes: out, how: `overwrite ${s.name} at ${start} with ${values.length} bytes` };
      }),
    fc
      .record({ s: seed, f: fraction, g: fraction, times: fc.integer({ min: 2, max: 50 }) })
      .map(({ s, f, g, times }) => {
        const a = at(s.bytes, Math.min(f, g));
        const b = Math.min(s.bytes.length, a + 1 + at(s.bytes, Math.abs(f - g) / 8));
        const region = s.bytes.subarray(a, b);
        return {
          bytes: concat(
            s.bytes.subarray(0, b),
            ...Array.from({ length: times }, () => region),
            s.bytes.subarray(b),
          ),
          how: `repeat ${s.name}[${a}:${b}] ${times} times`,
        };
      }),
  );
}
