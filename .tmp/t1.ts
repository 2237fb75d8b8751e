import fs from 'node:fs';
import { splitStatements } from '../src-main/shared/analysis/split';
const cases = JSON.parse(fs.readFileSync('/work/shared/corpus/sentences/golden-rules.json','utf8'));
let ok=0;
for (const c of cases){ const got=splitStatements(c.text).map(s=>c.text.slice(s.start,s.end)); if(JSON.stringify(got)===JSON.stringify(c.sentences)) ok++; else console.log(c.id, JSON.stringify(got));}
console.log('golden', ok);
const text = fs.readFileSync('test/fixtures/car-dec-2020.txt','utf8');
const gold = JSON.parse(fs.readFileSync('test/fixtures/statements.gold.json','utf8')).statements;
const spans = splitStatements(text);
let sok=0; const key=new Set(spans.map(s=>s.start+':'+s.end));
for (const g of gold) if (key.has(g.start+':'+g.end)) sok++; else console.log('miss', g.index, g.text);
console.log('seed', sok, spans.length);
