// The reader's keyboard map and the command palette's fuzzy filter.
import { describe, expect, it } from 'vitest';
import { readerAction } from '../../../../../src-renderer/features/reader/reader-keys';
import { fuzzyFilter } from '../../../../../src-renderer/features/palette/fuzzy';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('reader keys', () => {
  it('maps j/k/n/g and digits, and grades with g then 1–6', () => {
    expect(readerAction(key('j'), false)).toEqual({ type: 'next' });
    expect(readerAction(key('k'), false)).toEqual({ type: 'prev' });
    expect(readerAction(key('n'), false)).toEqual({ type: 'note' });
    expect(readerAction(key('7'), false)).toEqual({ type: 'tag', key: 7 });
    expect(readerAction(key('g'), false)).toEqual({ type: 'grade-arm' });
    expect(readerAction(key('2'), true)).toEqual({ type: 'grade', grade: 2 });
    expect(readerAction(key('7'), true)).toEqual({ type: 'cancel-grade' });
    expect(readerAction(key('z', { ctrlKey: true }), false)).toBeNull(); // undo belongs to the app
  });
});

describe('palette filter', () => {
  const titles = [
    'Next statement',
    'Previous statement',
    'Note on selection or statement…',
    'Go to Codebook',
  ];
  it('matches abbreviations in order and ranks word starts first', () => {
    expect(fuzzyFilter(titles, 'nxt stmt', (t) => t)[0]).toBe('Next statement');
    expect(fuzzyFilter(titles, 'codebook', (t) => t)).toEqual(['Go to Codebook']);
    expect(fuzzyFilter(titles, 'qqq', (t) => t)).toEqual([]);
    expect(fuzzyFilter(titles, '', (t) => t)).toEqual(titles);
  });
});

describe('palette ranking', () => {
  it('keeps registration order among equally good matches', () => {
    const grades = [1, 2, 3, 4].map(
      (g) =>
        `Credibility ${g}: ${['Confirmed by other sources', 'Probably true', 'Possibly true', 'Doubtful'][g - 1]}`,
    );
    expect(fuzzyFilter(grades, 'cred', (t) => t)).toEqual(grades);
  });
});
