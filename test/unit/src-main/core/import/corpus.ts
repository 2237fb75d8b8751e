// Paths into the shared test corpus (read-only, outside the repo) and small readers for its files.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/corpus');

export function corpusBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, ...parts)));
}

export function corpusText(...parts: string[]): string {
  return readFileSync(join(CORPUS, ...parts), 'utf8');
}

export function corpusDir(...parts: string[]): string[] {
  return readdirSync(join(CORPUS, ...parts)).sort();
}
