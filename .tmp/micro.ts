import { splitStatements } from '../src-main/shared/analysis/split';
import { tokenise } from '../src-main/shared/analysis/tokens';
import { findEntities } from '../src-main/shared/analysis/entities';
import { findAttribution } from '../src-main/shared/analysis/attribution';
import { analyzeText } from '../src-main/shared/analysis/index';
import { describePhrase, ActorRegistry } from '../src-main/shared/analysis/actors';
const s = 'President Barack Obama has admitted that his failure to pass "common sense gun safety laws" in the US has been the greatest frustration of his presidency.';
const N = 20000;
const seg = new Intl.Segmenter('en',{granularity:'sentence'});
function time(name: string, f: () => void) { for (let i=0;i<1000;i++) f(); const t0=performance.now(); for (let i=0;i<N;i++) f(); console.log(name, ((performance.now()-t0)/N*1000).toFixed(2), 'µs'); }
time('segmenter', () => { for (const _ of seg.segment(s)); });
time('split', () => splitStatements(s));
const tk = tokenise(s, false);
time('tokenise', () => tokenise(s, false));
time('entities', () => findEntities(s, 0, tk.tokens));
time('attribution', () => findAttribution(s, tk));
time('describe', () => describePhrase('President Barack Obama'));
time('registry', () => new ActorRegistry().resolve('President Barack Obama', true));
time('analyze', () => analyzeText(s));
