// Locates the shared test corpus: the nearest `shared/corpus` folder beside the repository or one of its
// parents (a git worktree sits one level deeper than the main checkout).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function findCorpus(repoRoot: string): string {
  let dir = resolve(repoRoot, '..');
  for (;;) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return resolve(repoRoot, '../shared/corpus');
    dir = parent;
  }
}
