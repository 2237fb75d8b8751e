// Word-level differences inside an aligned pair of statements, as segments for each side (jsdiff does the diff).
import { diffWordsWithSpace } from 'diff';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffSegment {
  text: string;
  op: DiffOp;
}

export interface WordDiff {
  /** The first statement's text in order: 'same' and 'removed' segments. */
  a: DiffSegment[];
  /** The second statement's text in order: 'same' and 'added' segments. */
  b: DiffSegment[];
  /** Share of words the two have in common, 0..1. */
  sameRatio: number;
}

function pushSegment(side: DiffSegment[], text: string, op: DiffOp): void {
  const last = side.at(-1);
  if (last && last.op === op) last.text += text;
  else side.push({ text, op });
}

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Joining the segments of a side gives back that side's text exactly. */
export function wordDiff(aText: string, bText: string): WordDiff {
  const a: DiffSegment[] = [];
  const b: DiffSegment[] = [];
  let sameWords = 0;
  for (const change of diffWordsWithSpace(aText, bText)) {
    if (change.added) pushSegment(b, change.value, 'added');
    else if (change.removed) pushSegment(a, change.value, 'removed');
    else {
      pushSegment(a, change.value, 'same');
      pushSegment(b, change.value, 'same');
      sameWords += countWords(change.value);
    }
  }
  const total = Math.max(countWords(aText), countWords(bText));
  return { a, b, sameRatio: total === 0 ? 1 : sameWords / total };
}
