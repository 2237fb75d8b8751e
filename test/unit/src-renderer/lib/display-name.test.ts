// Hostile file names are shown with their hidden characters made visible.
import { describe, expect, it } from 'vitest';
import { displayFileName } from '../../../../src-renderer/lib/display-name';

describe('displayFileName', () => {
  it('makes a right-to-left override visible so the real extension shows', () => {
    expect(displayFileName('invoice\u202Egpj.txt')).toBe('invoice⟨U+202E⟩gpj.txt');
  });
  it('makes control characters visible and leaves ordinary names alone', () => {
    expect(displayFileName('a\u0007b\nc.txt')).toBe('a⟨U+0007⟩b⟨U+000A⟩c.txt');
    expect(displayFileName('Rapport été 2020 — CAR.pdf')).toBe('Rapport été 2020 — CAR.pdf');
  });
});
