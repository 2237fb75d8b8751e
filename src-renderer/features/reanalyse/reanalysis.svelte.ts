// The "Re-analyse all articles" command: today's analysis over the whole workspace, with progress and
// Cancel; corrections, annotations, links and claims are kept (see reanalyseWorkspace).
import { api } from '../../lib/api';
import { type ReanalyseResult, reanalysis as reanalysisStore } from '../../lib/db';
import { plural } from '../../lib/plural';
import { workbench } from '../../lib/state/workbench.svelte';

async function analyseTexts(texts: string[]) {
  const result = await api.analyseTexts({ texts });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export function reanalysisSummary(r: ReanalyseResult): string {
  const head = r.cancelled
    ? `Re-analysis cancelled after ${r.done} of ${plural(r.total, 'article')}`
    : `Re-analysed ${plural(r.done, 'article')}`;
  const { updated, keptUserEdits, unmatched } = r.outcome;
  // Statements the splitter would now cut differently keep their old attribution (and their annotations).
  const apart = unmatched
    ? `; ${plural(unmatched, 'statement')} cut differently today left as they were`
    : '';
  return `${head}: ${plural(updated, 'statement')} changed, ${plural(keptUserEdits, 'correction')} kept${apart}.`;
}

class Reanalysis {
  running = $state(false);
  done = $state(0);
  total = $state(0);
  private stopRequested = false;

  cancel(): void {
    this.stopRequested = true;
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.done = 0;
    this.total = 0;
    try {
      const result = await reanalysisStore.all(analyseTexts, {
        onProgress: (p) => {
          this.done = p.done;
          this.total = p.total;
        },
        shouldStop: () => this.stopRequested,
      });
      workbench.notify(reanalysisSummary(result));
    } catch (err) {
      workbench.notify(
        `Re-analysis stopped: ${(err as Error).message}. Articles already re-analysed keep the new analysis.`,
        'error',
      );
    } finally {
      this.running = false;
    }
  }
}

export const reanalysis = new Reanalysis();
