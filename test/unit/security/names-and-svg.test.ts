// Every file name the app writes is safe on Windows too, and an SVG is refused with a reason, never
// imported as its markup.
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName, safeJoin } from '../../../src-main/core/files';
import { extractDocument } from '../../../src-main/core/import/registry';
import { AppError } from '../../../src-main/shared/errors';

describe('safe file names', () => {
  it.each([
    ['CON', '_CON'],
    ['con', '_con'],
    ['NUL.txt', '_NUL.txt'],
    ['nul .txt', '_nul .txt'],
    ['COM1', '_COM1'],
    ['lpt9.md', '_lpt9.md'],
    ['COM¹.log', '_COM¹.log'],
    ['AUX.tar.gz', '_AUX.tar.gz'],
    ['CONIN$', '_CONIN$'],
    ['report.', 'report'],
    ['report. . ', 'report'],
    ['  notes.txt  ', 'notes.txt'],
    ['..', 'file'],
  ])('rewrites %j as %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps ordinary names, including ones that merely start like a device', () => {
    for (const name of [
      'console.txt',
      'COM10.txt',
      'nullable.md',
      'LPT.txt',
      'auxiliary',
      'Report 2024.html',
    ])
      expect(safeFileName(name)).toBe(name);
  });

  it('never joins a reserved or escaping name as it is', () => {
    expect(safeJoin('/data/exports', 'PRN.html')).toBe('/data/exports/_PRN.html');
    const escaped = safeJoin('/data/exports', '../../etc/passwd');
    expect(dirname(escaped)).toBe('/data/exports');
    expect(basename(escaped)).toBe('_.._etc_passwd');
  });
});

async function refusal(bytes: string, name: string): Promise<string> {
  try {
    const doc = await extractDocument(new TextEncoder().encode(bytes), name);
    return `imported: ${doc.text}`;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message;
  }
}

describe('SVG files', () => {
  const svg =
    '<?xml version="1.0"?>\n<!-- drawn --><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' +
    '<text x="0" y="10">The minister said the bridge is safe.</text><script>fetch("http://x")</script></svg>';

  it('refuses an .svg file with a reason', async () => {
    expect(await refusal(svg, 'chart.svg')).toMatch(/SVG image.*scripts/);
  });

  it('refuses SVG markup under another name rather than import it as text', async () => {
    expect(await refusal(svg, 'chart.txt')).toMatch(/SVG image/);
  });

  it('still imports a web page that contains an inline SVG', async () => {
    const page =
      '<!doctype html><html><head><title>Report</title></head><body><p>The minister said the bridge is safe. ' +
      'Engineers disagreed with him on Tuesday.</p><svg><circle r="2"/></svg></body></html>';
    expect(await refusal(page, 'report.html')).toMatch(/^imported: .*bridge is safe/);
  });
});
