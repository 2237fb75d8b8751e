import { lexiconTags } from '../src-main/shared/analysis/lexicon';
for (const w of ['muslim','seleka','state','news','the','local','as','according','outside','in','russian','alleged','numbered']) console.log(w, lexiconTags(w));
