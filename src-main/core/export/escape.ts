// Escaping for text placed in XML, and a guard for colours placed in CSS (HTML escaping: shared/html-escape.ts).
import { escapeHtml } from '../../shared/html-escape';

/** XML 1.0 forbids most control characters (and lone surrogates) even when escaped; they are replaced. */
export function escapeXml(text: string): string {
  return escapeHtml(
    text.replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

/** Only plain hex colours reach the stylesheet; anything else (possible CSS injection) becomes grey. */
export function safeColour(colour: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour.trim()) ? colour.trim().toLowerCase() : '#9ca3af';
}
