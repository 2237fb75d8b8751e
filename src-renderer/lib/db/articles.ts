// Storing imported articles: one transaction writes the article, its statements and any new
// sources, so a failed or cancelled import leaves nothing half-written.
import type { Article, Source, Statement } from '../../../src-main/shared/domain';
import type { ExtractedArticle, SpeakerRef } from '../../../src-main/shared/extraction';
import { findMatchingSource, mergeAliases } from '../../../src-main/shared/analysis/sources';
import { type CorroborateDB, newId, now } from './db';

export type StoreOutcome =
  | { outcome: 'imported'; article: Article; statementCount: number }
  | { outcome: 'duplicate'; article: Article };

/** Find or create the Source for a speaker reference; new and changed sources go into `pending`. */
function resolveSource(ref: SpeakerRef, sources: Source[], pending: Map<string, Source>, at: string): string {
  const match = findMatchingSource(ref, sources);
  if (match) {
    // A source the user corrected keeps exactly the aliases they gave it.
    if (match.userEdited) return match.id;
    const aliases = mergeAliases(match.aliases, [ref.name, ...ref.aliases]).filter((a) => a !== match.name);
    if (aliases.length !== match.aliases.length) {
      match.aliases = aliases;
      match.updatedAt = at;
      pending.set(match.id, match);
    }
    return match.id;
  }
  const source: Source = {
    id: newId(),
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
  pending.set(source.id, source);
  return source.id;
}

export async function storeExtractedArticle(
  db: CorroborateDB,
  extracted: ExtractedArticle,
  overrides: Partial<Pick<Article, 'format' | 'fileName' | 'versionOf'>> = {},
): Promise<StoreOutcome> {
  return db.transaction('rw', [db.articles, db.statements, db.sources], async () => {
    const existing = await db.articles.where('textSha256').equals(extracted.textSha256).first();
    if (existing) return { outcome: 'duplicate', article: existing } as const;
    const at = now();
    const article: Article = {
      id: newId(),
      title: extracted.title,
      outlet: extracted.outlet,
      authors: extracted.authors,
      publishedAt: extracted.publishedAt,
      url: extracted.url,
      language: extracted.language,
      text: extracted.text,
      textSha256: extracted.textSha256,
      fileSha256: extracted.fileSha256,
      fileName: extracted.fileName,
      format: extracted.format,
      fileSize: extracted.fileSize,
      importedAt: at,
      updatedAt: at,
      versionOf: null,
      ...overrides,
    };
    const sources = await db.sources.toArray();
    const pending = new Map<string, Source>();
    const statements: Statement[] = extracted.statements.map((s, index) => ({
      id: newId(),
      articleId: article.id,
      index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      speakerId: s.speaker ? resolveSource(s.speaker, sources, pending, at) : null,
      cue: s.cue,
      viaIds: s.via.map((v) => resolveSource(v, sources, pending, at)),
      entities: s.entities,
      userEdited: false,
      updatedAt: at,
    }));
    await db.articles.add(article);
    await db.statements.bulkAdd(statements);
    if (pending.size) await db.sources.bulkPut([...pending.values()]);
    return { outcome: 'imported', article, statementCount: statements.length } as const;
  });
}
