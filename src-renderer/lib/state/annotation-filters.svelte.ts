// The annotations view's filters, kept while the user switches views (and set by search's tag hits).
import type { Reliability } from '../../../src-main/shared/domain';

class AnnotationFilters {
  tagId = $state<string | null>(null);
  speakerId = $state<string | null>(null);
  credibility = $state<number | null>(null);
  reliability = $state<Reliability | null>(null);
  articleId = $state<string | null>(null);
  text = $state('');
  orphaned = $state(false);

  get active(): boolean {
    return !!(
      this.tagId ||
      this.speakerId ||
      this.credibility ||
      this.reliability ||
      this.articleId ||
      this.text ||
      this.orphaned
    );
  }

  clear(): void {
    this.tagId = this.speakerId = this.articleId = this.reliability = null;
    this.credibility = null;
    this.text = '';
    this.orphaned = false;
  }
}

export const annotationFilters = new AnnotationFilters();
