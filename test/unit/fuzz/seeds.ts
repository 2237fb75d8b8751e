// Seed files for mutation fuzzing: small real files from the shared corpus and the repo's fixtures.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Seed } from './mutate';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS = resolve(HERE, '../../../../shared/corpus');
const FIXTURES = resolve(HERE, '../../fixtures');

function read(path: string, name = path.slice(path.lastIndexOf('/') + 1)): Seed {
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

/** Files of one format, smallest first, at most `limit` of them and none over `maxBytes`. */
function pick(paths: string[], limit: number, maxBytes: number): Seed[] {
  return paths
    .map((path) => ({ path, size: statSync(path).size }))
    .filter((f) => f.size <= maxBytes)
    .sort((a, b) => a.size - b.size)
    .slice(0, limit)
    .map((f) => read(f.path, f.path.slice(CORPUS.length + 1)));
}

export type FuzzFormat = 'pdf' | 'docx' | 'html' | 'eml' | 'txt';

export function seedsFor(format: FuzzFormat): Seed[] {
  const dir = (...parts: string[]) => join(CORPUS, ...parts);
  switch (format) {
    case 'pdf':
      return pick(
        readdirSync(dir('pdf'))
          .filter((f) => f.endsWith('.pdf'))
          .map((f) => dir('pdf', f)),
        4,
        200_000,
      );
    case 'docx':
      return pick(
        readdirSync(dir('docx'))
          .filter((f) => /\.(docx|zip)$/.test(f))
          .map((f) => dir('docx', f)),
        17,
        200_000,
      );
    case 'html':
      return pick(
        readdirSync(dir('html')).map((page) => dir('html', page, 'source.html')),
        4,
        60_000,
      );
    case 'txt':
      return readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => read(join(FIXTURES, f)));
    case 'eml':
      return [
        {
          name: 'multipart.eml',
          bytes: new TextEncoder().encode(
            'From: "Press Office" <press@example.org>\r\nTo: desk@example.org\r\nSubject: Bridge to reopen\r\n' +
              'Date: Mon, 7 Dec 2020 10:00:00 +0000\r\nMIME-Version: 1.0\r\n' +
              'Content-Type: multipart/alternative; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n' +
              'Content-Transfer-Encoding: quoted-printable\r\n\r\nThe minister said the bridge would reopen =\r\nin May.\r\n' +
              '--B\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
              btoa('<p>The minister said the bridge would reopen in May.</p>') +
              '\r\n--B--\r\n',
          ),
        },
      ];
  }
}
