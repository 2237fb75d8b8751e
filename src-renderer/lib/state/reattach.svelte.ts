// Re-attaching an orphaned annotation: which one is waiting for the user to select its new text in the reader.
export interface ReattachTarget {
  annotationId: string;
  articleId: string;
  quote: string;
}

class Reattach {
  #target = $state<ReattachTarget | null>(null);

  get target(): ReattachTarget | null {
    return this.#target;
  }

  /** Wait for a selection in the reader to become the annotation's new span. */
  start(target: ReattachTarget): void {
    this.#target = target;
  }

  /** Re-attached, or given up. */
  end(): void {
    this.#target = null;
  }
}

export const reattach = new Reattach();
