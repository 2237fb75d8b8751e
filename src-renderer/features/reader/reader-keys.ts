// The reader's keyboard map (pure): which action a key press means in the current mode.
export type ReaderAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'tag'; key: number }
  | { type: 'note' }
  | { type: 'grade-arm' }
  | { type: 'grade'; grade: number }
  | { type: 'escape' }
  | { type: 'cancel-grade' }
  | null;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** `gradeArmed` is true after `g`: the next key 1–6 grades, anything else cancels. */
export function readerAction(e: KeyLike, gradeArmed: boolean): ReaderAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return { type: 'escape' };
  if (gradeArmed)
    return /^[1-6]$/.test(e.key) ? { type: 'grade', grade: Number(e.key) } : { type: 'cancel-grade' };
  if (e.key === 'j') return { type: 'next' };
  if (e.key === 'k') return { type: 'prev' };
  if (e.key === 'n') return { type: 'note' };
  if (e.key === 'g') return { type: 'grade-arm' };
  if (/^[1-9]$/.test(e.key)) return { type: 'tag', key: Number(e.key) };
  return null;
}
