// electronegativity over the main-process source: every finding is fixed or explained, and no explanation
// outlives its finding.
import { describe, expect, it } from 'vitest';
import { electronVersion, scan } from '../../../scripts/security-scan';

describe('electronegativity', () => {
  it('leaves no finding unexplained and no allowlist entry stale', async () => {
    expect(electronVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    const result = await scan();
    expect(result.errors).toEqual([]);
    expect(result.unexplained.map((f) => `${f.id} ${f.file}:${f.line} ${f.description}`)).toEqual([]);
    expect(result.stale).toEqual([]);
  });
});
