import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { analyzeText } from '../src-main/shared/analysis/index';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
for (const a of articles.slice(0,5)) analyzeText(a);
const t0 = performance.now(); let n=0; for (let r=0;r<3;r++) for (const a of articles) n+=analyzeText(a).length; console.log((performance.now()-t0)/3, n/3);
