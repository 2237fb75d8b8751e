import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { analyzeText } from '../src-main/shared/analysis/index';
const paragraphs: string[] = [];
for (const page of readdirSync('/work/shared/corpus/html')) {
  const file = `/work/shared/corpus/html/${page}/expected.html`; if (!existsSync(file)) continue;
  const { document } = parseHTML(`<html><body>${readFileSync(file, 'utf8')}</body></html>`);
  for (const p of document.querySelectorAll('p, li, blockquote')) { const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim(); if (text.length > 40) paragraphs.push(page+'|'+text); }
}
analyzeText('Hello there. He said so.');
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
const res = paragraphs.map(p => { const t=p.split('|').slice(1).join('|'); let t0=performance.now(); for(let i=0;i<3;i++) analyzeText(t); const a=performance.now()-t0; t0=performance.now(); for(let i=0;i<3;i++) for (const _ of seg.segment(t)); const s=performance.now()-t0; return {p: p.slice(0,100), len:t.length, a, s}; });
res.sort((x,y)=>y.a-x.a); console.log(res.slice(0,15));
console.log(paragraphs.length, res.reduce((n,r)=>n+r.a,0), res.reduce((n,r)=>n+r.s,0));
