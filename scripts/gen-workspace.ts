// Generates a synthetic workspace as a JSON dossier (drop it onto the app) for benchmarks and scale tests:
// npm run gen:workspace -- --articles N --annotations M [--statements S] [--people P] [--seed K] [--out file.json]
// or a folder of N plain-text news articles with many distinct speakers, to drop in as one folder:
// npm run gen:workspace -- --txt DIR --articles 1000 [--seed K]
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Annotation, Article, Source, Statement, Tag } from '../src-main/shared/domain';
import { emptyDossier, validateDossier, type Dossier } from '../src-main/shared/dossier';
import { selectorsFor } from '../src-main/shared/selectors';
import { FIRST, LAST, newsArticle } from './news-text';
import { rng, type Rng } from './rng';

export interface GenerateOptions {
  articles: number;
  /** Annotations over the whole workspace, spread over the articles in proportion to their statements. */
  annotations: number;
  /** Statements per article. */
  statements: number;
  seed: number;
  /**
   * Named people beyond the core cast, as in a real newsroom's archive: a long tail of speakers, a few of them
   * frequent. Person k has the same name in every dossier generated (whatever its seed), so dossiers merged into
   * one workspace share their recurring speakers. 0 (the default): the core cast only.
   */
  people?: number;
}

const AT = '2026-01-15T09:00:00.000Z';

/** Deterministic UUID-shaped ids (the dossier only needs unique strings, but tools expect UUIDs). */
function idMaker(prefix: string) {
  let n = 0;
  return () => {
    const h = createHash('sha1').update(`${prefix}:${n++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

const PEOPLE = [
  ['Mikhail Bogdanov', 'person'],
  ['Faustin-Archange Touadéra', 'person'],
  ['Albert Yaloke Mokpeme', 'person'],
  ['Valery Zakharov', 'person'],
  ['Sylvie Baïpo-Temon', 'person'],
  ['Ange-Maxime Kazagui', 'person'],
  ['Mankeur Ndiaye', 'person'],
  ['François Bozizé', 'person'],
] as const;
const ORGS = [
  ['Tass', 'agency'],
  ['Interfax', 'agency'],
  ['RFERL', 'outlet'],
  ['The Moscow Times', 'outlet'],
  ['Radio Ndeke Luka', 'outlet'],
  ['Rwanda Defence Force', 'organisation'],
  ['MINUSCA', 'organisation'],
  ['the government of the Central African Republic', 'government'],
  ['the Russian Foreign Ministry', 'government'],
  ['Corbeau News', 'outlet'],
] as const;

const SUBJECTS = [
  'Russian military instructors',
  'Rwandan troops',
  'the rebel coalition',
  'UN peacekeepers',
  'government forces',
  'a convoy of armoured vehicles',
  'several hundred soldiers',
  'the electoral commission',
  'armed groups near Bambari',
  'private security contractors',
];
const VERBS = [
  'arrived in',
  'withdrew from',
  'were deployed to',
  'attacked positions near',
  'secured the road to',
  'were seen patrolling',
  'took control of',
  'prepared to leave',
];
const PLACES = [
  'Bangui',
  'Bambari',
  'Bossangoa',
  'Berberati',
  'Bouar',
  'Kaga-Bandoro',
  'the border with Cameroon',
  'the airport at M’Poko',
  'the main supply route',
];
const WHEN = [
  'on Sunday',
  'last week',
  'earlier this month',
  'ahead of the December 27 election',
  'overnight',
  'in recent days',
];
const CUES = ['said', 'told reporters', 'denied', 'confirmed', 'claimed', 'according to'] as const;
const HEDGES = [
  'It is unclear whether',
  'Local residents suggested that',
  'There were unconfirmed reports that',
];
const NOTES = [
  'Contradicted by **two** other outlets; check the dates.',
  'Figure differs from the UN count — see the [MINUSCA statement](https://minusca.unmissions.org).',
  'Only source is a *relayed* quote; original not found.',
  'Consistent with satellite imagery reported elsewhere.',
  'Needs a second source before publication.',
];

function sentence(r: Rng, speaker: Source | null, via: Source | null) {
  const clause = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(PLACES)} ${r.pick(WHEN)}`;
  const n = r.int(9) + 1;
  const figure = r.next() < 0.3 ? `, with about ${n * 100} people involved` : '';
  if (!speaker) {
    if (r.next() < 0.3)
      return {
        text: `${r.pick(HEDGES)} ${clause}${figure}.`,
        kind: 'hedged' as const,
        cue: null,
      };
    const text = `${clause}${figure}.`;
    return { text: text[0]!.toUpperCase() + text.slice(1), kind: 'narrative' as const, cue: null };
  }
  const cue = r.pick(CUES);
  const relay = via ? `, according to ${via.name}` : '';
  if (cue === 'according to')
    return { text: `According to ${speaker.name}, ${clause}${figure}.`, kind: 'reported' as const, cue };
  if (r.next() < 0.4)
    return {
      text: `“${clause[0]!.toUpperCase()}${clause.slice(1)}${figure},” ${speaker.name} ${cue}${relay}.`,
      kind: 'quote' as const,
      cue,
    };
  return { text: `${speaker.name} ${cue} that ${clause}${figure}${relay}.`, kind: 'reported' as const, cue };
}

function makeSources(nextId: () => string): Source[] {
  const grades = ['A', 'B', 'C', 'D', 'E', 'F', null, null] as const;
  return [...PEOPLE, ...ORGS].map(([name, kind], i) => ({
    id: nextId(),
    name,
    kind,
    aliases: name.includes(' ') && kind === 'person' ? [name.split(' ').at(-1)!] : [],
    reliability: grades[i % grades.length]!,
    note: '',
    userEdited: false,
    createdAt: AT,
    updatedAt: AT,
  }));
}

const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

/** Person k of the long tail: a first name, a middle initial and a surname, distinct for every k. */
export function personName(k: number): string {
  const first = FIRST[k % FIRST.length]!;
  const last = LAST[Math.floor(k / FIRST.length) % LAST.length]!;
  const initial = INITIALS[Math.floor(k / (FIRST.length * LAST.length)) % INITIALS.length]!;
  return k < FIRST.length * LAST.length ? `${first} ${last}` : `${first} ${initial}. ${last}`;
}

/**
 * Who speaks a statement: the core cast half the time, otherwise someone of the long tail, the first people far
 * more often than the last (person k at about 1/√k of the first's rate). Long-tail sources are made when first
 * used, so a dossier holds the people its articles quote.
 */
function speakerPicker(r: Rng, core: Source[], people: number, nextId: () => string) {
  const tail = new Map<number, Source>();
  return {
    pick(): Source {
      if (people === 0 || r.next() < 0.5) return r.pick(core);
      const k = Math.floor(people * r.next() ** 2);
      let source = tail.get(k);
      if (!source) {
        const name = personName(k);
        source = {
          ...core[0]!,
          id: nextId(),
          name,
          kind: 'person',
          aliases: [],
          reliability: null,
        };
        tail.set(k, source);
      }
      return source;
    },
    made: () => [...tail.values()],
  };
}

function makeTags(nextId: () => string): Tag[] {
  const top = [
    ['Key claim', '#d9534f', 'A central factual claim worth verifying.'],
    ['Denial', '#6f42c1', 'An actor denies or disputes something.'],
    ['Figure', '#e8a33d', 'A number, count or date that others may contradict.'],
    ['Needs verification', '#2c7fb8', 'Unconfirmed; check against other sources.'],
  ] as const;
  const tags: Tag[] = top.map(([name, colour, description], i) => ({
    id: nextId(),
    name,
    colour,
    parentId: null,
    description,
    shortcut: i + 1,
    createdAt: AT,
    updatedAt: AT,
  }));
  const children = [
    ['Troop deployment', 0],
    ['Casualties', 0],
    ['Official denial', 1],
    ['Troop numbers', 2],
    ['Single source', 3],
    ['Relayed quote', 3],
  ] as const;
  for (const [name, parent] of children)
    tags.push({
      ...tags[parent]!,
      id: nextId(),
      name,
      parentId: tags[parent]!.id,
      shortcut: null,
      description: '',
    });
  return tags;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A whole workspace as a valid dossier. */
export function generateWorkspace(opts: GenerateOptions): Dossier {
  const r = rng(opts.seed);
  const nextId = idMaker(`ws-${opts.seed}`);
  const d = emptyDossier(AT, 'Corroborate workspace generator');
  d.sources = makeSources(nextId);
  d.tags = makeTags(nextId);
  const speakers = speakerPicker(r, d.sources, opts.people ?? 0, nextId);
  const perArticle = Math.max(1, opts.statements);
  const annotationsPer = (i: number) =>
    Math.floor((opts.annotations * (i + 1)) / opts.articles) -
    Math.floor((opts.annotations * i) / opts.articles);

  for (let i = 0; i < opts.articles; i++) {
    const outlet = r.pick(ORGS.filter(([, k]) => k === 'outlet'))[0];
    const parts: string[] = [];
    const spans: {
      start: number;
      end: number;
      kind: Statement['kind'];
      cue: string | null;
      speaker: Source | null;
      via: Source | null;
    }[] = [];
    let length = 0;
    for (let s = 0; s < perArticle; s++) {
      const speaker = r.next() < 0.7 ? speakers.pick() : null;
      const via = speaker && r.next() < 0.25 ? r.pick(d.sources.filter((x) => x.kind === 'agency')) : null;
      const sent = sentence(r, speaker, via);
      const sep = s === 0 ? '' : s % 6 === 0 ? '\n\n' : ' ';
      length += sep.length;
      parts.push(sep + sent.text);
      spans.push({
        start: length,
        end: length + sent.text.length,
        kind: sent.kind,
        cue: sent.cue,
        speaker,
        via,
      });
      length += sent.text.length;
    }
    const text = parts.join('');
    const topic = r.pick(SUBJECTS);
    const article: Article = {
      id: nextId(),
      title: `${topic[0]!.toUpperCase()}${topic.slice(1)} in the Central African Republic (${i + 1})`,
      outlet,
      authors: ['Generated'],
      publishedAt: `2020-12-${String(1 + (i % 28)).padStart(2, '0')}`,
      url: null,
      language: 'en',
      text,
      textSha256: sha256(text),
      fileSha256: sha256(`file:${text}`),
      fileName: `generated-${i + 1}.txt`,
      format: 'txt',
      fileSize: Buffer.byteLength(text),
      importedAt: new Date(Date.parse(AT) + i * 1000).toISOString(),
      updatedAt: AT,
      versionOf: null,
    };
    d.articles.push(article);
    const statements: Statement[] = spans.map((sp, index) => ({
      id: nextId(),
      articleId: article.id,
      index,
      start: sp.start,
      end: sp.end,
      kind: sp.kind,
      speakerId: sp.speaker?.id ?? null,
      cue: sp.cue,
      viaIds: sp.via ? [sp.via.id] : [],
      entities: [],
      userEdited: false,
      updatedAt: AT,
    }));
    d.statements.push(...statements);

    for (let k = 0; k < annotationsPer(i); k++) {
      const first = r.int(statements.length);
      const st = statements[first]!;
      let start = st.start;
      let end = st.end;
      const ids = [st.id];
      const shape = r.next();
      if (shape < 0.25) {
        // A phrase inside the statement, on word boundaries.
        const words = [...text.slice(st.start, st.end).matchAll(/\S+/g)];
        const from = r.int(Math.max(1, words.length - 3));
        const w0 = words[from]!;
        const w1 = words[Math.min(words.length - 1, from + 1 + r.int(4))]!;
        start = st.start + w0.index;
        end = st.start + w1.index + w1[0].length;
      } else if (shape < 0.3 && statements[first + 1]) {
        end = statements[first + 1]!.end; // across two statements
        ids.push(statements[first + 1]!.id);
      }
      const tagCount = r.next() < 0.2 ? 2 : 1;
      const tagIds = [...new Set(Array.from({ length: tagCount }, () => r.pick(d.tags).id))];
      const annotation: Annotation = {
        id: nextId(),
        articleId: article.id,
        statementIds: ids,
        ...selectorsFor(text, start, end),
        note: r.next() < 0.3 ? r.pick(NOTES) : '',
        tagIds,
        credibility: r.next() < 0.4 ? 1 + r.int(6) : null,
        author: 'Generated',
        orphaned: false,
        createdAt: AT,
        updatedAt: AT,
      };
      d.annotations.push(annotation);
    }
  }
  d.sources.push(...speakers.made());
  d.scope = { whole: true, articleIds: [], tagIds: [], claimIds: [] };
  return d;
}

function parseArgs(argv: string[]): GenerateOptions & { out: string } {
  const get = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const value = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const articles = Math.max(1, get('articles', 1));
  const annotations = get('annotations', 1000);
  const outAt = argv.indexOf('--out');
  return {
    articles,
    annotations,
    statements: get('statements', Math.max(50, Math.ceil((annotations / articles) * 0.5))),
    seed: get('seed', 1),
    people: get('people', 0),
    out: resolve(outAt >= 0 ? argv[outAt + 1]! : `workspace-${articles}a-${annotations}n.json`),
  };
}

/** Writes `count` news articles as .txt files into `dir`; returns their paths. */
export function writeNewsFolder(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const { name, text } = newsArticle(i, seed);
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

const txtAt = process.argv.indexOf('--txt');
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && txtAt >= 0) {
  const opts = parseArgs(process.argv.slice(2));
  const dir = resolve(process.argv[txtAt + 1] ?? 'workspace-txt');
  writeNewsFolder(dir, opts.articles, opts.seed);
  console.log(`${dir}: ${opts.articles} news articles (.txt)`);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const opts = parseArgs(process.argv.slice(2));
  const dossier = generateWorkspace(opts);
  const checked = validateDossier(dossier);
  if (!checked.ok)
    throw new Error(`generated an invalid dossier: ${JSON.stringify(checked.errors.slice(0, 3))}`);
  writeFileSync(opts.out, JSON.stringify(dossier));
  console.log(
    `${opts.out}: ${dossier.articles.length} articles, ${dossier.statements.length} statements, ` +
      `${dossier.annotations.length} annotations, ${dossier.tags.length} tags, ${dossier.sources.length} sources`,
  );
}
