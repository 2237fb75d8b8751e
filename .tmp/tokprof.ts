import { readFileSync } from 'node:fs';
import { splitStatements } from '../src-main/shared/analysis/split';
import { tokenise } from '../src-main/shared/analysis/tokens';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
const sentences = articles.flatMap(a => splitStatements(a).map(s => a.slice(s.start, s.end)));
let n=0; for (let r=0;r<20;r++){ const t0=performance.now(); for (const s of sentences) n+=tokenise(s,false).tokens.length; if(r%5==0) console.log(performance.now()-t0);} console.log(n/20);
