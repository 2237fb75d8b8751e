// Deterministic large-workspace generator for benchmarks (seeded, no fast-check shrinking overhead).
import { emptyDossier, type Dossier } from '../../../../../src-main/shared/dossier';
import { rng } from '../../../../../scripts/rng';
import { sampleDossier } from '../../../helpers/dossier-sample';

/** `articleCount` copies of the seed article (distinct ids and hashes) with `annotationCount` annotations spread over them. */
export function generateWorkspace(articleCount: number, annotationCount: number, seed = 1): Dossier {
  const sample = sampleDossier();
  const seedArticle = sample.articles[0]!;
  const random = rng(seed).next;
  const d = emptyDossier('2026-11-29T00:00:00.000Z', 'bench');
  d.sources = sample.sources;
  d.tags = sample.tags;
  d.claims = sample.claims;
  for (let i = 0; i < articleCount; i++) {
    const articleId = `article-${i}`;
    d.articles.push({
      ...seedArticle,
      id: articleId,
      title: `${seedArticle.title} #${i}`,
      textSha256: `${seedArticle.textSha256}-${i}`,
    });
    for (const s of sample.statements) d.statements.push({ ...s, id: `${articleId}-${s.id}`, articleId });
  }
  const statementsPerArticle = sample.statements.length;
  for (let i = 0; i < annotationCount; i++) {
    const a = i % articleCount;
    const statement = d.statements[a * statementsPerArticle + Math.floor(random() * statementsPerArticle)]!;
    const start = statement.start + Math.floor(random() * 20);
    const end = Math.min(statement.end, start + 10 + Math.floor(random() * 60));
    const text = seedArticle.text;
    d.annotations.push({
      id: `ann-${i}`,
      articleId: statement.articleId,
      statementIds: [statement.id],
      quote: {
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
      position: { start, end },
      note: random() < 0.3 ? `Note ${i} with *emphasis* and a [link](https://example.org/${i})` : '',
      tagIds: [sample.tags[Math.floor(random() * sample.tags.length)]!.id],
      credibility: 1 + Math.floor(random() * 6),
      author: 'bench',
      orphaned: false,
      createdAt: d.exportedAt,
      updatedAt: d.exportedAt,
    });
  }
  for (let i = 0; i + 1 < articleCount; i += 2) {
    d.links.push({
      id: `link-${i}`,
      fromStatementId: `article-${i}-stmt-0`,
      toStatementId: `article-${i + 1}-stmt-1`,
      type: 'contradicts',
      note: '',
      createdAt: d.exportedAt,
      updatedAt: d.exportedAt,
    });
    d.claimStatements.push({
      id: `cs-${i}`,
      claimId: 'claim-1',
      statementId: `article-${i}-stmt-0`,
      stance: 'asserts',
      createdAt: d.exportedAt,
      updatedAt: d.exportedAt,
    });
  }
  return d;
}
