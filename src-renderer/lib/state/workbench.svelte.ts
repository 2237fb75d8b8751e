// Shared UI state of the workbench window (what is selected, which view, messages).
export type View =
  'reader' | 'compare' | 'claims' | 'candidates' | 'annotations' | 'sources' | 'codebook' | 'imports';

export const VIEWS: { id: View; label: string }[] = [
  { id: 'reader', label: 'Reader' },
  { id: 'compare', label: 'Compare' },
  { id: 'claims', label: 'Claims' },
  { id: 'candidates', label: 'Candidates' },
  { id: 'annotations', label: 'Annotations' },
  { id: 'sources', label: 'Sources' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'imports', label: 'Imports' },
];

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

class Workbench {
  view = $state<View>('reader');
  articleId = $state<string | null>(null);
  focusedIndex = $state(0);
  speakerFilter = $state<string | null>(null);
  toasts = $state<Toast[]>([]);
  author = $state('Analyst');
  private nextToast = 1;

  /** Articles chosen for the compare view (2–4). */
  compareIds = $state<string[]>([]);
  /** A span to scroll to and flash in the reader (set by lists and search results). */
  reveal = $state<{ articleId: string; start: number; end: number } | null>(null);

  openArticle(id: string): void {
    if (this.articleId !== id) {
      this.articleId = id;
      this.focusedIndex = 0;
    }
  }

  /** Open an article in the reader at a span (from search, annotation lists, compare). */
  revealSpan(articleId: string, start: number, end: number): void {
    this.view = 'reader';
    this.speakerFilter = null;
    this.openArticle(articleId);
    this.reveal = { articleId, start, end };
  }

  notify(text: string, kind: Toast['kind'] = 'info'): void {
    const id = this.nextToast++;
    this.toasts = [...this.toasts, { id, kind, text }];
    setTimeout(() => (this.toasts = this.toasts.filter((t) => t.id !== id)), kind === 'error' ? 8000 : 3500);
  }
}

export const workbench = new Workbench();
