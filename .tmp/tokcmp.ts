import { readFileSync } from 'node:fs';
import { splitStatements } from '../src-main/shared/analysis/split';
import { tokenise } from '../src-main/shared/analysis/tokens';
const paragraphs: string[] = JSON.parse(readFileSync('.tmp/paras.json','utf8'));
let seed = 42; const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const articles: string[] = []; let size = 0;
while (size < 1e6) { const a = Array.from({length:20},()=>paragraphs[Math.floor(random()*paragraphs.length)]).join('\n\n'); articles.push(a); size+=a.length; }
const sentences = articles.flatMap(a => splitStatements(a).map(s => a.slice(s.start, s.end)));
const RE = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*|[,;:()“”"«»„—–]/gu;
const RE2 = /[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*|[,;:()“”"«»„—–]/g;
function viaRegex(s: string, re: RegExp) { const out: any[] = []; const lower = s.toLowerCase(); re.lastIndex = 0; for (let m = re.exec(s); m; m = re.exec(s)) { const t = m[0]; out.push({ text: t, lower: lower.slice(m.index, m.index + t.length), start: m.index, end: m.index + t.length, isWord: true, quoted: false }); } return out; }
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
function time(name: string, f: () => void) { for (let i=0;i<5;i++) f(); const ts: number[] = []; for (let r=0;r<7;r++){ const t0=performance.now(); f(); ts.push(performance.now()-t0);} ts.sort((a,b)=>a-b); console.log(name.padEnd(12), ts[3].toFixed(1)); }
time('segmenter', () => { for (const a of articles) for (const p of a.split(/\n\s*\n/)) for (const _ of seg.segment(p)); });
time('manual', () => { for (const s of sentences) tokenise(s, false); });
time('regex-u', () => { for (const s of sentences) viaRegex(s, RE); });
time('regex-ascii', () => { for (const s of sentences) viaRegex(s, RE2); });
