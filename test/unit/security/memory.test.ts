// Memory stays bounded before parsing: each hostile case runs in its own child process (peak RSS measured
// there, loosely bounded) so nothing else in the test run disturbs the figure.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lyingDocx } from './lying-zip';

const run = promisify(execFile);
const probe = resolve(import.meta.dirname, 'memory-probe.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-mem-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function measure(...args: string[]): Promise<{ growthMb: number; outcome: string }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe, ...args], {
    cwd: resolve(import.meta.dirname, '../../..'),
    maxBuffer: 1 << 20,
    timeout: 170_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { growthMb: number; outcome: string };
}

describe('bounded memory on hostile requests and archives', () => {
  it('a 1 MB request naming its bytes a thousand times is refused without copying them', async () => {
    const { growthMb, outcome } = await measure('bytes');
    expect(growthMb).toBeLessThan(300);
    expect(outcome).toMatch(/^400 .*byte references overlap/);
  }, 180_000);

  it('a .docx whose zip headers declare 4 KB but inflate to 700 MB is refused in words, memory bounded', async () => {
    const path = join(dir, 'lying.docx');
    await writeFile(path, await lyingDocx(700 * 1024 * 1024));
    const { growthMb, outcome } = await measure('docx', path);
    expect(growthMb).toBeLessThan(300);
    expect(outcome).toMatch(/^refused: .*unpacks to more than 500 MB/);
    expect(outcome).not.toMatch(/Bug|mismatch/);
  }, 180_000);

  it('a .docx whose zip headers understate a small entry is refused as inconsistent', async () => {
    const path = join(dir, 'small-lie.docx');
    await writeFile(path, await lyingDocx(2 * 1024 * 1024, 100));
    const { outcome } = await measure('docx', path);
    expect(outcome).toMatch(/^refused: .*(?:declares|headers)/);
    expect(outcome).not.toMatch(/Bug|mismatch/);
  }, 180_000);

  it('the CLI refuses a file over the size limit from its size, without reading it', async () => {
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 300 * 1024 * 1024); // sparse: 300 MB without using the disk
    const { growthMb, outcome } = await measure('cli', path);
    expect(growthMb).toBeLessThan(100);
    expect(outcome).toMatch(/^exit 1: .*huge\.txt: refused: .*300 MB.*limit is 200 MB/);
  }, 180_000);
});
