// The workbench side of the corroboration worker: keeps its index in step with the workspace (articles imported
// or deleted) and offers matches, per-article counts and candidate claims; `revision` changes when the index does.
import type { CandidateClaim } from '../../../src-main/shared/compare/corroboration/candidates';
import type { Match } from '../../../src-main/shared/compare/corroboration/matchIndex';
import { corroboration as corroborationStore, onForeground, startLoad } from '../db';
import type { FromWorker, ToWorker } from './protocol';
import { afterStartup } from '../state/startup';

class CorroborationClient {
  /** Bumped after every change of the index, so views that show matches query again. */
  revision = $state(0);
  ready = $state(false);
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromWorker) => void>();
  private readonly progress = new Map<number, (done: number) => void>();
  private syncing: Promise<void> = Promise.resolve();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./corroboration.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'progress') this.progress.get(message.id)?.(message.done);
      else {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
        this.progress.delete(message.id);
      }
    };
    this.worker = worker;
    this.syncing = this.load(worker);
    // Articles imported or deleted: index the new ones, forget the deleted ones.
    corroborationStore.onArticleCountChange(() => {
      this.syncing = this.syncing
        .then(() => this.sync(worker))
        .catch((e: unknown) => {
          console.error('[corroborate] corroboration sync failed', e);
        });
    });
    return worker;
  }

  private async load(worker: Worker): Promise<void> {
    // The whole index is read at a start: after the library is on screen, not in its way, and by the worker
    // itself; a worker that cannot open the database is sent it from here.
    await afterStartup();
    const hold = onForeground((busy) => worker.postMessage({ type: 'hold', busy } satisfies ToWorker));
    const loaded = await startLoad(() =>
      this.ask<'loaded'>(
        { type: 'load', id: this.nextId++, ...corroborationStore.persisted },
        undefined,
        worker,
      ),
    ).finally(hold);
    if (loaded.error)
      await corroborationStore.readIndex((records) =>
        worker.postMessage({ type: 'add', records } satisfies ToWorker),
      );
    await this.sync(worker);
    this.ready = true;
  }

  private async sync(worker: Worker): Promise<void> {
    // The articles indexed, from the worker, whose index is the persisted one: read from the database they were a
    // cursor over every article's keys, one round trip each (half a minute at 10,000 articles on a loaded machine,
    // holding up every other read meanwhile).
    const { articleIds } = await this.ask<'articles'>(
      { type: 'articles', id: this.nextId++ },
      undefined,
      worker,
    );
    // New records go to the worker slice by slice as they are written (one message of a whole import's records
    // was a task of hundreds of milliseconds); removals after, as before.
    const changes = await corroborationStore.syncIndex(articleIds, (records) =>
      worker.postMessage({ type: 'add', records } satisfies ToWorker),
    );
    if (changes.removedArticleIds.length)
      worker.postMessage({
        type: 'removeArticles',
        articleIds: changes.removedArticleIds,
      } satisfies ToWorker);
    if (changes.added.length || changes.removedArticleIds.length) this.revision++;
  }

  /** Sends `message` and waits for its answer; through `direct` (the starting worker) without waiting for the load. */
  private async ask<T extends FromWorker['type']>(
    message: ToWorker,
    onProgress?: (done: number) => void,
    direct?: Worker,
  ): Promise<Extract<FromWorker, { type: T }>> {
    const worker = direct ?? this.start();
    if (!direct) await this.syncing;
    return new Promise((resolve) => {
      const id = 'id' in message ? message.id : 0;
      this.pending.set(id, (m) => resolve(m as Extract<FromWorker, { type: T }>));
      if (onProgress) this.progress.set(id, onProgress);
      worker.postMessage(message);
    });
  }

  async matches(statementId: string, limit = 12): Promise<Match[]> {
    const reply = await this.ask<'matches'>({ type: 'matches', id: this.nextId++, statementId, limit });
    return reply.matches;
  }

  async corroboratedCounts(articleIds: string[]): Promise<Record<string, number>> {
    const reply = await this.ask<'counts'>({ type: 'counts', id: this.nextId++, articleIds });
    return reply.counts;
  }

  async candidates(onProgress?: (done: number) => void): Promise<CandidateClaim[]> {
    const reply = await this.ask<'candidates'>({ type: 'candidates', id: this.nextId++ }, onProgress);
    return reply.candidates;
  }
}

export const corroboration = new CorroborationClient();
