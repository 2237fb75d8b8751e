import { Vocabulary, statementTerms, toVector } from '../../../src-main/shared/compare/features';
import { alignArticles } from '../../../src-main/shared/compare/align';
// crude phase timing via monkey timing
const words: string[] = []; for (let i = 0; i < 20000; i++) words.push('w' + i.toString(36) + 'a');
let seed = 1; const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const zipf = () => words[Math.min(19999, Math.floor(Math.exp(rnd() * Math.log(20000))) - 1)]!;
const mk = (n: number) => { let text = ''; const st = []; for (let i = 0; i < n; i++) { const w = []; for (let k = 0; k < 20; k++) w.push(zipf()); const s = w.join(' ') + '.'; st.push({ id: 'x' + i + text.length, start: text.length, end: text.length + s.length }); text += s + ' '; } return { articleId: 'a', text, statements: st }; };
const a = mk(5000), b = mk(5000);
for (let r = 0; r < 3; r++) {
let t = performance.now(); const v = new Vocabulary(); const bags = a.statements.map(s => statementTerms(a.text.slice(s.start, s.end), v, undefined)); console.log('bags', performance.now() - t);
t = performance.now(); const idf = new Float64Array(v.documentFrequency.length).fill(1); bags.map(bg => toVector(bg, idf)); console.log('vec', performance.now() - t);
t = performance.now(); alignArticles([a, b]); console.log('all', performance.now() - t);
}
