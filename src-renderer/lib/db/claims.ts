// Claims (short propositions) and the statements attached to them as asserts / denies / qualifies, undoably.
import type {
  Annotation,
  Article,
  Claim,
  ClaimStatement,
  Source,
  Stance,
  Statement,
} from '../../../src-main/shared/domain';
import type { MatrixInput } from '../../../src-main/shared/compare/matrix';
import { type CorroborateDB, newId, now } from './db';
import { applyEdit } from './history';
import { db } from './app-db';

export interface ClaimSummary {
  claim: Claim;
  asserts: number;
  denies: number;
  qualifies: number;
}

/** A statement attached to a claim, with what the claim view shows about it. */
export interface ClaimEntry {
  link: ClaimStatement;
  statement: Statement;
  article: Pick<Article, 'id' | 'title' | 'outlet'>;
  text: string;
  speaker: Source | null;
  /** The analyst's credibility grade (1–6) of the statement: the latest graded annotation covering it. */
  credibility: number | null;
}

export async function listClaimsIn(db: CorroborateDB): Promise<ClaimSummary[]> {
  const [claims, links] = await Promise.all([db.claims.toArray(), db.claimStatements.toArray()]);
  return claims
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((claim) => {
      const mine = links.filter((l) => l.claimId === claim.id);
      const count = (s: Stance) => mine.filter((l) => l.stance === s).length;
      return { claim, asserts: count('asserts'), denies: count('denies'), qualifies: count('qualifies') };
    });
}

export async function createClaimIn(db: CorroborateDB, text: string, note = ''): Promise<Claim> {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('A claim needs some words.');
  const at = now();
  const claim: Claim = { id: newId(), text: trimmed, note, createdAt: at, updatedAt: at };
  await applyEdit(db, `Create claim “${trimmed}”`, [{ table: 'claims', id: claim.id, after: claim }]);
  return claim;
}

export async function updateClaimIn(
  db: CorroborateDB,
  claim: Claim,
  patch: Partial<Pick<Claim, 'text' | 'note'>>,
): Promise<void> {
  const text = (patch.text ?? claim.text).trim();
  if (!text) throw new Error('A claim needs some words.');
  await applyEdit(db, 'Edit claim', [
    { table: 'claims', id: claim.id, after: { ...claim, ...patch, text, updatedAt: now() } },
  ]);
}

/** Delete a claim and its attachments in one undoable edit (the statements themselves stay). */
export async function deleteClaimIn(db: CorroborateDB, claim: Claim): Promise<void> {
  const links = await db.claimStatements.where('claimId').equals(claim.id).toArray();
  await applyEdit(db, `Delete claim “${claim.text}”`, [
    ...links.map((l) => ({ table: 'claimStatements' as const, id: l.id, after: null })),
    { table: 'claims', id: claim.id, after: null },
  ]);
}

/** Attach a statement to a claim, or change its stance if it is already attached. */
export async function attachStatementIn(
  db: CorroborateDB,
  claimId: string,
  statementId: string,
  stance: Stance,
): Promise<ClaimStatement> {
  const existing = await db.claimStatements
    .where('claimId')
    .equals(claimId)
    .filter((l) => l.statementId === statementId)
    .first();
  const at = now();
  const record: ClaimStatement = existing
    ? { ...existing, stance, updatedAt: at }
    : { id: newId(), claimId, statementId, stance, createdAt: at, updatedAt: at };
  await applyEdit(db, `Statement ${stance} claim`, [
    { table: 'claimStatements', id: record.id, after: record },
  ]);
  return record;
}

export async function detachStatementIn(db: CorroborateDB, link: ClaimStatement): Promise<void> {
  await applyEdit(db, 'Detach statement from claim', [
    { table: 'claimStatements', id: link.id, after: null },
  ]);
}

/** Latest credibility grade per statement, from the annotations covering it. */
function credibilityByStatement(annotations: Annotation[]): Map<string, number> {
  const latest = new Map<string, { grade: number; at: string }>();
  for (const a of annotations) {
    if (a.credibility === null || a.orphaned) continue;
    for (const id of a.statementIds) {
      const cur = latest.get(id);
      if (!cur || a.updatedAt > cur.at) latest.set(id, { grade: a.credibility, at: a.updatedAt });
    }
  }
  return new Map([...latest].map(([id, v]) => [id, v.grade]));
}

async function entriesFor(db: CorroborateDB, links: ClaimStatement[]): Promise<ClaimEntry[]> {
  const statements = await db.statements.bulkGet(links.map((l) => l.statementId));
  const articleIds = [...new Set(statements.filter((s): s is Statement => !!s).map((s) => s.articleId))];
  const articles = new Map(
    (await db.articles.bulkGet(articleIds)).filter((a) => !!a).map((a) => [a!.id, a!]),
  );
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const annotations = await db.annotations
    .where('statementIds')
    .anyOf(links.map((l) => l.statementId))
    .toArray();
  const grades = credibilityByStatement(annotations);
  const out: ClaimEntry[] = [];
  links.forEach((link, i) => {
    const statement = statements[i];
    const article = statement ? articles.get(statement.articleId) : undefined;
    if (!statement || !article) return;
    out.push({
      link,
      statement,
      article: { id: article.id, title: article.title, outlet: article.outlet },
      text: article.text.slice(statement.start, statement.end),
      speaker: statement.speakerId ? (sources.get(statement.speakerId) ?? null) : null,
      credibility: grades.get(statement.id) ?? null,
    });
  });
  return out;
}

const STANCE_ORDER: Record<Stance, number> = { asserts: 0, denies: 1, qualifies: 2 };

/** The statements attached to a claim, asserting first, then denying, then qualifying. */
export async function claimEntriesIn(db: CorroborateDB, claimId: string | null): Promise<ClaimEntry[]> {
  if (!claimId) return [];
  const links = await db.claimStatements.where('claimId').equals(claimId).toArray();
  const entries = await entriesFor(db, links);
  return entries.sort(
    (a, b) =>
      STANCE_ORDER[a.link.stance] - STANCE_ORDER[b.link.stance] ||
      a.article.title.localeCompare(b.article.title) ||
      a.statement.index - b.statement.index,
  );
}

/** The claims a statement is attached to, with its stance on each. */
export async function claimsOfStatementIn(
  db: CorroborateDB,
  statementId: string,
): Promise<{ link: ClaimStatement; claim: Claim }[]> {
  const links = await db.claimStatements.where('statementId').equals(statementId).toArray();
  const claims = await db.claims.bulkGet(links.map((l) => l.claimId));
  return links
    .map((link, i) => ({ link, claim: claims[i] }))
    .filter((x): x is { link: ClaimStatement; claim: Claim } => !!x.claim);
}

/** Everything the claim × source matrix needs, plus the statement texts for drilling into a cell. */
export async function matrixDataIn(
  db: CorroborateDB,
): Promise<{ input: MatrixInput; entries: Map<string, ClaimEntry> }> {
  const [claims, links, sources] = await Promise.all([
    db.claims.toArray(),
    db.claimStatements.toArray(),
    db.sources.toArray(),
  ]);
  const entries = await entriesFor(db, links);
  const annotations = await db.annotations
    .where('statementIds')
    .anyOf(links.map((l) => l.statementId))
    .toArray();
  return {
    input: {
      claims: claims.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      claimStatements: links,
      statements: entries.map((e) => e.statement),
      sources,
      annotations: annotations.filter((a) => !a.orphaned),
      statementTexts: new Map(entries.map((e) => [e.statement.id, e.text])),
    },
    entries: new Map(entries.map((e) => [e.statement.id, e])),
  };
}

/** The same operations on the app's workspace database, for the screens. */
export const claims = {
  list: () => listClaimsIn(db),
  create: (text: string, note?: string) => createClaimIn(db, text, note),
  update: (claim: Claim, patch: Partial<Pick<Claim, 'text' | 'note'>>) => updateClaimIn(db, claim, patch),
  remove: (claim: Claim) => deleteClaimIn(db, claim),
  attach: (claimId: string, statementId: string, stance: Stance) =>
    attachStatementIn(db, claimId, statementId, stance),
  detach: (link: ClaimStatement) => detachStatementIn(db, link),
  entries: (claimId: string | null) => claimEntriesIn(db, claimId),
  ofStatement: (statementId: string | null) =>
    statementId ? claimsOfStatementIn(db, statementId) : Promise.resolve([]),
  matrix: () => matrixDataIn(db),
};
