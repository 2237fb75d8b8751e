import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
const paragraphs = readFileSync('test/fixtures/car-dec-2020.txt', 'utf8').split(/\n\s*\n/);
for (const page of readdirSync('/work/shared/corpus/html')) { const file = `/work/shared/corpus/html/${page}/expected.html`; if (!existsSync(file)) continue;
  const { document } = parseHTML(`<html><body>${readFileSync(file, 'utf8')}</body></html>`);
  for (const p of document.querySelectorAll('p, li, blockquote')) { const t = (p.textContent ?? '').replace(/\s+/g, ' ').trim(); if (t.length > 40) paragraphs.push(t); } }
writeFileSync('.tmp/paras.json', JSON.stringify(paragraphs));
