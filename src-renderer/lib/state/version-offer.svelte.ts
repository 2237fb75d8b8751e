// Offers to record a freshly imported article as a new version of one already in the workspace, and holds the
// outcome (re-anchored and orphaned annotations) for the prompt to show.
import type { Annotation, Article } from '../../../src-main/shared/domain';
import { type VersionCandidate, versions } from '../../lib/db';
import { workbench } from '../../lib/state/workbench.svelte';

export interface PendingOffer {
  article: Pick<Article, 'id' | 'title'>;
  candidate: VersionCandidate;
}

export interface VersionOutcome {
  newId: string;
  previousId: string;
  title: string;
  total: number;
  placed: number;
  orphaned: Pick<Annotation, 'id' | 'quote' | 'note'>[];
}

class VersionOffer {
  /** Offers waiting for an answer, oldest first (a batch import can bring several). */
  queue = $state<PendingOffer[]>([]);
  outcome = $state<VersionOutcome | null>(null);
  busy = $state(false);

  get current(): PendingOffer | null {
    return this.queue[0] ?? null;
  }

  offer(offer: PendingOffer): void {
    this.queue = [...this.queue.filter((o) => o.article.id !== offer.article.id), offer];
  }

  /** Keep the article separate: forget the offer (the oldest when none is named). */
  dismiss(offer: PendingOffer | null = this.current): void {
    this.queue = this.queue.filter((o) => o.article.id !== offer?.article.id);
  }

  /** Record the article as a new version (the oldest offer when none is named). */
  async accept(offer: PendingOffer | null = this.current): Promise<void> {
    if (!offer || this.busy) return;
    this.busy = true;
    try {
      const result = await versions.accept(offer.article.id, offer.candidate.previous.id);
      this.outcome = {
        newId: offer.article.id,
        previousId: offer.candidate.previous.id,
        title: offer.article.title,
        total: result.carried.length,
        placed: result.placed,
        orphaned: result.orphaned.map((c) => ({
          id: c.annotation.id,
          quote: c.annotation.quote,
          note: c.annotation.note,
        })),
      };
      this.queue = this.queue.filter((o) => o.article.id !== offer.article.id);
    } catch (err) {
      workbench.notify(`The new version could not be recorded: ${(err as Error).message}`, 'error');
    } finally {
      this.busy = false;
    }
  }

  compareOutcome(): void {
    if (!this.outcome) return;
    workbench.compare([this.outcome.previousId, this.outcome.newId], true);
  }
}

export const versionOffer = new VersionOffer();
