// Checks an untrusted dossier: its schema first, then that every reference points at a record that exists.
import type { z } from 'zod';
import { Dossier } from './schema';

export interface DossierError {
  /** JSON path of the offending value, e.g. `$.annotations[3].position.start`. */
  path: string;
  message: string;
}

export type DossierValidation = { ok: true; dossier: Dossier } | { ok: false; errors: DossierError[] };

/** Renders a path as JSONPath: `$.a[3].b`, with bracket-quoted keys when they are not identifiers. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function schemaErrors(error: z.ZodError): DossierError[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

export function validateDossier(json: unknown): DossierValidation {
  const parsed = Dossier.safeParse(json);
  if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error) };
  const errors = referenceErrors(parsed.data);
  return errors.length === 0 ? { ok: true, dossier: parsed.data } : { ok: false, errors };
}

/** Referential integrity and offset bounds; the schema alone cannot express these. */
export function referenceErrors(d: Dossier): DossierError[] {
  const errors: DossierError[] = [];
  const add = (path: PropertyKey[], message: string) => errors.push({ path: jsonPath(path), message });
  const ids = <T extends { id: string }>(table: string, rows: readonly T[]): Map<string, T> => {
    const map = new Map<string, T>();
    rows.forEach((row, i) => {
      if (map.has(row.id)) add([table, i, 'id'], `duplicate id "${row.id}" in ${table}`);
      map.set(row.id, row);
    });
    return map;
  };
  const articles = ids('articles', d.articles);
  const statements = ids('statements', d.statements);
  const sources = ids('sources', d.sources);
  ids('annotations', d.annotations);
  const tags = ids('tags', d.tags);
  ids('links', d.links);
  const claims = ids('claims', d.claims);
  ids('claimStatements', d.claimStatements);
  ids('imports', d.imports);

  const missing = (what: string, id: string) => `${what} "${id}" does not exist in this dossier`;
  const checkSpan = (path: PropertyKey[], start: number, end: number, textLength: number) => {
    if (start > end) add([...path, 'start'], `start ${start} is after end ${end}`);
    else if (end > textLength)
      add([...path, 'end'], `end ${end} is past the article text (${textLength} characters)`);
  };

  d.statements.forEach((s, i) => {
    const article = articles.get(s.articleId);
    if (!article) add(['statements', i, 'articleId'], missing('article', s.articleId));
    else checkSpan(['statements', i], s.start, s.end, article.text.length);
    if (s.speakerId !== null && !sources.has(s.speakerId))
      add(['statements', i, 'speakerId'], missing('source', s.speakerId));
    s.viaIds.forEach((via, j) => {
      if (!sources.has(via)) add(['statements', i, 'viaIds', j], missing('source', via));
    });
  });
  d.annotations.forEach((a, i) => {
    const article = articles.get(a.articleId);
    if (!article) add(['annotations', i, 'articleId'], missing('article', a.articleId));
    else if (!a.orphaned)
      checkSpan(['annotations', i, 'position'], a.position.start, a.position.end, article.text.length);
    a.statementIds.forEach((id, j) => {
      if (!statements.has(id)) add(['annotations', i, 'statementIds', j], missing('statement', id));
    });
    a.tagIds.forEach((id, j) => {
      if (!tags.has(id)) add(['annotations', i, 'tagIds', j], missing('tag', id));
    });
  });
  d.tags.forEach((t, i) => {
    if (t.parentId === null) return;
    if (!tags.has(t.parentId)) return add(['tags', i, 'parentId'], missing('tag', t.parentId));
    // Walk up the codebook: a cycle would make the hierarchy endless.
    const seen = new Set([t.id]);
    for (let p: string | null = t.parentId; p !== null; p = tags.get(p)?.parentId ?? null) {
      if (seen.has(p)) return add(['tags', i, 'parentId'], `tag "${t.id}" is its own ancestor`);
      seen.add(p);
    }
  });
  d.links.forEach((l, i) => {
    if (!statements.has(l.fromStatementId))
      add(['links', i, 'fromStatementId'], missing('statement', l.fromStatementId));
    if (!statements.has(l.toStatementId))
      add(['links', i, 'toStatementId'], missing('statement', l.toStatementId));
  });
  d.claimStatements.forEach((cs, i) => {
    if (!claims.has(cs.claimId)) add(['claimStatements', i, 'claimId'], missing('claim', cs.claimId));
    if (!statements.has(cs.statementId))
      add(['claimStatements', i, 'statementId'], missing('statement', cs.statementId));
  });
  return errors;
}
