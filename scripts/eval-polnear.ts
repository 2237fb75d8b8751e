// PolNeAR attribution measure (../shared/corpus/attribution/README.md) and the Sources registry check,
// used by scripts/eval.ts: right / attributed / total, precision, the speech-cue subset, misses by pattern.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../src-main/shared/analysis/index';
import { isFirstName } from '../src-main/shared/analysis/lexicon';
import type { Source } from '../src-main/shared/domain';
import type { AnalyzedStatement } from '../src-main/shared/extraction';
import { SourceResolver } from '../src-main/shared/records';
import { findCorpus } from './corpus';

interface Role {
  text: string;
  spans: [number, number][];
}
interface GoldAttribution {
  source: Role[];
  cue: Role[];
  content: Role[];
}
interface GoldFile {
  article: string;
  text_path: string;
  attributions: GoldAttribution[];
}

const corpusRoot = resolve(findCorpus(resolve(import.meta.dirname, '..')), 'attribution');
const DROPPED = new Set(['the', 'a', 'mr', 'ms', 'mrs', 'dr', 'president', 'sen', 'rep', 'gov']);
const PRONOUNS = new Set(
  'i me we us he him she her they them it you his its their our my one who'.split(' '),
);
const SPEECH_CUE =
  /\b(?:say|said|says|told|tell|according|added|claimed|denied|stated|wrote|asked|argued|insisted|noted|explained|acknowledged|announced|reported|warned|suggested|declared|tweeted|replied|responded|confirmed|recalled|joked|admitted)\b/i;

/** Lower-cased word tokens, possessive "'s" dropped. */
const tokensOf = (s: string): string[] =>
  s
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The gold source's name tokens: capitalised words other than articles and titles; empty for pronouns. */
export function goldNameTokens(source: string): string[] {
  const words = tokensOf(source);
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase())) return [];
  return words.filter((w) => /^\p{Lu}/u.test(w) && !DROPPED.has(w.toLowerCase())).map((w) => w.toLowerCase());
}

interface Scored {
  article: string;
  text: string;
  gold: GoldAttribution;
  found: AnalyzedStatement | null;
  speech: boolean;
  attributed: boolean;
  right: boolean;
  rightByName: boolean;
}

/** Where the content's first six words start in the text (searched from the content span), or -1. */
function probeAt(text: string, content: Role[]): number {
  const first = content[0];
  if (!first || !first.spans[0]) return -1;
  const words = content
    .map((c) => c.text)
    .join(' ')
    .replace(/^\s*["“”‘’']+/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  const probe = words.join(' ');
  if (probe.length < 12) return -1;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  pattern.lastIndex = Math.max(0, first.spans[0][0] - 3);
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

function statementAt(statements: AnalyzedStatement[], at: number): AnalyzedStatement | null {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

export interface SplitResult {
  scored: Scored[];
  total: number;
  perArticle: { article: string; statements: AnalyzedStatement[] }[];
}

/** Runs the analysis on every article of a split (first annotation per article) and scores it. */
export function scoreSplit(split: 'train' | 'dev'): SplitResult {
  const lines = readFileSync(resolve(corpusRoot, `polnear_${split}_gold.jsonl`), 'utf8').split('\n');
  const seen = new Set<string>();
  const scored: Scored[] = [];
  const perArticle: SplitResult['perArticle'] = [];
  let total = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const file = JSON.parse(line) as GoldFile;
    if (seen.has(file.article)) continue;
    seen.add(file.article);
    const text = readFileSync(resolve(corpusRoot, file.text_path), 'utf8');
    const statements = analyzeText(text);
    perArticle.push({ article: file.article, statements });
    for (const gold of file.attributions) {
      const nameTokens = goldNameTokens(gold.source.map((s) => s.text).join(' '));
      if (nameTokens.length === 0) continue;
      const at = probeAt(text, gold.content);
      if (at < 0) continue;
      total++;
      const found = statementAt(statements, at);
      const speaker = found?.speaker ?? null;
      const wanted = new Set(nameTokens);
      const shares = (name: string): boolean => tokensOf(name).some((w) => wanted.has(w.toLowerCase()));
      const rightByName = speaker !== null && shares(speaker.name);
      scored.push({
        article: file.article,
        text,
        gold,
        found,
        speech: SPEECH_CUE.test(gold.cue.map((c) => c.text).join(' ')),
        attributed: speaker !== null,
        rightByName,
        right: speaker !== null && (rightByName || speaker.aliases.some(shares)),
      });
    }
  }
  return { scored, total, perArticle };
}

/** The pattern a miss shows, read from the gold roles and the text between source and cue. */
function patternOf(s: Scored): string {
  const cue = s.gold.cue.map((c) => c.text).join(' ');
  const sourceSpan = s.gold.source[0]?.spans[0];
  const cueSpan = s.gold.cue[0]?.spans[0];
  if (s.attributed) return 'wrong speaker';
  if (!s.found) return 'no statement';
  if (sourceSpan && (sourceSpan[0] < s.found.start || sourceSpan[1] > s.found.end))
    return 'speaker in another statement';
  if (cue.trim() === ':' || cue.trim() === '') return 'colon / no cue word';
  if (/according/i.test(cue)) return 'according to';
  if (!s.speech) return 'non-speech cue';
  if (sourceSpan && cueSpan) {
    const between = s.text.slice(Math.min(sourceSpan[1], cueSpan[0]), Math.max(sourceSpan[1], cueSpan[0]));
    if (cueSpan[0] < sourceSpan[0]) return 'inverted cue (said X)';
    if (/[,(—–-]/.test(between)) return 'appositive / parenthetical';
    if (!/^\p{Lu}/u.test(s.gold.source[0]!.text)) return 'description / group';
  }
  return 'subject + speech cue';
}

const pct = (n: number, d: number): string => `${d === 0 ? '—' : ((n / d) * 100).toFixed(1)} %`;
const clip = (s: string, max = 110): string =>
  JSON.stringify(s.replace(/\s+/g, ' ').slice(0, max) + (s.length > max ? '…' : ''));

/** Prints the measure for one split; `examples` misses per pattern are quoted. */
export function reportSplit(split: 'train' | 'dev', result: SplitResult, examples: number): void {
  const { scored, total } = result;
  const line = (label: string, rows: Scored[]): void => {
    const right = rows.filter((r) => r.right).length;
    const byName = rows.filter((r) => r.rightByName).length;
    const attributed = rows.filter((r) => r.attributed).length;
    console.log(
      `${label}: right ${right}/${rows.length} (${pct(right, rows.length)}), attributed ${attributed}/${rows.length}` +
        ` (${pct(attributed, rows.length)}), precision ${right}/${attributed} (${pct(right, attributed)}); ` +
        `canonical name only ${byName}/${rows.length} (${pct(byName, rows.length)})`,
    );
  };
  console.log(
    `\n## PolNeAR ${split} (${result.perArticle.length} articles, ${total} named-source attributions)`,
  );
  line('named sources', scored);
  line(
    'speech-cue subset',
    scored.filter((s) => s.speech),
  );
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    if (s.right) continue;
    const key = patternOf(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  console.log('misses by pattern:');
  for (const [key, rows] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${key}: ${rows.length}`);
    for (const r of rows.slice(0, examples)) {
      const source = r.gold.source.map((x) => x.text).join(' … ');
      const cue = r.gold.cue.map((x) => x.text).join(' … ');
      const got = r.found?.speaker?.name ?? '—';
      const sentence = r.found ? r.text.slice(r.found.start, r.found.end) : '';
      console.log(`    want ${clip(source, 40)} (${clip(cue, 20)}) got ${clip(got, 40)}: ${clip(sentence)}`);
    }
  }
}

const FIRST_PERSON_OR_PRONOUN = PRONOUNS;
/** A name that reads as a clause or description, not a name: a lower-case word other than a connector. */
const CONNECTORS = new Set('of the for and de du des la le al bin von van on in at to'.split(' '));
export function isPhraseName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length > 7) return true;
  return words.some((w, i) => /^\p{Ll}/u.test(w) && !(i > 0 && CONNECTORS.has(w)));
}

/** Builds the Sources registry from a split's analysis, as the import does, and checks it. */
export function registryCheck(result: SplitResult, examples: number): void {
  const sources: Source[] = [];
  let next = 0;
  const resolver = new SourceResolver(sources, () => `s${next++}`, '2026-01-01T00:00:00.000Z');
  for (const { statements } of result.perArticle) {
    for (const s of statements) {
      if (s.speaker) resolver.resolve(s.speaker);
      for (const v of s.via) resolver.resolve(v);
    }
  }
  // Groups and descriptions are kept as written by design ("Former senior officials"): counted apart.
  const groups = sources.filter((s) => s.kind === 'group');
  const names = sources.filter((s) => s.kind !== 'group').flatMap((s) => [s.name, ...s.aliases]);
  const phrases = names.filter(isPhraseName);
  const pronouns = sources.filter((s) => FIRST_PERSON_OR_PRONOUN.has(s.name.toLowerCase()));
  const merged = sources.filter((s) => s.kind === 'person' && differentPeople([s.name, ...s.aliases]));
  console.log(
    `\n## Sources registry from the dev split (${sources.length} sources, ${groups.length} of them groups or ` +
      `descriptions kept as written; ${names.length} names of the others)`,
  );
  console.log(
    `different people under one source: ${merged.length}; phrase names ${phrases.length}/${names.length} ` +
      `(${pct(phrases.length, names.length)}); pronoun sources: ${pronouns.length}`,
  );
  for (const s of merged.slice(0, examples))
    console.log(`  merged: ${clip([s.name, ...s.aliases].join(' | '))}`);
  for (const p of phrases.slice(0, examples)) console.log(`  phrase: ${clip(p)}`);
  for (const p of pronouns) console.log(`  pronoun: ${p.name}`);
}

/** Two full names with the same last word but different first words ("Bill Clinton", "Hillary Clinton"). */
function differentPeople(names: string[]): boolean {
  const firstByLast = new Map<string, string>();
  for (const name of names) {
    const words = tokensOf(name).filter((w) => /^\p{Lu}/u.test(w) && !DROPPED.has(w.toLowerCase()));
    if (words.length < 2) continue;
    const first = words[0]!.toLowerCase();
    if (!isFirstName(first)) continue;
    const last = words[words.length - 1]!.toLowerCase();
    const known = firstByLast.get(last);
    if (known !== undefined && known !== first && !known.startsWith(first) && !first.startsWith(known))
      return true;
    firstByLast.set(last, first);
  }
  return false;
}
