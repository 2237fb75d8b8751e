// W3C Web Annotation selectors for a span of an article's immutable text.
export const CONTEXT_CHARS = 32;

export interface SpanSelectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export function selectorsFor(text: string, start: number, end: number): SpanSelectors {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    quote: {
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
      suffix: text.slice(e, e + CONTEXT_CHARS),
    },
    position: { start: s, end: e },
  };
}
