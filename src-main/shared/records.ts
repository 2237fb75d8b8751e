// Turning an extracted article into workspace records (Article, Statements, Sources): one code
// path for the app's import, re-analysis and the CLI's dossier builder.
import { findMatchingSource, matchKeys, mergeAliases, normaliseName } from './analysis/sources';
import type { Article, Source, Statement } from './domain';
import type { AnalyzedStatement, ExtractedArticle, SpeakerRef } from './extraction';

/** Aliases without blanks, duplicates and spellings of the name itself. */
export function cleanAliases(name: string, aliases: string[]): string[] {
  const key = normaliseName(name);
  return mergeAliases([], aliases).filter((a) => normaliseName(a) !== key);
}

/**
 * Finds or creates the Source for each speaker or relay, matching by name or confirmed alias. Sources are
 * indexed in memory by their match keys, so each mention looks at the few sources sharing a key, never at
 * all of them. New sources and sources that gained aliases are collected in `changed`; a source the user
 * edited keeps exactly its aliases.
 */
export class SourceResolver {
  readonly changed = new Map<string, Source>();
  private readonly index = new Map<string, Source[]>();
  /**
   * Answers already given: a mention (name and aliases) → the source it resolved to, kept only for answers that
   * changed nothing, and dropped as soon as a source sharing one of the mention's match keys is added or gains
   * aliases, so a kept answer is the one `resolve` would give again (a speaker is quoted many times per article).
   */
  private readonly answers = new Map<string, { id: string; keys: string[] }>();
  /** Match key → the mentions whose kept answer depends on the sources indexed under it. */
  private readonly answersByKey = new Map<string, Set<string>>();

  /** `sources` is the caller's list: new sources are appended to it. */
  constructor(
    private readonly sources: Source[],
    private readonly newId: () => string,
    private readonly at: string,
  ) {
    for (const source of sources) this.add(source);
  }

  /**
   * Indexes a source under its match keys (again after its aliases changed; duplicates are skipped), and forgets
   * the answers of mentions sharing one of them. A source's keys only grow (its aliases only grow).
   */
  private add(source: Source): void {
    for (const key of matchKeys(source)) {
      const list = this.index.get(key);
      if (!list) this.index.set(key, [source]);
      else if (!list.includes(source)) list.push(source);
      const stale = this.answersByKey.get(key);
      if (!stale) continue;
      this.answersByKey.delete(key);
      for (const mention of stale) this.forget(mention);
    }
  }

  private forget(mention: string): void {
    const answer = this.answers.get(mention);
    if (!answer) return;
    this.answers.delete(mention);
    for (const key of answer.keys) this.answersByKey.get(key)?.delete(mention);
  }

  /** The sources sharing a match key with the mention. */
  candidates(ref: SpeakerRef): Source[] {
    return this.candidatesByKeys(matchKeys(ref));
  }

  private candidatesByKeys(keys: string[]): Source[] {
    const found = new Set<Source>();
    for (const key of keys) for (const source of this.index.get(key) ?? []) found.add(source);
    return [...found];
  }

  resolve(ref: SpeakerRef): string {
    const mention = [ref.name, ...ref.aliases].join('\u0000');
    const known = this.answers.get(mention);
    if (known) return known.id;
    const keys = matchKeys(ref);
    const match = findMatchingSource(ref, this.candidatesByKeys(keys));
    if (match) {
      if (!match.userEdited) {
        const aliases = cleanAliases(match.name, [...match.aliases, ref.name, ...ref.aliases]);
        if (aliases.length !== match.aliases.length) {
          match.aliases = aliases;
          match.updatedAt = this.at;
          this.changed.set(match.id, match);
          this.add(match);
          return match.id;
        }
      }
      // Nothing changed: the same mention gets the same answer until a source under one of its keys changes.
      this.answers.set(mention, { id: match.id, keys });
      for (const key of keys) {
        const list = this.answersByKey.get(key);
        if (list) list.add(mention);
        else this.answersByKey.set(key, new Set([mention]));
      }
      return match.id;
    }
    const source: Source = {
      id: this.newId(),
      name: ref.name,
      kind: ref.kind,
      aliases: cleanAliases(ref.name, ref.aliases),
      reliability: null,
      note: '',
      userEdited: false,
      createdAt: this.at,
      updatedAt: this.at,
    };
    this.sources.push(source);
    this.add(source);
    this.changed.set(source.id, source);
    return source.id;
  }
}

export function articleFromExtracted(x: ExtractedArticle, id: string, at: string): Article {
  return {
    id,
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
    ...(x.ocr ? { ocr: x.ocr } : {}),
  };
}

/** The attribution fields of a statement from the analysis, speakers resolved to Source ids. */
export function attributionOf(s: AnalyzedStatement, sources: SourceResolver) {
  return {
    kind: s.kind,
    speakerId: s.speaker ? sources.resolve(s.speaker) : null,
    cue: s.cue,
    viaIds: s.via.map((v) => sources.resolve(v)),
    entities: s.entities,
    speakerFound: s.speaker ? (s.speakerFound ?? null) : null,
  };
}

export function statementsFromExtracted(
  x: ExtractedArticle,
  articleId: string,
  sources: SourceResolver,
  newId: () => string,
  at: string,
): Statement[] {
  return x.statements.map((s, index) => ({
    id: newId(),
    articleId,
    index,
    start: s.start,
    end: s.end,
    ...attributionOf(s, sources),
    userEdited: false,
    updatedAt: at,
  }));
}
