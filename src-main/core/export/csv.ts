// CSV export for spreadsheets: a zip holding annotations.csv and statements.csv (RFC 4180, UTF-8 with BOM).
import { strToU8, zipSync } from 'fflate';
import type { Annotation, Article, Source, Statement, Tag } from '../../shared/domain';
import type { Dossier } from '../../shared/dossier';
import { progressTicker } from './progress';
import type { ExportOptions } from './types';

// One file per table would need two save dialogs; a zip keeps "one export = one file" everywhere.

/** Quotes a cell when needed; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',');

export interface CsvTables {
  annotationsCsv: string;
  statementsCsv: string;
}

const ANNOTATION_COLUMNS = [
  'id',
  'article_id',
  'article_title',
  'start',
  'end',
  'exact',
  'tags',
  'credibility',
  'note',
  'statement_indexes',
  'author',
  'orphaned',
  'created_at',
  'updated_at',
];

const STATEMENT_COLUMNS = [
  'id',
  'article_id',
  'article_title',
  'index',
  'start',
  'end',
  'text',
  'kind',
  'speaker',
  'speaker_reliability',
  'via',
  'cue',
];

interface Lookups {
  article: Map<string, Article>;
  source: Map<string, Source>;
  tag: Map<string, Tag>;
  statementIndex: Map<string, number>;
}

function annotationRow(a: Annotation, l: Lookups): string {
  return row([
    a.id,
    a.articleId,
    l.article.get(a.articleId)?.title ?? '',
    a.position.start,
    a.position.end,
    a.quote.exact,
    a.tagIds.map((id) => l.tag.get(id)?.name ?? id).join('; '),
    a.credibility,
    a.note,
    a.statementIds.map((id) => l.statementIndex.get(id) ?? id).join('; '),
    a.author,
    a.orphaned,
    a.createdAt,
    a.updatedAt,
  ]);
}

function statementRow(s: Statement, l: Lookups): string {
  const a = l.article.get(s.articleId);
  const speaker = s.speakerId ? l.source.get(s.speakerId) : undefined;
  return row([
    s.id,
    s.articleId,
    a?.title ?? '',
    s.index,
    s.start,
    s.end,
    a?.text.slice(s.start, s.end) ?? '',
    s.kind,
    speaker?.name ?? '',
    speaker?.reliability ?? null,
    s.viaIds.map((id) => l.source.get(id)?.name ?? id).join(' → '),
    s.cue,
  ]);
}

export async function buildCsvTables(d: Dossier, opts: ExportOptions = {}): Promise<CsvTables> {
  const progress = progressTicker(
    d.annotations.length + d.statements.length,
    opts.onProgress,
    opts.signal,
    500,
  );
  const lookups: Lookups = {
    article: new Map(d.articles.map((a) => [a.id, a])),
    source: new Map(d.sources.map((s) => [s.id, s])),
    tag: new Map(d.tags.map((t) => [t.id, t])),
    statementIndex: new Map(d.statements.map((s) => [s.id, s.index])),
  };
  const annotations = [row(ANNOTATION_COLUMNS)];
  for (const a of d.annotations) {
    annotations.push(annotationRow(a, lookups));
    await progress.tick();
  }
  const statements = [row(STATEMENT_COLUMNS)];
  for (const s of d.statements) {
    statements.push(statementRow(s, lookups));
    await progress.tick();
  }
  progress.finish();
  // The BOM makes Excel read UTF-8; CRLF is what RFC 4180 specifies.
  return {
    annotationsCsv: `\uFEFF${annotations.join('\r\n')}\r\n`,
    statementsCsv: `\uFEFF${statements.join('\r\n')}\r\n`,
  };
}

export async function exportCsv(d: Dossier, opts: ExportOptions = {}): Promise<Uint8Array> {
  const tables = await buildCsvTables(d, opts);
  return zipSync({
    'annotations.csv': strToU8(tables.annotationsCsv),
    'statements.csv': strToU8(tables.statementsCsv),
  });
}
