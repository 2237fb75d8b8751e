// Builds a dossier from extracted source files without the GUI: the same records the app stores on import.
import { randomUUID } from 'node:crypto';
import { findMatchingSource, mergeAliases } from '../shared/analysis/sources';
import type { Article, ImportRecord, Source, Statement } from '../shared/domain';
import { emptyDossier, type Dossier } from '../shared/dossier';
import type { ExtractedArticle, SpeakerRef } from '../shared/extraction';

export interface RefusedFile {
  fileName: string;
  reason: string;
}

/** Finds or creates the Source for a speaker, as the renderer's import does (alias-aware matching). */
function resolveSource(ref: SpeakerRef, sources: Source[], at: string): string {
  const match = findMatchingSource(ref, sources);
  if (match) {
    const aliases = mergeAliases(match.aliases, [ref.name, ...ref.aliases]).filter((a) => a !== match.name);
    if (aliases.length !== match.aliases.length) {
      match.aliases = aliases;
      match.updatedAt = at;
    }
    return match.id;
  }
  const source: Source = {
    id: randomUUID(),
    name: ref.name,
    kind: ref.kind,
    aliases: mergeAliases([], ref.aliases).filter((a) => a !== ref.name),
    reliability: null,
    note: '',
    userEdited: false,
    createdAt: at,
    updatedAt: at,
  };
  sources.push(source);
  return source.id;
}

/**
 * One dossier holding every extracted article (a text seen twice is kept once and listed as a duplicate),
 * with an import record per file, refused ones included, so the provenance travels with the dossier.
 */
export function dossierFromExtracted(
  extracted: ExtractedArticle[],
  refused: RefusedFile[] = [],
  at = new Date().toISOString(),
  exportedBy = 'Corroborate CLI',
): Dossier {
  const d = emptyDossier(at, exportedBy);
  const batchId = randomUUID();
  const record = (row: Omit<ImportRecord, 'id' | 'batchId' | 'at'>) =>
    d.imports.push({ id: randomUUID(), batchId, at, ...row });
  const byText = new Map<string, Article>();
  for (const x of extracted) {
    const seen = byText.get(x.textSha256);
    if (seen) {
      record({
        fileName: x.fileName,
        format: x.format,
        outcome: 'duplicate',
        articleId: seen.id,
        title: seen.title,
        statementCount: 0,
        reason: `same text as “${seen.title}”`,
      });
      continue;
    }
    const article: Article = {
      id: randomUUID(),
      title: x.title,
      outlet: x.outlet,
      authors: x.authors,
      publishedAt: x.publishedAt,
      url: x.url,
      language: x.language,
      text: x.text,
      textSha256: x.textSha256,
      fileSha256: x.fileSha256,
      fileName: x.fileName,
      format: x.format,
      fileSize: x.fileSize,
      importedAt: at,
      updatedAt: at,
      versionOf: null,
    };
    byText.set(x.textSha256, article);
    d.articles.push(article);
    const statements: Statement[] = x.statements.map((s, index) => ({
      id: randomUUID(),
      articleId: article.id,
      index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      speakerId: s.speaker ? resolveSource(s.speaker, d.sources, at) : null,
      cue: s.cue,
      viaIds: s.via.map((v) => resolveSource(v, d.sources, at)),
      entities: s.entities,
      userEdited: false,
      updatedAt: at,
    }));
    d.statements.push(...statements);
    record({
      fileName: x.fileName,
      format: x.format,
      outcome: 'imported',
      articleId: article.id,
      title: article.title,
      statementCount: statements.length,
      reason: null,
    });
  }
  for (const r of refused)
    record({
      fileName: r.fileName,
      format: null,
      outcome: 'refused',
      articleId: null,
      title: null,
      statementCount: 0,
      reason: r.reason,
    });
  d.scope = { whole: true, articleIds: [], tagIds: [], claimIds: [] };
  return d;
}
