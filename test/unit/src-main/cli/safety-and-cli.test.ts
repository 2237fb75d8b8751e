// Disk safety (atomic writes, names that cannot escape) and the dossier CLI commands.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand, validateCommand } from '../../../../src-main/cli/dossier-commands';
import { safeJoin, writeFileAtomic } from '../../../../src-main/core/files';
import { sampleDossier } from '../../helpers/dossier-sample';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safe files', () => {
  it('never lets a name from a dossier leave the folder', () => {
    for (const name of [
      '../evil.txt',
      '/etc/passwd',
      'a/../../b',
      '..',
      '.',
      '',
      'con',
      'sub\\..\\..\\x',
      'ok\u0000.txt',
    ])
      expect(dirname(safeJoin(dir, name))).toBe(resolve(dir));
    expect(safeJoin(dir, 'report.html')).toBe(join(resolve(dir), 'report.html'));
  });

  it('writes atomically and leaves no temporary file behind', async () => {
    const target = join(dir, 'atomic.txt');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, new TextEncoder().encode('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    // A folder it has to create is owner-only, and so is the file (originals, backups, exports).
    await writeFileAtomic(join(dir, 'new-folder', 'x.txt'), 'x');
    expect((await stat(join(dir, 'new-folder'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'new-folder', 'x.txt'))).mode & 0o777).toBe(0o600);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('dossier CLI commands', () => {
  it('validate prints JSON paths for a damaged dossier and returns 1', async () => {
    const damaged = sampleDossier() as unknown as { annotations: { position: { start: unknown } }[] };
    damaged.annotations[3]!.position.start = -4;
    const path = join(dir, 'damaged.json');
    await writeFile(path, JSON.stringify(damaged));
    const lines: string[] = [];
    expect(await validateCommand(path, (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain('$.annotations[3].position.start');
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(sampleDossier()));
    expect(await validateCommand(good, () => {})).toBe(0);
  });

  it('merge writes a merged dossier and reports what changed', async () => {
    const a = sampleDossier();
    const b = sampleDossier();
    b.annotations[0]!.note = 'edited later';
    b.annotations[0]!.updatedAt = '2030-01-01T00:00:00.000Z';
    b.claims.push({
      id: 'claim-new',
      text: 'Rwanda deployed troops',
      note: '',
      createdAt: a.exportedAt,
      updatedAt: a.exportedAt,
    });
    await writeFile(join(dir, 'a.json'), JSON.stringify(a));
    await writeFile(join(dir, 'b.json'), JSON.stringify(b));
    const lines: string[] = [];
    expect(
      await mergeCommand(join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'c.json'), (l) => lines.push(l)),
    ).toBe(0);
    expect(lines[0]).toMatch(/^added 1, updated 1, /);
    const merged = JSON.parse(await readFile(join(dir, 'c.json'), 'utf8'));
    expect(merged.claims).toHaveLength(2);
    expect(merged.history).toHaveLength(1);
  });
});
