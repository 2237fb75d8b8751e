// End to end in Chromium: two articles side by side with aligned statements and flagged clashes, a link and a
// claim that survive a reload, the claim × source matrix, and a new version that carries its annotations over.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles, launchApp, repoRoot, type App } from './harness';

const seedText = readFileSync(join(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');
const secondText = readFileSync(join(repoRoot, 'test/fixtures/car-second-outlet.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string; speaker: string | null; cue: string | null }[];
};
const CLAIM = 'Russia deployed forces in CAR';

/** The seed's government claim (statement 1) and Bogdanov's explicit denial, found in the gold file. */
const governmentIndex = 0;
const bogdanovDenialIndex = gold.statements.findIndex(
  (s) => s.speaker === 'Mikhail Bogdanov' && s.cue === 'denied',
);
/** The second outlet's sentence reporting the same denial. */
const secondDenial = /Deputy Foreign Minister Mikhail Bogdanov denied[^.]*/.exec(secondText)![0];
/** A figure both articles give differently: the size of the rebel coalition. */
const seedFigure = /roughly ([\d,]+) militants/.exec(seedText)![1]!;
const secondFigure = /about ([\d,]+) fighters/.exec(secondText)![1]!;

describe('comparing sources, links, claims and versions', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    await app?.close();
  });

  /** A screenshot once the short-lived messages have gone, so they hide nothing. */
  const quietScreenshot = async (name: string) => {
    await app.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="toast"]').length === 0,
      null,
      {
        timeout: 10_000,
      },
    );
    await app.screenshot(name);
  };
  const seedCell = (index: number) =>
    app.page.locator(`[data-testid="compare-cell"][data-column="0"][data-index="${index}"]`);

  it('opens the seed and a second outlet side by side, aligned, with a clashing figure flagged', async () => {
    const { page } = app;
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await dropFiles(page, [
      { name: 'car-second-outlet.txt', bytes: Buffer.from(secondText), type: 'text/plain' },
    ]);
    const report = page.getByTestId('import-report');
    await report.locator('[data-outcome="imported"]').waitFor();
    await page.getByTestId('import-report-close').click();

    await page.getByTestId('view-compare').click();
    const picks = page.getByTestId('compare-pick');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-row').first().waitFor();
    assert.equal(await page.getByTestId('compare-column').count(), 2);

    // Bogdanov's denial in the seed and in the second outlet share a row.
    const denialRow = page
      .getByTestId('compare-row')
      .filter({ has: seedCell(bogdanovDenialIndex) })
      .filter({ has: page.locator('[data-column="1"]', { hasText: secondDenial }) });
    assert.equal(await denialRow.count(), 1, 'the two reports of the denial are aligned');

    const figureFlag = page
      .getByTestId('conflict-flag')
      .filter({ hasText: seedFigure })
      .filter({ hasText: secondFigure });
    assert.equal(await figureFlag.count(), 1, `${seedFigure} vs ${secondFigure} is flagged`);
    assert.equal(await figureFlag.getAttribute('data-kind'), 'figure');
    assert.ok(
      (await page.getByTestId('conflict-span').count()) >= 2,
      'clashing words are marked in the text',
    );
  });

  it('unaligns a row by hand, keeps it apart, and realigns it; shows the timeline', async () => {
    const { page } = app;
    const denialRow = () => page.getByTestId('compare-row').filter({ has: seedCell(bogdanovDenialIndex) });
    await denialRow().hover();
    await denialRow().getByTestId('row-unalign').click();
    await page.waitForFunction(
      (i) =>
        !document
          .querySelector(`[data-column="0"][data-index="${i}"]`)
          ?.closest('[data-testid="compare-row"]')
          ?.querySelector('[data-column="1"]'),
      bogdanovDenialIndex,
    );
    await seedCell(bogdanovDenialIndex).click();
    await page.keyboard.press('r');
    await denialRow().locator('[data-column="1"]', { hasText: secondDenial }).waitFor();

    await page.getByTestId('compare-timeline-tab').click();
    await page.getByTestId('timeline-entry').first().waitFor();
    assert.ok((await page.getByTestId('timeline-entry').count()) >= 3, 'dated statements of both articles');
    await app.screenshot('compare-timeline');
    await page.getByRole('tab', { name: 'Side by side' }).click();
    await page.getByTestId('compare-row').first().waitFor();
  });

  it('drags a statement onto another column to start a link to it', async () => {
    const { page } = app;
    const tass = gold.statements.findIndex((s) => s.speaker === 'Tass');
    const interfax = page.locator('[data-testid="compare-cell"][data-column="1"]', {
      hasText: 'Interfax numbered',
    });
    await seedCell(tass).dragTo(interfax);
    const form = page.getByTestId('link-form');
    await form.waitFor();
    assert.equal(
      await form.getByTestId('link-target').inputValue(),
      await interfax.getAttribute('data-statement-id'),
    );
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('links the government claim to a Bogdanov denial as "contradicts" by keyboard', async () => {
    const { page } = app;
    await seedCell(governmentIndex).click();
    await page.keyboard.press('l');
    const form = page.getByTestId('link-form');
    await form.waitFor();
    const option = form.locator('option', { hasText: secondDenial.slice(0, 60) });
    await form.getByTestId('link-target').selectOption((await option.getAttribute('value'))!);
    await page.keyboard.press('2');
    assert.ok(await form.getByTestId('link-type-contradicts').isChecked());
    await form.getByTestId('link-note').fill('The government says forces arrived; Bogdanov denies it');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await seedCell(governmentIndex).getByTestId('cell-link').filter({ hasText: 'contradicts' }).waitFor();
    await page.locator('[data-testid="connectors"][data-count="1"]').waitFor();
    await seedCell(governmentIndex).click();
    await quietScreenshot('compare-view');
  });

  it('creates the claim with the government asserting and Bogdanov denying; the matrix shows both', async () => {
    const { page } = app;
    await page.getByTestId('view-claims').click();
    await page.getByTestId('claim-new-input').fill(CLAIM);
    await page.keyboard.press('Enter');
    await page.getByTestId('claim-item').filter({ hasText: CLAIM }).waitFor();

    // From the compare view: select the government's statement, press C.
    await page.getByTestId('view-compare').click();
    await seedCell(governmentIndex).click();
    await page.keyboard.press('c');
    const attach = page.getByTestId('claim-attach');
    await attach.waitFor();
    assert.equal(await attach.getByTestId('claim-select').locator('option:checked').innerText(), CLAIM);
    await page.keyboard.press('1');
    await attach.getByTestId('claim-attach-save').click();
    await attach.waitFor({ state: 'detached' });
    const governmentSpeaker = await seedCell(governmentIndex)
      .getByTestId('speaker-chip')
      .locator('.who')
      .innerText();

    // From the reader's inspector: focus Bogdanov's denial, press C, choose "denies".
    await page.getByTestId('view-reader').click();
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await page.getByTestId('statement').nth(bogdanovDenialIndex).click();
    const bogdanov = await page
      .getByTestId('statement')
      .nth(bogdanovDenialIndex)
      .getByTestId('speaker-chip')
      .locator('.who')
      .innerText();
    await page.keyboard.press('c');
    const inInspector = page.getByTestId('links-section').getByTestId('claim-attach');
    await inInspector.waitFor();
    await page.keyboard.press('2');
    await inInspector.getByTestId('claim-attach-save').click();
    await page.getByTestId('statement-claim').filter({ hasText: 'denies' }).waitFor();

    await page.getByTestId('view-claims').click();
    await page.getByTestId('claim-entry').nth(1).waitFor();
    assert.deepEqual(
      await page
        .getByTestId('claim-entry')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-stance'))),
      ['asserts', 'denies'],
    );
    await page.getByTestId('claims-matrix-tab').click();
    const matrix = page.getByTestId('claim-matrix');
    await matrix.getByTestId('matrix-row').filter({ hasText: CLAIM }).waitFor();
    const sources = await matrix.getByTestId('matrix-source').allInnerTexts();
    assert.ok(
      sources.some((s) => s.includes(governmentSpeaker)),
      `${governmentSpeaker} in ${sources.join(' | ')}`,
    );
    assert.ok(
      sources.some((s) => s.includes(bogdanov)),
      `${bogdanov} in ${sources.join(' | ')}`,
    );
    assert.equal(
      await matrix
        .getByTestId('matrix-row')
        .filter({ hasText: CLAIM })
        .getByTestId('matrix-verdict')
        .innerText(),
      'Sources disagree\n1 asserts, 1 denies — the verdict depends on whom you trust',
    );
    const cells = matrix.getByTestId('matrix-cell');
    assert.equal(await cells.count(), 2);
    assert.ok((await cells.filter({ hasText: 'asserts' }).count()) === 1);
    assert.ok((await cells.filter({ hasText: 'denies' }).count()) === 1);
    await cells.filter({ hasText: 'denies' }).click();
    await matrix
      .getByTestId('matrix-drill')
      .filter({ hasText: gold.statements[bogdanovDenialIndex]!.text.slice(0, 40) })
      .waitFor();
    await quietScreenshot('claim-matrix');
  });

  it('keeps the link, the claim and the comparison over a reload', async () => {
    const { page } = app;
    await page.reload();
    // The window reopens on the last view (claims); go back to the reader.
    await page.getByTestId('view-claims').and(page.locator('[aria-current="page"]')).waitFor();
    await page.getByTestId('view-reader').click();
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    await page.getByTestId('statement').nth(governmentIndex).click();
    await page.getByTestId('statement-link').filter({ hasText: 'contradicts' }).waitFor();
    await page.getByTestId('statement-claim').filter({ hasText: 'asserts' }).waitFor();
    await app.screenshot('reader-links');

    await page.getByTestId('view-compare').click();
    await seedCell(governmentIndex).getByTestId('cell-link').filter({ hasText: 'contradicts' }).waitFor();

    await page.getByTestId('view-claims').click();
    await page.getByTestId('claims-matrix-tab').click();
    await page.getByTestId('matrix-row').filter({ hasText: CLAIM }).waitFor();
    assert.equal(await page.getByTestId('matrix-cell').count(), 2);
  });

  it('records an edited copy of the seed as a new version and keeps every annotation', async () => {
    const { page } = app;
    await page.getByTestId('view-reader').click();
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-title').filter({ hasText: 'CAR faces' }).waitFor();
    // Annotate: tag a few statements, including one the new version drops entirely.
    const dropped = gold.statements.findIndex((s) => s.text.startsWith('The degree of Russian involvement'));
    const tagged = [3, 4, dropped, 25];
    for (const i of tagged) {
      await page.getByTestId('statement').nth(i).click();
      await page.keyboard.press('1');
      await page.getByTestId('statement').nth(i).getByTestId('tag-chip').waitFor();
    }
    const revised = seedText
      .replace('roughly 9,000 militants', 'roughly 8,000 militants')
      .replace('on Monday announced', 'on Sunday announced')
      .replace('100 km away from the Bangui', '70 km away from Bangui')
      .replace(gold.statements[dropped]!.text + ' ', '');
    assert.notEqual(revised, seedText);

    await page.getByTestId('view-compare').click();
    await dropFiles(page, [
      { name: 'car-dec-2020-revised.txt', bytes: Buffer.from(revised), type: 'text/plain' },
    ]);
    await page.getByTestId('version-prompt').waitFor();
    await page.getByTestId('import-report-close').click();
    await page.getByTestId('version-accept').click();
    const outcome = page.getByTestId('version-outcome');
    await outcome.waitFor();
    const placed = Number(await outcome.getByTestId('version-placed').innerText());
    const orphans = await outcome.getByTestId('version-orphan').allInnerTexts();
    assert.equal(placed + orphans.length, tagged.length, 'every annotation is re-anchored or listed');
    assert.ok(
      orphans.some((o) => o.includes(gold.statements[dropped]!.text.slice(0, 30))),
      'the dropped statement is listed as orphaned',
    );
    await app.screenshot('version-outcome');

    await outcome.getByTestId('version-compare').click();
    await page.getByTestId('compare-column').filter({ hasText: 'new version of A' }).waitFor();
    assert.ok(
      (await page.getByTestId('conflict-flag').count()) >= 2,
      'the edited figure and day are flagged',
    );
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
