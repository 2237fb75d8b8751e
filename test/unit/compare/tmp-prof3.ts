import { Vocabulary, statementTerms } from '../../../src-main/shared/compare/features';
import { wordTokens } from '../../../src-main/shared/compare/text';
import { findDateMentions } from '../../../src-main/shared/compare/dates';
import { findFigures } from '../../../src-main/shared/compare/figures';
const words: string[] = []; for (let i = 0; i < 20000; i++) words.push('w' + i.toString(36) + 'a');
let seed = 1; const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const zipf = () => words[Math.min(19999, Math.floor(Math.exp(rnd() * Math.log(20000))) - 1)]!;
const sents: string[] = []; for (let i = 0; i < 10000; i++) { const w = []; for (let k = 0; k < 20; k++) w.push(zipf()); if (i % 3 == 0) w.splice(2, 0, '4512'); sents.push(w.join(' ') + '.'); }
const cpu = () => process.cpuUsage().user / 1000;
for (let r = 0; r < 3; r++) {
  let t = cpu(); for (const s of sents) wordTokens(s); const a = cpu() - t;
  t = cpu(); for (const s of sents) findDateMentions(s); const b = cpu() - t;
  t = cpu(); for (const s of sents) if (/\d/.test(s)) findFigures(s, []); const c = cpu() - t;
  t = cpu(); const v = new Vocabulary(); for (const s of sents) for (const tk of wordTokens(s)) v.wordTerm(tk.text); const d = cpu() - t;
  t = cpu(); const v2 = new Vocabulary(); for (const s of sents) statementTerms(s, v2, undefined); const e = cpu() - t;
  console.log({ tokens: a, dates: b, figures: c, tokens_terms: d, all: e });
}
const RE = /[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu;
const RE2 = /[A-Za-z0-9\u00C0-\uFFFF]+(?:[’'\-.,][A-Za-z0-9\u00C0-\uFFFF]+)*/g;
for (let r = 0; r < 3; r++) {
  let t = cpu(); let n = 0; for (const s of sents) n += (s.match(RE) ?? []).length; const a = cpu() - t;
  t = cpu(); for (const s of sents) n += (s.match(RE2) ?? []).length; const b = cpu() - t;
  t = cpu(); const v = new Vocabulary(); for (const s of sents) for (const w of s.match(RE2) ?? []) v.wordTerm(w); const d = cpu() - t;
  console.log({ matchU: a, matchAscii: b, terms: d });
}
