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

/**
 * The state is read through getters and changed only through the methods below, so every change of view,
 * article, focus or filter has one name and one place.
 */
class Workbench {
  #view = $state<View>('reader');
  #articleId = $state<string | null>(null);
  #focusedIndex = $state(0);
  #speakerFilter = $state<string | null>(null);
  #toasts = $state<Toast[]>([]);
  #author = $state('Analyst');
  /** Articles chosen for the compare view (2–4). */
  #compareIds = $state<string[]>([]);
  /** A span to scroll to and flash in the reader (set by lists and search results). */
  #reveal = $state<{ articleId: string; start: number; end: number } | null>(null);
  private nextToast = 1;

  get view(): View {
    return this.#view;
  }
  get articleId(): string | null {
    return this.#articleId;
  }
  get focusedIndex(): number {
    return this.#focusedIndex;
  }
  get speakerFilter(): string | null {
    return this.#speakerFilter;
  }
  get toasts(): Toast[] {
    return this.#toasts;
  }
  get author(): string {
    return this.#author;
  }
  get compareIds(): string[] {
    return this.#compareIds;
  }
  get reveal(): { articleId: string; start: number; end: number } | null {
    return this.#reveal;
  }

  show(view: View): void {
    this.#view = view;
  }

  openArticle(id: string): void {
    if (this.#articleId !== id) {
      this.#articleId = id;
      this.#focusedIndex = 0;
    }
  }

  /** No article open (after the workspace was cleared). */
  closeArticle(): void {
    this.#articleId = null;
    this.#focusedIndex = 0;
  }

  focusStatement(index: number): void {
    this.#focusedIndex = index;
  }

  /** Moves the focus by `delta` statements, staying inside a list of `count`. */
  moveFocus(delta: number, count: number): void {
    this.#focusedIndex = Math.max(0, Math.min(count - 1, this.#focusedIndex + delta));
  }

  /** The reader at one statement of an article, with the whole article shown (no speaker filter). */
  openStatement(articleId: string, index: number): void {
    this.#speakerFilter = null;
    this.openArticle(articleId);
    this.#focusedIndex = index;
    this.#view = 'reader';
  }

  /** The reader showing only what one source says (null shows the whole article again). */
  filterBySpeaker(sourceId: string | null): void {
    this.#speakerFilter = sourceId;
    if (sourceId) this.#view = 'reader';
  }

  toggleSpeakerFilter(sourceId: string): void {
    this.filterBySpeaker(this.#speakerFilter === sourceId ? null : sourceId);
  }

  setAuthor(name: string): void {
    this.#author = name;
  }

  /** Chooses the articles laid side by side; `andShow` opens the compare view. */
  compare(ids: string[], andShow = false): void {
    this.#compareIds = ids;
    if (andShow) this.#view = 'compare';
  }

  /** Open an article in the reader at a span (from search, annotation lists, compare). */
  revealSpan(articleId: string, start: number, end: number): void {
    this.#view = 'reader';
    this.#speakerFilter = null;
    this.openArticle(articleId);
    this.#reveal = { articleId, start, end };
  }

  /** The reader takes the span to reveal, once. */
  takeReveal(): { articleId: string; start: number; end: number } | null {
    const reveal = this.#reveal;
    this.#reveal = null;
    return reveal;
  }

  notify(text: string, kind: Toast['kind'] = 'info'): void {
    const id = this.nextToast++;
    this.#toasts = [...this.#toasts, { id, kind, text }];
    setTimeout(
      () => (this.#toasts = this.#toasts.filter((t) => t.id !== id)),
      kind === 'error' ? 8000 : 3500,
    );
  }
}

export const workbench = new Workbench();
