// A dropped folder: every file in it is either imported or listed as skipped with the reason, never dropped silently.
import { describe, expect, it } from 'vitest';
import { filesFromDrop, skipReason } from '../../../../../src-renderer/features/import/dropped-files';

interface FakeTree {
  [name: string]: string | FakeTree;
}

/** A FileSystemEntry tree as Chromium hands it to a drop handler (readEntries in batches, then an empty one). */
function entry(name: string, node: string | FakeTree): FileSystemEntry {
  if (typeof node === 'string') {
    return {
      name,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(new File([node], name)),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, child]) => entry(n, child));
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let sent = false;
      return {
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = sent ? [] : children;
          sent = true;
          ok(batch);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function drop(tree: FakeTree): DataTransfer {
  const items = Object.entries(tree).map(([name, node]) => ({
    kind: 'file',
    webkitGetAsEntry: () => entry(name, node),
  }));
  return { items, files: [] } as unknown as DataTransfer;
}

describe('a dropped folder', () => {
  it('imports the kinds it knows (docm, xhtml, qdc included) and lists every other file with its reason', async () => {
    const picked = await filesFromDrop(
      drop({
        reports: {
          'a.txt': 'Alpha said so.',
          'b.docm': 'macro-enabled Word',
          'c.xhtml': '<html></html>',
          'codebook.qdc': '<CodeBook/>',
          'photo.heic': 'not text',
          README: 'no extension',
          '.DS_Store': 'finder',
          '.git': { HEAD: 'ref: refs/heads/main', objects: { ab: 'blob' } },
          nested: { 'd.md': '# D', 'e.xlsx': 'sheet' },
        },
      }),
    );
    const byPath = new Map(picked.map((p) => [p.relativePath, p.skipped ?? null]));
    expect([...byPath.keys()].sort()).toEqual([
      'reports/.DS_Store',
      'reports/.git/',
      'reports/README',
      'reports/a.txt',
      'reports/b.docm',
      'reports/c.xhtml',
      'reports/codebook.qdc',
      'reports/nested/d.md',
      'reports/nested/e.xlsx',
      'reports/photo.heic',
    ]);
    for (const imported of ['a.txt', 'b.docm', 'c.xhtml', 'codebook.qdc', 'nested/d.md'])
      expect(byPath.get(`reports/${imported}`)).toBeNull();
    expect(byPath.get('reports/photo.heic')).toMatch(
      /^skipped: \.heic files are not imported \(.*\.pdf.*\)$/,
    );
    expect(byPath.get('reports/nested/e.xlsx')).toMatch(/\.xlsx files are not imported/);
    expect(byPath.get('reports/README')).toMatch(/a file without an extension is not imported/);
    expect(byPath.get('reports/.DS_Store')).toBe('skipped: hidden file inside the dropped folder');
    // A hidden folder is one row: its files are not walked.
    expect(byPath.get('reports/.git/')).toBe('skipped: hidden folder inside the dropped folder');
  });

  it('always tries a file dropped on its own, whatever its name', async () => {
    const picked = await filesFromDrop(drop({ 'notes.heic': 'x', '.hidden.txt': 'y' }));
    expect(picked.map((p) => [p.relativePath, p.skipped])).toEqual([
      ['notes.heic', undefined],
      ['.hidden.txt', undefined],
    ]);
  });

  it('gives the same reasons for a folder chosen with the file picker', () => {
    expect(skipReason('Report.PDF')).toBeNull();
    expect(skipReason('sheet.xlsx')).toMatch(/\.xlsx files are not imported/);
  });
});
