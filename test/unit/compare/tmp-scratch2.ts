import { readFileSync } from 'node:fs';
import { alignArticles } from '../../../src-main/shared/compare/align';
import { findConflicts } from '../../../src-main/shared/compare/conflicts';
const seed = readFileSync('/work/shared/fixtures/seed/car-dec-2020.txt', 'utf8');
const gold = JSON.parse(readFileSync('/work/shared/fixtures/seed/statements.gold.json', 'utf8'));
const second = readFileSync('test/fixtures/car-second-outlet.txt', 'utf8');
const secondStatements: any[] = [];
for (const m of second.matchAll(/[^\n]+/g)) secondStatements.push({ id: 'b' + secondStatements.length, start: m.index, end: m.index + m[0].length });
const a = { articleId: 'a', text: seed, statements: gold.statements.map((s: any) => ({ id: 'a' + s.index, start: s.start, end: s.end })) };
const b = { articleId: 'b', text: second, statements: secondStatements };
const t = (col: any, id: string) => { const s = col.statements.find((x: any) => x.id === id); return col.text.slice(s.start, s.end); };
for (const r of alignArticles([a, b]).rows) if (r.cells[0] && r.cells[1]) { const c = findConflicts(t(a, r.cells[0]), t(b, r.cells[1])); if (c.length) console.log(r.cells, c.map(x => x.kind + ':' + x.severity + ':' + x.summary)); }
for (const [x, y] of [['several hundred soldiers', '300 instructors'], ['300 soldiers', 'three hundred soldiers'], ['on December 21', 'on December 22'], ['Monday', 'Tuesday'], ['9,000 rebels and 100 km', '9,000 rebels, 70 km']]) console.log(x, '|', y, findConflicts(x!, y!).map(c => c.summary));
