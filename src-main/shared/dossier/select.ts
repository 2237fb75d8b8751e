// Cuts a dossier down to a selection of articles, tags and claims, keeping every reference inside it valid.
import type { Dossier } from './schema';

export interface DossierSelection {
  articleIds?: readonly string[];
  tagIds?: readonly string[];
  claimIds?: readonly string[];
}

/**
 * Articles selected = the chosen articles ∪ articles carrying an annotation with a chosen tag (or a
 * sub-tag) ∪ articles quoted by a chosen claim. When tags are chosen, only annotations with those
 * tags are kept; links and claim rows are kept only when both their ends are in the selection.
 * Sources and tags come along when referenced (tags with their ancestors). No filter = everything.
 */
export function selectDossier(d: Dossier, selection: DossierSelection): Dossier {
  const { articleIds = [], tagIds = [], claimIds = [] } = selection;
  if (articleIds.length + tagIds.length + claimIds.length === 0) return d;

  const tagById = new Map(d.tags.map((t) => [t.id, t]));
  const chosenTags = new Set(tagIds);
  // A tag chosen in the codebook brings its whole subtree.
  let grew = true;
  while (grew && chosenTags.size > 0) {
    grew = false;
    for (const t of d.tags) {
      if (t.parentId !== null && chosenTags.has(t.parentId) && !chosenTags.has(t.id)) {
        chosenTags.add(t.id);
        grew = true;
      }
    }
  }
  const statementArticle = new Map(d.statements.map((s) => [s.id, s.articleId]));
  const chosenClaims = new Set(claimIds);
  const articles = new Set(articleIds);
  for (const a of d.annotations) if (a.tagIds.some((t) => chosenTags.has(t))) articles.add(a.articleId);
  for (const cs of d.claimStatements) {
    const articleId = statementArticle.get(cs.statementId);
    if (chosenClaims.has(cs.claimId) && articleId !== undefined) articles.add(articleId);
  }

  const statements = d.statements.filter((s) => articles.has(s.articleId));
  const statementIds = new Set(statements.map((s) => s.id));
  const annotations = d.annotations.filter(
    (a) => articles.has(a.articleId) && (chosenTags.size === 0 || a.tagIds.some((t) => chosenTags.has(t))),
  );
  const claimStatementsInScope = d.claimStatements.filter((cs) => statementIds.has(cs.statementId));
  const claimsKept = new Set(
    chosenClaims.size > 0 ? chosenClaims : claimStatementsInScope.map((cs) => cs.claimId),
  );
  const sourceIds = new Set<string>();
  for (const s of statements) {
    if (s.speakerId !== null) sourceIds.add(s.speakerId);
    for (const v of s.viaIds) sourceIds.add(v);
  }
  const tagsKept = new Set<string>(chosenTags);
  for (const a of annotations) for (const t of a.tagIds) tagsKept.add(t);
  for (const id of [...tagsKept]) {
    for (
      let p = tagById.get(id)?.parentId ?? null;
      p !== null && !tagsKept.has(p);
      p = tagById.get(p)?.parentId ?? null
    )
      tagsKept.add(p);
  }

  const kept = {
    articles: d.articles.filter((a) => articles.has(a.id)),
    statements,
    sources: d.sources.filter((s) => sourceIds.has(s.id)),
    annotations,
    tags: d.tags.filter((t) => tagsKept.has(t.id)),
    links: d.links.filter((l) => statementIds.has(l.fromStatementId) && statementIds.has(l.toStatementId)),
    claims: d.claims.filter((c) => claimsKept.has(c.id)),
    claimStatements: claimStatementsInScope.filter((cs) => claimsKept.has(cs.claimId)),
    imports: d.imports.filter((r) => r.articleId !== null && articles.has(r.articleId)),
  };
  const keptIds = new Set(Object.values(kept).flatMap((rows) => rows.map((r) => r.id)));
  return {
    ...d,
    ...kept,
    // versionOf may point outside the selection; that is allowed (it is not checked as a reference).
    scope: { whole: false, articleIds: [...articleIds], tagIds: [...tagIds], claimIds: [...claimIds] },
    history: d.history.filter((h) => keptIds.has(h.record.id)),
  };
}
