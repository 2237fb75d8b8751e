// What the fuzzer attacks: each importer (by mutated real files), random bytes under every name, the
// dossier validator (mutated and re-shaped JSON) and the REFI-QDA project reader (mutated .qdpx).
import fc from 'fast-check';
import { exportQdpx } from '../../../src-main/core/export/qdpx';
import { importQdpx } from '../../../src-main/core/export/qdpx-import';
import { AppError } from '../../../src-main/shared/errors';
import { validateDossier } from '../../../src-main/shared/dossier';
import { sampleDossier } from '../helpers/dossier-sample';
import { mutantOf, type Seed } from './mutate';
import { seedsFor, type FuzzFormat } from './seeds';

export interface FileCase {
  bytes: Uint8Array;
  name: string;
  how: string;
}

export interface FileTarget {
  kind: 'file';
  name: string;
  /** Share of the cases this target gets (PDF cases cost the most). */
  weight: number;
  arbitrary: fc.Arbitrary<FileCase>;
}

export interface DossierTarget {
  kind: 'dossier';
  name: string;
  weight: number;
  arbitrary: fc.Arbitrary<{ how: string; run: () => unknown }>;
}

const EXTENSIONS: Record<FuzzFormat, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  html: ['html', 'htm'],
  eml: ['eml'],
  txt: ['txt', 'md'],
};

function fileTarget(format: FuzzFormat, weight: number, seeds: Seed[] = seedsFor(format)): FileTarget {
  return {
    kind: 'file',
    name: format,
    weight,
    arbitrary: fc
      .tuple(mutantOf(seeds), fc.constantFrom(...EXTENSIONS[format]))
      .map(([m, ext]) => ({ bytes: m.bytes, name: `fuzz.${ext}`, how: m.how })),
  };
}

export function fileTargets(): FileTarget[] {
  return [
    fileTarget('pdf', 2),
    fileTarget('docx', 3),
    fileTarget('html', 3),
    fileTarget('eml', 2),
    fileTarget('txt', 2),
    {
      kind: 'file',
      name: 'random',
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.uint8Array({ maxLength: 4096 }),
          fc.constantFrom('txt', 'md', 'html', 'pdf', 'docx', 'eml', ''),
        )
        .map(([bytes, ext]) => ({ bytes, name: `random.${ext}`, how: `random ${bytes.length} bytes` })),
    },
  ];
}

/** A path into the sample dossier and a hostile value to put there. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(-1, 1e308, NaN, '', '\u0000', '__proto__', 'x'.repeat(100_000), [], {}),
);

function setAt(root: unknown, path: number[], value: unknown): string {
  let node = root as Record<string, unknown>;
  const keys: string[] = [];
  for (const step of path) {
    const children = node && typeof node === 'object' ? Object.keys(node) : [];
    if (children.length === 0) break;
    const key = children[step % children.length]!;
    const child = node[key];
    if (!child || typeof child !== 'object' || keys.length === path.length - 1) {
      node[key] = value;
      keys.push(key);
      return keys.join('.');
    }
    keys.push(key);
    node = child as Record<string, unknown>;
  }
  return keys.join('.');
}

export async function dossierTargets(): Promise<DossierTarget[]> {
  const sample = sampleDossier();
  const json = JSON.stringify(sample);
  const jsonSeed: Seed = { name: 'sample.dossier.json', bytes: new TextEncoder().encode(json) };
  const qdpxSeed: Seed = { name: 'sample.qdpx', bytes: await exportQdpx(sample, { author: 'fuzz' }) };
  return [
    {
      kind: 'dossier',
      name: 'dossier-reshaped',
      weight: 3,
      arbitrary: fc
        .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), anyValue)
        .map(([path, value]) => {
          const c = {
            how: `set path ${path.join('/')} of the sample dossier`,
            run: (): unknown => undefined,
          };
          c.run = () => {
            const copy = JSON.parse(json) as unknown;
            c.how = `set ${setAt(copy, path, value)} of the sample dossier`;
            return validateDossier(copy);
          };
          return c;
        }),
    },
    {
      kind: 'dossier',
      name: 'dossier-bytes',
      weight: 2,
      arbitrary: mutantOf([jsonSeed]).map((m) => ({
        how: m.how,
        run: () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(new TextDecoder().decode(m.bytes));
          } catch {
            return { ok: false }; // not JSON: the app says so before validating
          }
          return validateDossier(parsed);
        },
      })),
    },
    {
      kind: 'dossier',
      name: 'qdpx',
      weight: 2,
      arbitrary: mutantOf([qdpxSeed]).map((m) => ({
        how: m.how,
        run: () => importQdpx(m.bytes, '2026-11-29T00:00:00.000Z'),
      })),
    },
  ];
}

const PROGRAMMING_ERROR = /^(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)$/;

/** A dossier reader may refuse with a message, but must never crash or accept what the validator would not. */
export function judgeDossier(
  run: () => unknown,
): { ok: true; accepted: boolean } | { ok: false; problem: string } {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof AppError) return { ok: true, accepted: false };
    if (error instanceof Error && !PROGRAMMING_ERROR.test(error.name) && error.message.length > 8)
      return { ok: true, accepted: false };
    return {
      ok: false,
      problem: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
  if (result && typeof result === 'object' && 'ok' in result) {
    const validation = result as { ok: boolean; errors?: Array<{ path: unknown; message: unknown }> };
    if (
      !validation.ok &&
      validation.errors?.some((e) => typeof e.path !== 'string' || typeof e.message !== 'string')
    )
      return { ok: false, problem: 'validation error without path or message' };
    return { ok: true, accepted: validation.ok };
  }
  // importQdpx returned a dossier: it must be one the validator accepts.
  return validateDossier(result).ok
    ? { ok: true, accepted: true }
    : { ok: false, problem: 'returned an invalid dossier' };
}
