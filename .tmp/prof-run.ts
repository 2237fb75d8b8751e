import fs from 'node:fs';
import { analyzeText } from '../src-main/shared/analysis/index';
const seed = fs.readFileSync('test/fixtures/car-dec-2020.txt','utf8');
const texts: string[] = [];
for (const d of fs.readdirSync('/work/shared/corpus/html')) { try { texts.push(fs.readFileSync(`/work/shared/corpus/html/${d}/expected.html`,'utf8').replace(/<[^>]+>/g,'\n\n').replace(/\n\s*\n(\s*\n)+/g,'\n\n')); } catch {} }
texts.push(seed);
analyzeText(seed);
const t0 = performance.now();
let n=0; for (let r=0;r<3;r++) for (const t of texts) n+=analyzeText(t).length;
console.log(performance.now()-t0, n, texts.reduce((a,t)=>a+t.length,0)*3);
