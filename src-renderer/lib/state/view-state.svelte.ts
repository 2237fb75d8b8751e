// Window and view state kept across restarts: the view, the open article and the side columns' widths.
import { workbench, VIEWS, type View } from './workbench.svelte';

const KEY = 'corroborate.view-state';

export const SIDE = { min: 200, max: 480, initial: 272 } as const;
export const INSPECTOR = { min: 260, max: 520, initial: 320 } as const;

interface Saved {
  view: View;
  articleId: string | null;
  sideWidth: number;
  inspectorWidth: number;
}

const clamp = (n: unknown, r: { min: number; max: number; initial: number }) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(r.max, Math.max(r.min, Math.round(n))) : r.initial;

class Layout {
  sideWidth = $state<number>(SIDE.initial);
  inspectorWidth = $state<number>(INSPECTOR.initial);
  /** The article open when the window was last closed (checked against the workspace before use). */
  restoredArticleId: string | null = null;

  /** Read the saved state (anything missing or malformed falls back to the defaults). */
  restore(): void {
    let saved: Partial<Saved> = {};
    try {
      saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>;
    } catch {
      saved = {};
    }
    if (VIEWS.some((v) => v.id === saved.view)) workbench.show(saved.view!);
    this.restoredArticleId = typeof saved.articleId === 'string' ? saved.articleId : null;
    this.sideWidth = clamp(saved.sideWidth, SIDE);
    this.inspectorWidth = clamp(saved.inspectorWidth, INSPECTOR);
  }

  /** Save whenever the view, the article or a width changes; returns the stop function. */
  track(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const state: Saved = {
          view: workbench.view,
          articleId: workbench.articleId,
          sideWidth: this.sideWidth,
          inspectorWidth: this.inspectorWidth,
        };
        try {
          localStorage.setItem(KEY, JSON.stringify(state));
        } catch {
          // Storage refused: the state simply is not kept.
        }
      });
    });
  }

  setSide(n: number): void {
    this.sideWidth = clamp(n, SIDE);
  }
  setInspector(n: number): void {
    this.inspectorWidth = clamp(n, INSPECTOR);
  }
}

export const layout = new Layout();
