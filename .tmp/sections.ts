import fs from 'node:fs';
import { splitStatements } from '../src-main/shared/analysis/split';
import { tokenise } from '../src-main/shared/analysis/tokens';
import { findEntities } from '../src-main/shared/analysis/entities';
import { findAttribution } from '../src-main/shared/analysis/attribution';
import { analyzeText } from '../src-main/shared/analysis/index';
const seed = fs.readFileSync('test/fixtures/car-dec-2020.txt','utf8');
const texts: string[] = [];
for (const d of fs.readdirSync('/work/shared/corpus/html')) { try { texts.push(fs.readFileSync(`/work/shared/corpus/html/${d}/expected.html`,'utf8').replace(/<[^>]+>/g,'\n\n').replace(/\n\s*\n(\s*\n)+/g,'\n\n')); } catch {} }
texts.push(seed);
analyzeText(seed);
const T: Record<string, number> = {split:0,tok:0,ent:0,att:0,full:0};
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
for (let r=0;r<3;r++) for (const t of texts) {
  let t0=performance.now(); const spans=splitStatements(t); T.split+=performance.now()-t0;
  for (const s of spans) { const st=t.slice(s.start,s.end);
    t0=performance.now(); const tk=tokenise(st,false); T.tok+=performance.now()-t0;
    t0=performance.now(); findEntities(st,s.start,tk.tokens); T.ent+=performance.now()-t0;
    t0=performance.now(); findAttribution(st,tk); T.att+=performance.now()-t0; }
  t0=performance.now(); analyzeText(t); T.full+=performance.now()-t0;
  t0=performance.now(); for (const p of t.split(/\n\s*\n/)) for (const _ of seg.segment(p)); T.seg=(T.seg??0)+performance.now()-t0;
}
console.log(T);
const big = texts.reduce((a,b)=>a.length>b.length?a:b); console.log('largest', big.length);
let t0=performance.now(); analyzeText(big); console.log('largest ms', performance.now()-t0);
