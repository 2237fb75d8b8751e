// In-memory inverted index of corroboration records: finds the statements of other articles that report the same
// fact as a given one by probing only its rarest keys, then scoring the few candidates (weighted Dice over idf).
import { topByShared } from '../topByShared';
import type { CorroborationRecord } from './signature';

export interface Match {
  statementId: string;
  articleId: string;
  score: number;
}

export interface MatchOptions {
  /** Smallest score for a match (0..1). */
  threshold?: number;
  limit?: number;
  /** How many of the statement's rarest keys to probe (fewer: faster, for whole-workspace passes). */
  probeKeys?: number;
  /** How many candidates (by shared rare weight) get a full score. */
  candidates?: number;
  /** Keys held by more than this share of statements are not probed. */
  commonShare?: number;
}

/** Calibrated on test/fixtures/corroboration (see `npm run eval`). */
export const DEFAULT_MATCH_THRESHOLD = 0.28;
/** A second match in the same article must score this share of the best one there (one fact, one statement). */
export const SAME_ARTICLE_SHARE = 0.8;
const PROBE_KEYS = 10;
const CANDIDATES = 64;
// A key held by more than this share of statements says little about which fact a statement reports.
const COMMON_SHARE = 0.02;
const MIN_COMMON_POSTINGS = 64;

interface Doc {
  record: CorroborationRecord;
  keys: Int32Array;
  bonuses: Float64Array;
  live: boolean;
}

export class CorroborationIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly postings: number[][] = [];
  private readonly docs: Doc[] = [];
  private readonly byStatement = new Map<string, number>();
  private readonly byArticle = new Map<string, number[]>();
  private liveCount = 0;
  // Scratch arrays for a query, reused so a query allocates little.
  private shared = new Float64Array(0);
  // idf and statement totals depend on the whole index: cached until the next add or remove.
  private generation = 0;
  private idfCache = new Float64Array(0);
  private idfGeneration = -1;
  private totals: number[] = [];
  private totalGeneration: number[] = [];

  get size(): number {
    return this.liveCount;
  }

  /** Ids of the indexed statements, in the order they were added. */
  *statementIds(): IterableIterator<string> {
    for (const doc of this.docs) if (doc.live) yield doc.record.statementId;
  }

  /** Ids of an article's indexed statements. */
  statementsOf(articleId: string): string[] {
    return (this.byArticle.get(articleId) ?? [])
      .filter((id) => this.docs[id]!.live)
      .map((id) => this.docs[id]!.record.statementId);
  }

  has(statementId: string): boolean {
    return this.byStatement.has(statementId);
  }

  hasArticle(articleId: string): boolean {
    return this.byArticle.has(articleId);
  }

  /** Ids of the articles with statements in the index. */
  articleIds(): string[] {
    return [...this.byArticle.keys()];
  }

  record(statementId: string): CorroborationRecord | undefined {
    const doc = this.byStatement.get(statementId);
    return doc === undefined ? undefined : this.docs[doc]!.record;
  }

  add(record: CorroborationRecord): void {
    if (this.byStatement.has(record.statementId)) this.removeStatement(record.statementId);
    const id = this.docs.length;
    const order = record.keys.map((key, k) => ({ term: this.keyId(key), bonus: record.bonuses[k] ?? 1 }));
    order.sort((x, y) => x.term - y.term);
    const keys = Int32Array.from(order, (o) => o.term);
    for (const term of keys) {
      this.df[term]!++;
      this.postings[term]!.push(id);
    }
    this.docs.push({ record, keys, bonuses: Float64Array.from(order, (o) => o.bonus), live: true });
    this.byStatement.set(record.statementId, id);
    const inArticle = this.byArticle.get(record.articleId) ?? [];
    inArticle.push(id);
    this.byArticle.set(record.articleId, inArticle);
    this.liveCount++;
    this.generation++;
  }

  /** Forgets an article's statements (deleted or re-analysed); postings drop them lazily. */
  removeArticle(articleId: string): void {
    for (const id of this.byArticle.get(articleId) ?? [])
      this.removeStatement(this.docs[id]!.record.statementId);
    this.byArticle.delete(articleId);
  }

  private removeStatement(statementId: string): void {
    const id = this.byStatement.get(statementId);
    if (id === undefined) return;
    const doc = this.docs[id]!;
    doc.live = false;
    for (const term of doc.keys) this.df[term]!--;
    this.byStatement.delete(statementId);
    this.liveCount--;
    this.generation++;
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.df.length;
      this.keyIds.set(key, id);
      this.df.push(0);
      this.postings.push([]);
    }
    return id;
  }

  private idfTable(): Float64Array {
    if (this.idfGeneration !== this.generation) {
      const table = new Float64Array(this.df.length);
      for (let t = 0; t < table.length; t++)
        table[t] = Math.log(1 + this.liveCount / Math.max(1, this.df[t]!));
      this.idfCache = table;
      this.idfGeneration = this.generation;
    }
    return this.idfCache;
  }

  private idf(term: number): number {
    return this.idfTable()[term]!;
  }

  private total(doc: Doc, id = -1): number {
    if (id >= 0 && this.totalGeneration[id] === this.generation) return this.totals[id]!;
    const idf = this.idfTable();
    let total = 0;
    for (let k = 0; k < doc.keys.length; k++) total += doc.bonuses[k]! * idf[doc.keys[k]!]!;
    if (id >= 0) {
      this.totals[id] = total;
      this.totalGeneration[id] = this.generation;
    }
    return total;
  }

  /** Weighted Dice coefficient of two indexed statements: shared weight over total weight. */
  private score(a: Doc, b: Doc, aTotal: number, bId = -1): number {
    const idf = this.idfTable();
    let shared = 0;
    let x = 0;
    let y = 0;
    while (x < a.keys.length && y < b.keys.length) {
      const ta = a.keys[x]!;
      const tb = b.keys[y]!;
      if (ta === tb) {
        shared += (a.bonuses[x]! + b.bonuses[y]!) * idf[ta]!;
        x++;
        y++;
      } else if (ta < tb) x++;
      else y++;
    }
    const total = aTotal + this.total(b, bId);
    return total === 0 ? 0 : shared / total;
  }

  /** Score of two indexed statements, 0 when either is unknown. */
  similarity(aStatementId: string, bStatementId: string): number {
    const a = this.byStatement.get(aStatementId);
    const b = this.byStatement.get(bStatementId);
    if (a === undefined || b === undefined) return 0;
    return this.score(this.docs[a]!, this.docs[b]!, this.total(this.docs[a]!, a), b);
  }

  /** Statements of other articles reporting the same fact as this indexed statement, best first. */
  matches(statementId: string, opts: MatchOptions = {}): Match[] {
    const id = this.byStatement.get(statementId);
    if (id === undefined) return [];
    const threshold = opts.threshold ?? DEFAULT_MATCH_THRESHOLD;
    const doc = this.docs[id]!;
    if (this.shared.length < this.docs.length) this.shared = new Float64Array(this.docs.length * 2);
    const shared = this.shared;
    // Probe the rarest keys: two statements reporting one fact share some of them.
    const commonLimit = Math.max(
      MIN_COMMON_POSTINGS,
      Math.ceil(this.liveCount * (opts.commonShare ?? COMMON_SHARE)),
    );
    const probe = [...doc.keys.keys()]
      .filter((k) => this.df[doc.keys[k]!]! > 1 && this.df[doc.keys[k]!]! <= commonLimit)
      .sort((x, y) => this.df[doc.keys[x]!]! - this.df[doc.keys[y]!]!)
      .slice(0, opts.probeKeys ?? PROBE_KEYS);
    const touched: number[] = [];
    for (const k of probe) {
      const term = doc.keys[k]!;
      const weight = doc.bonuses[k]! * this.idf(term);
      for (const other of this.postings[term]!) {
        const candidate = this.docs[other]!;
        if (!candidate.live || candidate.record.articleId === doc.record.articleId) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]! += weight;
      }
    }
    const best = topByShared(touched, touched.length, shared, opts.candidates ?? CANDIDATES);
    const total = this.total(doc, id);
    const found: Match[] = [];
    for (const other of best) {
      const score = this.score(doc, this.docs[other]!, total, other);
      if (score >= threshold) {
        const { statementId: sid, articleId } = this.docs[other]!.record;
        found.push({ statementId: sid, articleId, score });
      }
    }
    for (const other of touched) shared[other] = 0;
    found.sort((x, y) => y.score - x.score);
    const bestIn = new Map<string, number>();
    const kept = found.filter((m) => {
      const best = bestIn.get(m.articleId);
      if (best === undefined) bestIn.set(m.articleId, m.score);
      return best === undefined || m.score >= best * SAME_ARTICLE_SHARE;
    });
    return opts.limit === undefined ? kept : kept.slice(0, opts.limit);
  }
}
