// A .qdpx that would unpack to gigabytes is refused: from its directory when it says so, and while inflating
// (counting the bytes actually produced) when its headers lie.
import { describe, expect, it } from 'vitest';
import { importQdpx, MAX_QDPX_UNPACKED_BYTES } from '../../../../../src-main/core/export/qdpx-import';
import { lyingZip } from '../../../security/lying-zip';

describe('importQdpx and zip bombs', () => {
  it('refuses an archive whose entries declare more than the limit', async () => {
    // 600 MB of zeros compresses to well under a megabyte (deflated a megabyte at a time by zlib).
    const bomb = await lyingZip([
      { name: 'project.qde', data: new TextEncoder().encode('<Project/>') },
      { name: 'sources/a.txt', zeros: MAX_QDPX_UNPACKED_BYTES + 100 * 1024 * 1024 },
    ]);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(() => importQdpx(bomb)).toThrow(/would unpack to .*; the limit is .*zip bomb/);
  }, 120_000);

  it('refuses an archive whose headers declare a few bytes but which inflates past the limit', async () => {
    const bomb = await lyingZip([
      { name: 'project.qde', data: new TextEncoder().encode('<Project/>') },
      { name: 'sources/a.txt', zeros: MAX_QDPX_UNPACKED_BYTES + 10 * 1024 * 1024, declaredSize: 1000 },
    ]);
    expect(() => importQdpx(bomb)).toThrow(/unpacks to more than 500 MB.*declare 1010 bytes.*zip bomb/);
  }, 120_000);

  it('refuses an archive whose headers understate an entry, saying so', async () => {
    const lying = await lyingZip([
      { name: 'project.qde', data: new TextEncoder().encode('<Project/>') },
      { name: 'sources/a.txt', zeros: 4096, declaredSize: 10 },
    ]);
    expect(() => importQdpx(lying)).toThrow(
      /zip headers are inconsistent: sources\/a\.txt declares 10 bytes/,
    );
  });
});
