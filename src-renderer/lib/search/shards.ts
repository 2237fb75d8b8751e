// The search index in shards of a bounded number of documents, so saving it after a change rewrites only the
// shards that changed: an import fills the newest shard, an annotation dirties one, and a workspace of 10,000
// articles is never serialised whole. An article's documents stay in one shard (found again by article id).
// Queries ask every shard and merge the hits by score; MiniSearch's scores are per shard (its BM25 statistics),
// close enough to rank hits across shards of this size.
import MiniSearch from 'minisearch';
import { EXACT_OPTIONS, INDEX_OPTIONS, QUERY_OPTIONS, type SearchDoc } from './docs';
import type { SearchOptions } from 'minisearch';
import { prepareRanking, rankedCandidates, type RankedAnswer } from './ranked';

/** Documents per shard before a new one is opened (an article's documents never straddle two). */
export const SHARD_DOCS = 20_000;

/** One shard as saved: its key, MiniSearch's JSON, and the articles whose documents it holds. */
export interface SavedShard {
  key: number;
  json: string;
  articles: string[];
}

/** What a save must write: the changed shards (with the version saved) and the keys of every shard that exists. */
export interface ShardSnapshot {
  changed: (SavedShard & { version: number })[];
  keys: number[];
}

interface Shard {
  key: number;
  mini: MiniSearch<SearchDoc>;
  articles: Set<string>;
  /** Bumped by every change; the shard is clean when the saved version equals it. */
  version: number;
  saved: number;
}

/** Documents without an article (tag names) share one group. */
const groupOf = (doc: SearchDoc) => doc.articleId ?? '';

export class ShardedIndex {
  private shards: Shard[] = [];
  private byArticle = new Map<string, Shard>();

  get documentCount(): number {
    return this.shards.reduce((n, s) => n + s.mini.documentCount, 0);
  }

  private open(key = (this.shards.at(-1)?.key ?? -1) + 1, mini = new MiniSearch<SearchDoc>(INDEX_OPTIONS)) {
    const shard: Shard = { key, mini, articles: new Set(), version: 1, saved: 0 };
    this.shards.push(shard);
    return shard;
  }

  /** The shard a new document of this article goes to: its article's, else the newest one with room. */
  private shardFor(doc: SearchDoc): Shard {
    const known = this.byArticle.get(groupOf(doc));
    if (known) return known;
    const last = this.shards.at(-1);
    const shard = last && last.mini.documentCount < SHARD_DOCS ? last : this.open();
    shard.articles.add(groupOf(doc));
    this.byArticle.set(groupOf(doc), shard);
    return shard;
  }

  reset(docs: SearchDoc[]): void {
    this.shards = [];
    this.byArticle.clear();
    const groups = new Map<string, SearchDoc[]>();
    for (const d of docs) {
      const group = groups.get(groupOf(d));
      if (group) group.push(d);
      else groups.set(groupOf(d), [d]);
    }
    for (const group of groups.values()) {
      const shard = this.shardFor(group[0]!);
      shard.mini.addAll(group);
    }
    for (const s of this.shards) prepareRanking(s.mini);
  }

  /** Adds saved shards (a start sends them one at a time, in key order). */
  load(saved: SavedShard[]): void {
    for (const s of [...saved].sort((a, b) => a.key - b.key)) {
      const shard = this.open(s.key, MiniSearch.loadJSON<SearchDoc>(s.json, INDEX_OPTIONS));
      shard.saved = shard.version; // as saved
      for (const a of s.articles) {
        shard.articles.add(a);
        this.byArticle.set(a, shard);
      }
      prepareRanking(shard.mini);
    }
  }

  update(upsert: SearchDoc[], remove: string[]): void {
    const holder = (id: string) => this.shards.find((s) => s.mini.has(id));
    // discard() is lazy and cheap; replacing a document is discard + add.
    for (const id of remove) {
      const shard = holder(id);
      if (!shard) continue;
      shard.mini.discard(id);
      shard.version++;
    }
    for (const doc of upsert) {
      const shard = holder(doc.id);
      const target = shard ?? this.shardFor(doc);
      if (shard) shard.mini.replace(doc);
      else target.mini.add(doc);
      target.version++;
    }
  }

  /**
   * The best `limit` hits over every shard (each shard's best `limit` hold them), and how many matched. Typos are
   * forgiven only when the words as typed (and the words they begin) find fewer than `limit` hits: a misspelt
   * name finds its speaker, and a word found often is not joined by its near spellings (nor slowed by their walk).
   */
  search(query: string, limit: number): RankedAnswer {
    if (!query.trim()) return { hits: [], total: 0 };
    const exact = this.ask(query, EXACT_OPTIONS, limit);
    return exact.total >= limit ? exact.answer() : this.ask(query, QUERY_OPTIONS, limit).answer();
  }

  private ask(query: string, options: SearchOptions, limit: number) {
    const answers = this.shards.map((s) => rankedCandidates(s.mini, query, options, limit));
    const total = answers.reduce((n, a) => n + a.total, 0);
    return {
      total,
      // Only the hits kept are built (their matched terms found): `limit` in all, not `limit` per shard.
      answer: (): RankedAnswer => ({
        hits: answers
          .flatMap((a) => a.candidates)
          .sort((a, b) => b.score - a.score)
          .slice(0, limit)
          .map((c) => c.hit()),
        total,
      }),
    };
  }

  /** The shards changed since they were last saved, as JSON, and the keys of all shards. */
  snapshot(): ShardSnapshot {
    return {
      changed: this.shards
        .filter((s) => s.version !== s.saved)
        .map((s) => ({
          key: s.key,
          json: JSON.stringify(s.mini),
          articles: [...s.articles],
          version: s.version,
        })),
      keys: this.shards.map((s) => s.key),
    };
  }

  /** The shards written by a save, at the versions snapshotted: each is clean unless it changed since. */
  markSaved(versions: { key: number; version: number }[]): void {
    for (const { key, version } of versions) {
      const shard = this.shards.find((s) => s.key === key);
      if (shard) shard.saved = version;
    }
  }
}
