// An export's progress report may hold the export: the next articles wait until the report's promise settles
// (the export worker uses this for CORROBORATE_EXPORT_STEP_MS, the seam that lets E2E tests watch a percentage).
import { describe, expect, it } from 'vitest';
import { progressTicker } from '../../../../../src-main/core/export/progress';

describe('progressTicker', () => {
  it('waits for a report that returns a promise before the next items', async () => {
    const reports: number[] = [];
    let release: () => void = () => {};
    const ticker = progressTicker(
      4,
      (done) => {
        reports.push(done);
        return done === 2 ? new Promise<void>((resolve) => (release = resolve)) : undefined;
      },
      undefined,
      2,
    );
    let written = 0;
    const run = (async () => {
      for (let i = 0; i < 4; i++) {
        written++;
        await ticker.tick();
      }
      ticker.finish();
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Held at the report of 2: the third item is not written yet.
    expect({ written, reports }).toEqual({ written: 2, reports: [0, 2] });
    release();
    await run;
    expect({ written, reports }).toEqual({ written: 4, reports: [0, 2, 4] });
  });

  it('throws once cancelled, at the next report', async () => {
    const controller = new AbortController();
    const ticker = progressTicker(10, undefined, controller.signal, 1);
    await ticker.tick();
    controller.abort();
    await expect(ticker.tick()).rejects.toThrow('Export cancelled');
  });
});
