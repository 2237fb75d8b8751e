// The corroboration worker: holds the in-memory inverted index of the workspace's statements and answers
// match queries and whole-workspace candidate claims off the UI thread.
import { findCandidateClaims } from '../../../src-main/shared/compare/corroboration/candidates';
import { CorroborationIndex } from '../../../src-main/shared/compare/corroboration/matchIndex';
import type { CorroborationRecord } from '../../../src-main/shared/compare/corroboration/signature';
import { scanStore } from '../db/store-scan';
import type { FromWorker, ToWorker } from './protocol';

/**
 * Records read from the database per page when the worker loads the persisted index: a read someone waits for
 * (an article opening) that comes while a page is read queues behind that page, so pages are small.
 */
const LOAD_PAGE = 1000;
/** The longest the load holds back for the workbench's reads before it reads its next page anyway. */
const HOLD_MAX_MS = 1_000;

// The workbench says when reads someone waits for are in flight (an article opening): the load waits between pages.
let held = false;
let release: (() => void) | null = null;
function turn(): Promise<void> {
  if (!held) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, HOLD_MAX_MS);
    release = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

const index = new CorroborationIndex();
const post = (message: FromWorker) => postMessage(message);

// Statements known to have a match elsewhere; statements added since the last count are checked on the next one.
const corroborated = new Set<string>();
let unchecked: string[] = [];

function add(records: CorroborationRecord[]): void {
  for (const record of records) {
    index.add(record);
    unchecked.push(record.statementId);
  }
}

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
    case 'load':
      scanStore<CorroborationRecord>(message.database, message.store, LOAD_PAGE, add, turn).then(
        () => post({ type: 'loaded', id: message.id }),
        (err: unknown) => post({ type: 'loaded', id: message.id, error: String(err) }),
      );
      break;
    case 'hold':
      held = message.busy;
      if (!held) release?.();
      release = null;
      break;
    case 'add':
      add(message.records);
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
    case 'articles':
      post({ type: 'articles', id: message.id, articleIds: index.articleIds() });
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
