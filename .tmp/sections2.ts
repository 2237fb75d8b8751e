import { readFileSync } from 'node:fs';
import { splitStatements } from '../src-main/shared/analysis/split';
import { tokenise } from '../src-main/shared/analysis/tokens';
import { findEntities } from '../src-main/shared/analysis/entities';
import { findAttribution } from '../src-main/shared/analysis/attribution';
import { analyzeText } from '../src-main/shared/analysis/index';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
const sentences = articles.flatMap(a => splitStatements(a).map(s => a.slice(s.start, s.end)));
const toks = sentences.map(s => tokenise(s, false));
function time(name: string, f: () => void) { for (let w=0;w<4;w++) f(); const ts: number[] = []; for (let r=0;r<7;r++){ const c0=process.cpuUsage(); f(); const u=process.cpuUsage(c0); ts.push((u.user+u.system)/1000);} ts.sort((a,b)=>a-b); console.log(name.padEnd(12), ts[2].toFixed(1)); }
time('segmenter', () => { for (const a of articles) for (const p of a.split(/\n\s*\n/)) for (const _ of seg.segment(p)); });
time('split', () => { for (const a of articles) splitStatements(a); });
time('tokenise', () => { for (const s of sentences) tokenise(s, false); });
time('entities', () => { sentences.forEach((s, i) => findEntities(s, 0, toks[i]!.tokens)); });
time('attribution', () => { sentences.forEach((s, i) => findAttribution(s, toks[i]!)); });
time('analyze', () => { for (const a of articles) analyzeText(a); });
