// Where list items start inside a paragraph, so that each item becomes its own statement.

const BULLETS = '•⁃▪◦‣●';
const BULLET_OR_LINE_ITEM = new RegExp(`[${BULLETS}]|\\n[^\\S\\n]*[-*–][^\\S\\n]`, 'g');
const LIST_HEAD = new RegExp(`[${BULLETS}*–-]?\\s*(\\d{1,3}|[a-zA-Z])(\\.\\)|\\)|\\.)\\s`, 'y');

/**
 * The next match of a pattern at or after a position, found with one native regex search and remembered, so
 * asking paragraph after paragraph scans the text once (linear overall).
 */
export class MatchCursor {
  private readonly pattern: RegExp;
  private found = -1;
  constructor(
    private readonly text: string,
    pattern: RegExp,
  ) {
    this.pattern = new RegExp(pattern.source, 'g');
  }

  /** The first match at or after `from`, or text.length. */
  next(from: number): number {
    if (this.found >= from) return this.found;
    this.pattern.lastIndex = from;
    const m = this.pattern.exec(this.text);
    this.found = m ? m.index : this.text.length;
    return this.found;
  }
}

/** Bullets and line-initial dashes. */
export const bulletCursor = (text: string) => new MatchCursor(text, BULLET_OR_LINE_ITEM);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function successor(value: string): string | null {
  if (/^\d+$/.test(value)) return String(Number(value) + 1);
  if (value === 'z' || value === 'Z') return null;
  return String.fromCharCode(value.charCodeAt(0) + 1);
}

/**
 * Absolute offsets in [from, to) where a list item starts: bullets ("• 9. The first item • 10. …"), dashes
 * at the start of a line, and the next number or letter of a list the paragraph opens with
 * ("1.) The first item 2.) The second item", "a. … b. … c. …").
 */
export function listCuts(text: string, from: number, to: number, bullets: MatchCursor): number[] {
  const cuts: number[] = [];
  const hasBullets = bullets.next(from) < to;
  // Only a paragraph that starts like "1." / "a)" / "• 9." can be a numbered or lettered list.
  LIST_HEAD.lastIndex = from;
  const head = LIST_HEAD.exec(text);
  if (!hasBullets && !head) return cuts;
  const paragraph = text.slice(from, to);

  BULLET_OR_LINE_ITEM.lastIndex = 0;
  for (
    let m = hasBullets ? BULLET_OR_LINE_ITEM.exec(paragraph) : null;
    m;
    m = BULLET_OR_LINE_ITEM.exec(paragraph)
  ) {
    if (m[0].startsWith('\n')) {
      cuts.push(from + m.index + m[0].length - 2);
    } else if (m.index > 0 && /\s/.test(paragraph.charAt(m.index - 1))) {
      cuts.push(from + m.index);
    }
  }

  if (head) {
    const punctuation = head[2] as string;
    const isLetter = /[a-zA-Z]/.test(head[1] as string);
    // Lettered lists must start at "a" or they are more likely initials ("J. Smith").
    let value: string | null = isLetter && !/^[aA]$/.test(head[1] as string) ? null : (head[1] as string);
    let position = head[0].length;
    while (value !== null) {
      const next = successor(value);
      if (next === null) break;
      const pattern = new RegExp(
        `\\s([${BULLETS}*–-]?\\s*)${escapeRegExp(next)}${escapeRegExp(punctuation)}\\s`,
        'g',
      );
      pattern.lastIndex = position;
      const found = pattern.exec(paragraph);
      if (!found) break;
      cuts.push(from + found.index + 1);
      position = found.index + found[0].length;
      value = next;
    }
  }
  cuts.sort((a, b) => a - b);
  return cuts.filter((cut, index) => cut > from && cut !== cuts[index - 1]);
}
