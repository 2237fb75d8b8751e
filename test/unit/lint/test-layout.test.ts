// Unit tests mirror the source folders (ARCHITECTURE.md, "Tests"): every test under test/unit sits in a
// folder that exists under src-main/ or src-renderer/, or in one of the named cross-cutting suites.
// `tsx scripts/mirror-tests.ts --apply` moves tests that do not.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING, validTestFolder } from '../../../scripts/mirror-tests';

const root = resolve(import.meta.dirname, '../../..');

function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(`${dir}/${e.name}`) : e.name.endsWith('.test.ts') ? [`${dir}/${e.name}`] : [],
  );
}

describe('test layout', () => {
  it('puts every unit test at the folder of the source it tests, or in a cross-cutting suite', () => {
    const files = testFiles('test/unit');
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !validTestFolder(f))).toEqual([]);
  });

  it('refuses a test in a domain folder, in a source folder that does not exist, or among the helpers', () => {
    expect(validTestFolder('test/unit/analysis/attribution.test.ts')).toBe(false);
    expect(validTestFolder('test/unit/src-main/shared/analyses/attribution.test.ts')).toBe(false);
    expect(validTestFolder('test/unit/src-renderer/features/nowhere/x.test.ts')).toBe(false);
    expect(validTestFolder('test/unit/helpers/x.test.ts')).toBe(false);
    expect(validTestFolder('test/unit/x.test.ts')).toBe(false);
    // A source *file* is not a folder.
    expect(validTestFolder('test/unit/src-main/shared/contract.ts/x.test.ts')).toBe(false);
  });

  it('accepts a test beside its mirrored source folder and in the cross-cutting suites', () => {
    expect(validTestFolder('test/unit/src-main/shared/compare/align.test.ts')).toBe(true);
    expect(validTestFolder('test/unit/src-renderer/lib/db/x.test.ts')).toBe(true);
    for (const suite of CROSS_CUTTING) expect(validTestFolder(`test/unit/${suite}/x.test.ts`)).toBe(true);
  });
});
