// Candidate claims for the whole workspace: clusters of statements from at least two articles that report the
// same fact (at most one statement per article), each member marked agrees / differs / denies, disagreements first.
import type { CorroborationIndex } from './matchIndex';
import { relateRecords, type RelationKind } from './relation';

export interface CandidateMember {
  statementId: string;
  articleId: string;
  /** How this member stands to the representative (the representative itself agrees). */
  relation: RelationKind;
  /** The differing figure, other side first: "2,000 vs 9,000". */
  detail: string | null;
}

export interface CandidateClaim {
  /** Stable while the cluster has the same statements: remembers a dismissal. */
  key: string;
  /** The member most similar to the others: its text proposes the claim. */
  representativeId: string;
  members: CandidateMember[];
  disagreement: boolean;
  /** Mean similarity of the links that formed the cluster. */
  score: number;
}

export interface CandidateOptions {
  threshold?: number;
  /** Called every so often with the share of statements done (0..1). */
  onProgress?: (done: number) => void;
}

const PROGRESS_EVERY = 2000;
// A whole-workspace pass probes fewer and rarer keys than a single query: a fact's rarest words suffice.
const PASS_OPTIONS = (threshold: number | undefined) => ({
  threshold,
  limit: 6,
  probeKeys: 4,
  candidates: 16,
  commonShare: 0.001,
});

/** Union-find over statements that keeps per cluster its articles, so one article never enters twice. */
class Clusters {
  private readonly parent = new Map<string, string>();
  private readonly articles = new Map<string, Set<string>>();
  readonly weight = new Map<string, number>();

  find(x: string): string {
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    for (let at = x; at !== root;) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  add(id: string, articleId: string): void {
    if (this.parent.has(id)) return;
    this.parent.set(id, id);
    this.articles.set(id, new Set([articleId]));
  }

  /** Joins the two clusters unless they share an article; true when joined. */
  join(a: string, b: string, score: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return false;
    const [sa, sb] = [this.articles.get(ra)!, this.articles.get(rb)!];
    for (const article of sb) if (sa.has(article)) return false;
    const [big, small] = sa.size >= sb.size ? [ra, rb] : [rb, ra];
    this.parent.set(small, big);
    for (const article of this.articles.get(small)!) this.articles.get(big)!.add(article);
    this.articles.delete(small);
    this.weight.set(a, (this.weight.get(a) ?? 0) + score);
    this.weight.set(b, (this.weight.get(b) ?? 0) + score);
    return true;
  }

  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const group = out.get(root);
      if (group) group.push(id);
      else out.set(root, [id]);
    }
    return out;
  }
}

/** Every candidate claim of the indexed workspace, disagreements first, then the most widely reported. */
export function findCandidateClaims(
  index: CorroborationIndex,
  opts: CandidateOptions = {},
): CandidateClaim[] {
  const edges: { a: string; b: string; score: number }[] = [];
  const total = index.size;
  let done = 0;
  for (const id of index.statementIds()) {
    for (const m of index.matches(id, PASS_OPTIONS(opts.threshold))) {
      if (id < m.statementId) edges.push({ a: id, b: m.statementId, score: m.score });
    }
    if (++done % PROGRESS_EVERY === 0) opts.onProgress?.(done / total);
  }
  edges.sort((x, y) => y.score - x.score);
  const clusters = new Clusters();
  for (const e of edges) {
    clusters.add(e.a, index.record(e.a)!.articleId);
    clusters.add(e.b, index.record(e.b)!.articleId);
    clusters.join(e.a, e.b, e.score);
  }
  const out: CandidateClaim[] = [];
  for (const ids of clusters.groups().values()) {
    if (ids.length < 2) continue;
    const representativeId = ids.reduce((best, id) =>
      (clusters.weight.get(id) ?? 0) > (clusters.weight.get(best) ?? 0) ? id : best,
    );
    const rep = index.record(representativeId)!;
    const members = ids.map((id): CandidateMember => {
      const record = index.record(id)!;
      const relation = id === representativeId ? null : relateRecords(rep, record);
      return {
        statementId: id,
        articleId: record.articleId,
        relation: relation?.kind ?? 'agrees',
        detail: relation?.detail ?? null,
      };
    });
    // Each join added its score to both ends: n − 1 joins formed the cluster.
    const weights = ids.reduce((sum, id) => sum + (clusters.weight.get(id) ?? 0), 0);
    out.push({
      key: [...ids].sort().join('+'),
      representativeId,
      members,
      disagreement: members.some((m) => m.relation !== 'agrees'),
      score: weights / (2 * (ids.length - 1)),
    });
  }
  opts.onProgress?.(1);
  return out.sort(
    (x, y) =>
      Number(y.disagreement) - Number(x.disagreement) ||
      y.members.length - x.members.length ||
      y.score - x.score,
  );
}
