import { readFileSync } from 'node:fs';
import { analyzeText } from '../src-main/shared/analysis/index';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
for (let r=0;r<3;r++) for (const a of articles) analyzeText(a);
for (let r=0;r<5;r++) { let t0 = performance.now(); for (const a of articles) for (const p of a.split(/\n\s*\n/)) for (const _ of seg.segment(p)); const s=performance.now()-t0; t0=performance.now(); for (const a of articles) analyzeText(a); const an=performance.now()-t0; console.log(s.toFixed(0), an.toFixed(0), (an/s).toFixed(2)); }
