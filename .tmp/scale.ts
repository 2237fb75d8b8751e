import { readFileSync } from 'node:fs';
import { analyzeText, splitStatements } from '../src-main/shared/analysis/index';
import fc from 'fast-check';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
analyzeText(paragraphs.slice(0,50).join('\n\n'));
for (const mb of [0.5, 1, 2, 4]) { let t=''; let i=0; while (t.length < mb*1e6) t += paragraphs[(i++*7)%paragraphs.length] + '\n\n'; const t0=performance.now(); const n=analyzeText(t).length; console.log(mb,'MB one article', (performance.now()-t0).toFixed(0),'ms', n); }
const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 200 }), 400);
let t0=performance.now(); for (const s of samples) splitStatements(s); console.log('400 binary', performance.now()-t0);
const line='word '.repeat(1_000_000); t0=performance.now(); analyzeText(line); console.log('5MB line', performance.now()-t0);
const dots='. '.repeat(1_000_000); t0=performance.now(); console.log(analyzeText(dots).length); console.log('2MB dots', performance.now()-t0);
const caps='A '.repeat(1_000_000); t0=performance.now(); analyzeText(caps); console.log('2MB caps', performance.now()-t0);
const q='“a, ” he said '.repeat(100_000); t0=performance.now(); analyzeText(q); console.log('1.4MB quotes', performance.now()-t0);
