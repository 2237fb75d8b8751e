// Word-level F1 between an extracted text and a reference, the measure the corpus quality goals use.
import { parseHTML } from 'linkedom';

/** Lower-cased words (letters and digits); punctuation and list bullets are not words. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** F1 of the two bags of words (each word counted as often as it occurs). */
export function wordF1(candidate: string, reference: string): number {
  const counts = new Map<string, number>();
  const referenceWords = words(reference);
  const candidateWords = words(candidate);
  if (referenceWords.length === 0 && candidateWords.length === 0) return 1;
  for (const word of referenceWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  let overlap = 0;
  for (const word of candidateWords) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(word, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / candidateWords.length;
  const recall = overlap / referenceWords.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The text a reader sees in an HTML fragment (scripts, styles and templates left out). */
export function visibleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const hidden of document.querySelectorAll('script,style,template,noscript')) hidden.remove();
  return document.body.textContent ?? '';
}
