// The corroboration worker: holds the in-memory inverted index of the workspace's statements and answers
// match queries and whole-workspace candidate claims off the UI thread.
import { findCandidateClaims } from '../../../src-main/shared/compare/corroboration/candidates';
import { CorroborationIndex } from '../../../src-main/shared/compare/corroboration/matchIndex';
import type { FromWorker, ToWorker } from './protocol';

const index = new CorroborationIndex();
const post = (message: FromWorker) => postMessage(message);

// Statements known to have a match elsewhere; statements added since the last count are checked on the next one.
const corroborated = new Set<string>();
let unchecked: string[] = [];

/** Per article, how many of its statements have a match in another article. */
function corroboratedCounts(articleIds: string[]): Record<string, number> {
  for (const id of unchecked) {
    if (!index.has(id)) continue;
    for (const m of index.matches(id, { probeKeys: 6, candidates: 24 })) {
      corroborated.add(id);
      corroborated.add(m.statementId);
    }
  }
  unchecked = [];
  const counts: Record<string, number> = {};
  for (const articleId of articleIds) {
    counts[articleId] = index.statementsOf(articleId).filter((id) => corroborated.has(id)).length;
  }
  return counts;
}

onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'add':
      for (const record of message.records) {
        index.add(record);
        unchecked.push(record.statementId);
      }
      break;
    case 'removeArticles':
      for (const id of message.articleIds) index.removeArticle(id);
      // A removed statement may have been another's only match: check everything again.
      corroborated.clear();
      unchecked = [...index.statementIds()];
      break;
    case 'matches':
      post({
        type: 'matches',
        id: message.id,
        matches: index.matches(message.statementId, { limit: message.limit }),
      });
      break;
    case 'counts':
      post({ type: 'counts', id: message.id, counts: corroboratedCounts(message.articleIds) });
      break;
    case 'candidates': {
      const candidates = findCandidateClaims(index, {
        onProgress: (done) => post({ type: 'progress', id: message.id, done }),
      });
      post({ type: 'candidates', id: message.id, candidates });
      break;
    }
  }
};
