import { readFileSync } from 'node:fs';
import { analyzeText } from '../src-main/shared/analysis/index';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
for (let r=0;r<12;r++) { const c0=process.cpuUsage(); for (const a of articles) analyzeText(a); const u=process.cpuUsage(c0); if (r>8) console.log((u.user+u.system)/1000); }
