// The claim matrix's verdict in an analyst's words: who asserts, who denies, and what the balance rests on.
import type { MatrixRow } from '../../../src-main/shared/compare/matrix';

export interface VerdictWords {
  /** supported | contradicted | disputed | open: the colour of the verdict. */
  tone: 'supported' | 'contradicted' | 'disputed' | 'open';
  /** A short headline, e.g. "Sources disagree". */
  headline: string;
  /** The sentence under it, e.g. "1 asserts, 1 denies — the verdict depends on whom you trust". */
  detail: string;
  /** Why the verdict is fragile, in words, or null when no single source decides it. */
  fragility: string | null;
}

const EPSILON = 1e-9;

function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

const sides = (n: number, verb: 'asserts' | 'denies') =>
  n === 1 ? `1 source ${verb}` : `${n} sources ${verb === 'asserts' ? 'assert' : 'deny'}`;

/** Words for one row of the matrix; `nameOf` names a source column. */
export function verdictWords(row: MatrixRow, nameOf: (id: string | null) => string): VerdictWords {
  const asserting = row.cells.filter((c) => c.vote > EPSILON).length;
  const denying = row.cells.filter((c) => c.vote < -EPSILON).length;
  const counts = `${asserting} assert${asserting === 1 ? 's' : ''}, ${denying} den${denying === 1 ? 'ies' : 'y'}`;
  const pivots = names(row.pivotalSourceIds.map(nameOf));
  if (Math.abs(row.balance) <= EPSILON) {
    if (asserting === 0 && denying === 0)
      return {
        tone: 'open',
        headline: 'No source takes a side',
        detail: 'Only qualifying statements so far',
        fragility: null,
      };
    return {
      tone: 'disputed',
      headline: 'Sources disagree',
      detail: `${counts} — the verdict depends on whom you trust`,
      fragility: row.sensitive ? `Grading ${pivots} would settle it` : null,
    };
  }
  const supported = row.balance > 0;
  const against = supported ? denying : asserting;
  const headline = supported
    ? against
      ? 'Leans towards true'
      : 'Supported'
    : against
      ? 'Leans towards false'
      : 'Contradicted';
  const detail = against
    ? `${counts} — the better-graded side weighs more`
    : `${sides(supported ? asserting : denying, supported ? 'asserts' : 'denies')} it, none ${supported ? 'denies' : 'asserts'}`;
  const fragility = row.sensitive
    ? `Rests on a single source: without ${pivots} the verdict would change`
    : null;
  return { tone: supported ? 'supported' : 'contradicted', headline, detail, fragility };
}
