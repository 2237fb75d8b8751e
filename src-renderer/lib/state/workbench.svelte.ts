// Shared UI state of the workbench window (what is selected, which view, messages).
export type View = 'reader';

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

  openArticle(id: string): void {
    if (this.articleId !== id) {
      this.articleId = id;
      this.focusedIndex = 0;
    }
  }

  notify(text: string, kind: Toast['kind'] = 'info'): void {
    const id = this.nextToast++;
    this.toasts = [...this.toasts, { id, kind, text }];
    setTimeout(() => (this.toasts = this.toasts.filter((t) => t.id !== id)), kind === 'error' ? 8000 : 3500);
  }
}

export const workbench = new Workbench();
