// A .qdpx that would unpack to gigabytes is refused from its directory, before anything is decompressed.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { importQdpx, MAX_QDPX_UNPACKED_BYTES } from '../../../src-main/core/export/qdpx-import';

describe('importQdpx and zip bombs', () => {
  it('refuses an archive whose entries declare more than the limit', () => {
    // 600 MB of zeros compresses to well under a megabyte.
    const zeros = new Uint8Array(MAX_QDPX_UNPACKED_BYTES + 100 * 1024 * 1024);
    const bomb = zipSync(
      { 'project.qde': new TextEncoder().encode('<Project/>'), 'sources/a.txt': zeros },
      { level: 9 },
    );
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(() => importQdpx(bomb)).toThrow(/would unpack to .*; the limit is .*zip bomb/);
  });
});
