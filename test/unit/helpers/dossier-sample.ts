// A small but complete sample dossier built from the real seed article and its gold statements.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  Annotation,
  Source,
  SourceKind,
  Statement,
  StatementKind,
} from '../../../src-main/shared/domain';
import { emptyDossier, type Dossier } from '../../../src-main/shared/dossier';

export const SEED_PATH = resolve(import.meta.dirname, '../../fixtures/car-dec-2020.txt');
const GOLD_PATH = resolve(import.meta.dirname, '../../fixtures/statements.gold.json');

interface GoldStatement {
  index: number;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  via: string | null;
  cue: string | null;
  kind: StatementKind;
}

export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');
export const goldStatements = (): GoldStatement[] =>
  (JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as { statements: GoldStatement[] }).statements;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const T0 = '2026-11-20T09:00:00.000Z';
const T1 = '2026-11-21T10:30:00.000Z';

function sourceKind(name: string): SourceKind {
  if (/government/i.test(name)) return 'government';
  if (/tass|interfax/i.test(name)) return 'agency';
  if (/times|radio|media/i.test(name)) return 'outlet';
  if (/military|spokesperson/i.test(name)) return 'organisation';
  if (/^(russia|rwanda)$/i.test(name)) return 'government';
  return 'person';
}

/** Text that must never survive into an export as markup. */
export const HOSTILE_NOTE =
  'Check **this** <script>alert("x")</script><img src=x onerror="alert(1)"> [ok](javascript:alert(2))';

export function sampleDossier(): Dossier {
  const text = seedText();
  const gold = goldStatements();
  const d = emptyDossier(T1, 'Corroborate test');
  const articleId = 'article-car-dec-2020';
  d.articles.push({
    id: articleId,
    title: 'Russia and Rwanda deploy forces to the Central African Republic',
    outlet: 'Example Monitor',
    authors: ['A. Analyst'],
    publishedAt: '2020-12-22',
    url: null,
    language: 'en',
    text,
    textSha256: sha256(text),
    fileSha256: sha256(readFileSync(SEED_PATH)),
    fileName: 'car-dec-2020.txt',
    format: 'txt',
    fileSize: statSync(SEED_PATH).size,
    importedAt: T0,
    updatedAt: T0,
    versionOf: null,
  });
  d.imports.push({
    id: 'import-1',
    batchId: 'batch-1',
    fileName: 'car-dec-2020.txt',
    format: 'txt',
    outcome: 'imported',
    articleId,
    title: d.articles[0]!.title,
    statementCount: gold.length,
    reason: null,
    at: T0,
  });
  const sources = new Map<string, Source>();
  const sourceId = (name: string | null): string | null => {
    if (name === null) return null;
    if (!sources.has(name)) {
      const reliability = name === 'Tass' ? 'D' : name === 'Radio Free Europe Radio Liberty' ? 'B' : null;
      sources.set(name, {
        id: `source-${sources.size + 1}`,
        name,
        kind: sourceKind(name),
        aliases: [],
        reliability,
        note: reliability ? `Graded ${reliability} after review.` : '',
        userEdited: false,
        createdAt: T0,
        updatedAt: T0,
      });
    }
    return sources.get(name)!.id;
  };
  for (const g of gold) {
    const statement: Statement = {
      id: `stmt-${g.index}`,
      articleId,
      index: g.index,
      start: g.start,
      end: g.end,
      kind: g.kind,
      speakerId: sourceId(g.speaker),
      cue: g.cue,
      viaIds: g.via ? [sourceId(g.via)!] : [],
      entities: [],
      userEdited: false,
      updatedAt: T0,
    };
    d.statements.push(statement);
  }
  d.sources.push(...sources.values());
  d.tags.push(
    {
      id: 'tag-deploy',
      name: 'Deployment',
      colour: '#d97706',
      parentId: null,
      description: 'Troops sent',
      shortcut: 1,
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 'tag-deploy-ru',
      name: 'Russian deployment',
      colour: '#dc2626',
      parentId: 'tag-deploy',
      description: '',
      shortcut: 2,
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 'tag-denial',
      name: 'Denial',
      colour: '#2563eb',
      parentId: null,
      description: 'Someone denies',
      shortcut: 3,
      createdAt: T0,
      updatedAt: T0,
    },
  );
  const annotate = (
    id: string,
    stmt: number,
    exact: string,
    tagIds: string[],
    note: string,
    credibility: number | null,
  ): Annotation => {
    const g = gold[stmt]!;
    const start = text.indexOf(exact, g.start);
    if (start < 0 || start + exact.length > g.end) throw new Error(`"${exact}" is not in statement ${stmt}`);
    const end = start + exact.length;
    return {
      id,
      articleId,
      statementIds: [`stmt-${stmt}`],
      tagIds,
      note,
      credibility,
      author: 'A. Analyst',
      orphaned: false,
      quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { start, end },
      createdAt: T0,
      updatedAt: T1,
    };
  };
  d.annotations.push(
    annotate(
      'ann-1',
      0,
      'Russia and Rwanda had deployed military forces',
      ['tag-deploy', 'tag-deploy-ru'],
      'The **core claim**; see [the statement](https://example.org/car).',
      3,
    ),
    annotate('ann-2', 1, 'Russia denied it sent any forces', ['tag-denial'], HOSTILE_NOTE, 2),
    annotate('ann-3', 12, 'We are not sending troops', ['tag-denial'], '', null),
    annotate('ann-4', 29, 'the deployment', ['tag-deploy'], '- first point\n- second point', 1),
  );
  d.links.push(
    {
      id: 'link-1',
      fromStatementId: 'stmt-0',
      toStatementId: 'stmt-1',
      type: 'contradicts',
      note: 'Government vs Moscow',
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 'link-2',
      fromStatementId: 'stmt-11',
      toStatementId: 'stmt-12',
      type: 'elaborates',
      note: '',
      createdAt: T0,
      updatedAt: T0,
    },
  );
  d.claims.push({
    id: 'claim-1',
    text: 'Russia deployed troops to CAR in December 2020',
    note: 'Central question.',
    createdAt: T0,
    updatedAt: T0,
  });
  d.claimStatements.push(
    {
      id: 'cs-1',
      claimId: 'claim-1',
      statementId: 'stmt-0',
      stance: 'asserts',
      createdAt: T0,
      updatedAt: T0,
    },
    { id: 'cs-2', claimId: 'claim-1', statementId: 'stmt-1', stance: 'denies', createdAt: T0, updatedAt: T0 },
    {
      id: 'cs-3',
      claimId: 'claim-1',
      statementId: 'stmt-13',
      stance: 'qualifies',
      createdAt: T0,
      updatedAt: T0,
    },
    {
      id: 'cs-4',
      claimId: 'claim-1',
      statementId: 'stmt-25',
      stance: 'asserts',
      createdAt: T0,
      updatedAt: T0,
    },
  );
  return d;
}
