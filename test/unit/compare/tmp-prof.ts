import { Vocabulary, statementTerms } from '../../../src-main/shared/compare/features';
import { wordTokens, stem } from '../../../src-main/shared/compare/text';
import { findDateMentions } from '../../../src-main/shared/compare/dates';
import { findFigures } from '../../../src-main/shared/compare/figures';
const words = 'kalo mine rusa tivo beda fegu hoji mano pequ rist ulve waxi yoze 4512 Kalo'.split(' ');
const sents: string[] = [];
for (let i = 0; i < 10000; i++) { const w = []; for (let k = 0; k < 20; k++) w.push(words[(i * 7 + k * 13) % words.length] + (k % 3 ? 'x' + (i % 500) : '')); sents.push(w.join(' ') + '.'); }
let t = performance.now(); const v = new Vocabulary(); for (const s of sents) statementTerms(s, v, undefined); console.log('terms', performance.now() - t);
t = performance.now(); for (const s of sents) wordTokens(s); console.log('tokens', performance.now() - t);
t = performance.now(); for (const s of sents) findDateMentions(s); console.log('dates', performance.now() - t);
t = performance.now(); for (const s of sents) findFigures(s); console.log('figures', performance.now() - t);
