// The dossier's stylesheet: a calm serif document on screen, A4 pages with numbers in print.
import { safeColour } from './escape';
import type { Tag } from '../../shared/domain';

const BASE_CSS = `
:root { --ink: #1f2328; --muted: #5b616b; --rule: #d8dbe0; --paper: #fffdf8; --accent: #7a2e1d; }
* { box-sizing: border-box; }
html { background: #eeeae2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 50rem; padding: 3rem 3.5rem 5rem; background: var(--paper); color: var(--ink);
  font: 11.5pt/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif;
  box-shadow: 0 0 0 1px #e2ddd2, 0 8px 30px rgba(0,0,0,.06); hyphens: auto; }
h1, h2, h3, h4 { font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; line-height: 1.25; color: #111; break-after: avoid; }
h1 { font-size: 2.2rem; margin: 0 0 .5rem; font-weight: 600; letter-spacing: -.01em; }
h2 { font-size: 1.45rem; margin: 2.8rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); font-weight: 600; }
h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; font-weight: 600; }
a { color: var(--accent); text-decoration-thickness: .06em; text-underline-offset: .15em; }
.small, .meta dt, figcaption, .chips, table { font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
.cover { padding-top: 3rem; border-bottom: 1px solid var(--rule); padding-bottom: 2rem; margin-bottom: 2rem; }
.cover .kicker { text-transform: uppercase; letter-spacing: .18em; font: 600 .78rem/1 "Segoe UI", Arial, sans-serif; color: var(--accent); margin-bottom: 1.2rem; }
.cover .byline { font-size: 1.15rem; margin: .4rem 0; }
.cover .facts { color: var(--muted); margin: .2rem 0; }
nav.toc ol { padding-left: 1.4rem; } nav.toc li { margin: .2rem 0; }
nav.toc ol ol { list-style: lower-alpha; font-size: .95em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0 1.2rem; font-size: .95em; }
dl.meta dt { color: var(--muted); font-size: .85em; text-transform: uppercase; letter-spacing: .05em; padding-top: .15em; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
ol.statements { list-style: none; padding: 0; margin: 0; counter-reset: st; }
ol.statements > li { counter-increment: st; position: relative; padding: .55rem 0 .55rem 2.4rem; border-top: 1px solid #efece6; break-inside: avoid; }
ol.statements > li::before { content: counter(st); position: absolute; left: 0; top: .7rem; width: 1.8rem; text-align: right; color: #9aa0a8; font: .75rem/1 "Segoe UI", Arial, sans-serif; }
.stmt { margin: .2rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; font-size: .78rem; color: var(--muted); }
.chip { display: inline-block; border: 1px solid #c9cdd3; border-radius: 999px; padding: .05rem .55rem; background: #fff; color: var(--ink); }
.chip.speaker { border-color: #8d6e63; background: #f6efe9; font-weight: 600; }
.chip.relay { background: #f3f4f6; }
.chip .grade, .grade { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--accent); }
.arrow { color: #9aa0a8; }
.kind { text-transform: uppercase; letter-spacing: .06em; font-size: .7rem; }
mark { color: inherit; padding: 0 .05em; border-radius: 2px; }
sup.fn { font: 600 .7em/0 "Segoe UI", Arial, sans-serif; } sup.fn a { text-decoration: none; }
.anno-list { margin: .35rem 0 0; padding: 0; list-style: none; font-size: .82rem; font-family: "Segoe UI", Arial, sans-serif; color: var(--muted); }
.anno-list li { margin: .1rem 0; }
.swatch { display: inline-block; width: .75em; height: .75em; border-radius: 2px; vertical-align: -.05em; margin-right: .25em; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .8rem 0 1.2rem; break-inside: auto; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f4f1ea; font-weight: 600; }
tr { break-inside: avoid; }
table.matrix td { text-align: center; } table.matrix td.claim { text-align: left; }
.asserts { color: #1b6e3a; font-weight: 600; } .denies { color: #a11d1d; font-weight: 600; } .qualifies { color: #8a5a00; font-weight: 600; }
blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid var(--rule); color: #333; }
.hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .75rem; overflow-wrap: anywhere; }
ol.footnotes { font-size: .9rem; } ol.footnotes li { margin: .35rem 0; } ol.footnotes p { margin: .2rem 0; }
ol.footnotes li > p:first-child:nth-last-child(2) { display: inline; }
.muted { color: var(--muted); }
ul.codebook { list-style: none; padding-left: 0; } ul.codebook li { margin: .15rem 0; }
@page { size: A4; margin: 20mm 18mm 22mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt Georgia, serif; color: #666; } }
@page :first { @bottom-center { content: none; } }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; box-shadow: none; font-size: 10.5pt; background: none; }
  .cover { min-height: 230mm; display: flex; flex-direction: column; justify-content: flex-end; break-after: page; border: 0; }
  nav.toc { break-after: page; }
  article.source, section.part { break-before: page; }
  #articles + article.source { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The stylesheet with one highlight class per tag (`t0`, `t1`…); colours are checked before use. */
export function dossierCss(tags: readonly Tag[]): string {
  const tagRules = tags
    .map((t, i) => {
      const c = safeColour(t.colour);
      const full = c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c;
      return `.t${i} { background: ${full}2e; box-shadow: inset 0 -2px 0 ${full}; } .s${i} { background: ${full}; }`;
    })
    .join('\n');
  return `${BASE_CSS}\n${tagRules}\n`;
}
