// The bundles' stand-in for the compromise NLP library. The analysis reads nothing of compromise but its lexicon
// (src-main/shared/analysis/lexicon.ts: `nlp.model().one.lexicon`), and loading the library builds that lexicon by
// running its plugins: about 0.3–0.7 s of CPU at the start of every import worker. The build puts the lexicon
// itself in its place, as data (electron.config.ts), read in about 20 ms; tests and tsx runs use the library.
import nlp from 'compromise';

/** A module whose default export answers `model().one.lexicon` with compromise's lexicon, and nothing else. */
export function lexiconModule(): string {
  const { lexicon } = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one;
  return [
    '// compromise, reduced to its lexicon by the build (scripts/lexicon-snapshot.ts).',
    `const lexicon = JSON.parse(${JSON.stringify(JSON.stringify(lexicon))});`,
    'const nlp = { model: () => ({ one: { lexicon } }) };',
    'export default nlp;',
    '',
  ].join('\n');
}
