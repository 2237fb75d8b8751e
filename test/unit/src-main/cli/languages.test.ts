// The OCR languages the app says it has: English shipped, plus tessdata files the user put in <data folder>/ocr/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printOcrLanguages } from '../../../../src-main/cli/extract';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function printed(dataDir: string): string {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  printOcrLanguages(dataDir);
  return lines.join('\n');
}

describe('corroborate extract --ocr-langs', () => {
  it('lists English alone when nothing was added, and where to add more', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ocr-langs-'));
    dirs.push(dataDir);
    const out = printed(dataDir);
    expect(out).toContain('OCR languages: English (eng)\n');
    expect(out).toContain(join(dataDir, 'ocr'));
  });

  it('adds the languages dropped into the data folder, by name where the code is known', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ocr-langs-'));
    dirs.push(dataDir);
    mkdirSync(join(dataDir, 'ocr'));
    for (const file of ['fra.traineddata', 'chi_sim.traineddata', 'eng.traineddata', 'notes.txt']) {
      writeFileSync(join(dataDir, 'ocr', file), '');
    }
    expect(printed(dataDir)).toContain('OCR languages: English (eng), chi_sim, French (fra)\n');
  });
});
