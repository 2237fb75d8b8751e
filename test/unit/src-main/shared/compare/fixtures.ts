// Loads the seed article with its gold statements and the second outlet's report of the same events.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AlignColumn } from '../../../../../src-main/shared/compare/align';

const root = resolve(import.meta.dirname, '../../../../..');

interface GoldStatement {
  index: number;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export const seedText = readFileSync(resolve(root, 'test/fixtures/car-dec-2020.txt'), 'utf8');
export const seedGold: GoldStatement[] = JSON.parse(
  readFileSync(resolve(root, 'test/fixtures/statements.gold.json'), 'utf8'),
).statements;
export const secondText = readFileSync(resolve(root, 'test/fixtures/car-second-outlet.txt'), 'utf8');

export const seedColumn: AlignColumn = {
  articleId: 'seed',
  text: seedText,
  statements: seedGold.map((s) => ({ id: `seed-${s.index}`, start: s.start, end: s.end })),
};

/** The second article has one sentence per paragraph: its statements are its non-empty lines. */
export const secondColumn: AlignColumn = {
  articleId: 'second',
  text: secondText,
  statements: [...secondText.matchAll(/[^\n]+/g)].map((m, k) => ({
    id: `second-${k}`,
    start: m.index,
    end: m.index + m[0].length,
  })),
};

export function statementText(column: AlignColumn, id: string): string {
  const s = column.statements.find((x) => x.id === id);
  if (!s) throw new Error(`no statement ${id}`);
  return column.text.slice(s.start, s.end);
}

/** The id of the only statement of a column containing `words`. */
export function statementWith(column: AlignColumn, words: string): string {
  const found = column.statements.filter((s) => column.text.slice(s.start, s.end).includes(words));
  if (found.length !== 1) throw new Error(`${found.length} statements contain "${words}"`);
  return found[0]!.id;
}
