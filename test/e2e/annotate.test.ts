// End to end in Chromium on the seed article: annotate a selected phrase (tag, Markdown note,
// credibility), grade a relaying outlet's reliability, reload, undo/redo, inert hostile notes,
// a span across two statements, the command palette; no foreign requests, no console errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { emptyDossier } from '../../src-main/shared/dossier';
import { dropFiles, repoRoot, selectInStatements, launchSeeded, type App } from './harness';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/statements.gold.json'), 'utf8')) as {
  statements: { text: string; start: number; end: number; via: string | null }[];
};
const first = gold.statements[0]!;
const second = gold.statements[1]!;
const PHRASE = 'Russia and Rwanda had deployed military forces';
const RELAY = second.via!; // "Radio Free Europe Radio Liberty" in the gold file
const NOTE = 'Compare with [the RFERL report](https://www.rferl.org/a/car-russia) — **disputed** by Moscow.';

const highlightText = (page: Page, index: number) =>
  page
    .locator(`[data-testid="statement"][data-index="${index}"] [data-testid="highlight"]`)
    .allInnerTexts()
    .then((parts) => parts.join(''));

describe('annotating in the reader', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('tags a selected phrase with key 1, adds a Markdown note and grades it 2', async () => {
    const { page } = app;
    const at = first.text.indexOf(PHRASE);
    assert.ok(at > 0, 'the phrase is in the first statement');
    await selectInStatements(page, { index: 0, at }, { index: 0, at: at + PHRASE.length });
    await page.getByTestId('selection-toolbar').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-index="0"] [data-testid="highlight"]').first().waitFor();
    assert.equal(await highlightText(page, 0), PHRASE);

    await page.keyboard.press('n');
    await page.getByTestId('note-editor').waitFor();
    await page.getByTestId('note-input').fill(NOTE);
    await page.getByTestId('note-editor').locator('strong').waitFor(); // live preview
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('note-editor').waitFor({ state: 'detached' });

    await page.keyboard.press('g');
    await page.keyboard.press('2');
    const badge = page.locator('[data-index="0"] [data-testid="grade-badge"]');
    await badge.waitFor();
    assert.match(await badge.innerText(), /2$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('selection-toolbar').waitFor({ state: 'detached' });
  });

  it('grades the relaying outlet of statement 2 as B through the speaker chip', async () => {
    const { page } = app;
    const row = page.locator('[data-testid="statement"][data-index="1"]');
    await row.getByTestId('speaker-chip').click();
    const menu = page.getByTestId('reliability-menu');
    await menu.waitFor();
    const relay = menu.getByTestId('reliability-source').filter({ hasText: /Radio Free Europe/ });
    assert.equal(await relay.count(), 1, `one relay named like ${RELAY}`);
    await relay.locator('[data-grade="B"]').click();
    await row.getByTestId('reliability-badge').filter({ hasText: 'B' }).waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('keeps everything over a reload, with the note rendered and its link inert', async () => {
    const { page } = app;
    await page.reload();
    await page.locator('[data-index="0"] [data-testid="highlight"]').first().waitFor();
    assert.equal(await highlightText(page, 0), PHRASE);
    assert.match(await page.locator('[data-index="0"] [data-testid="grade-badge"]').innerText(), /2$/);
    await page
      .locator('[data-index="1"] [data-testid="reliability-badge"]')
      .filter({ hasText: 'B' })
      .waitFor();

    await page.locator('[data-testid="statement"][data-index="0"] .gutter').click();
    const item = page.getByTestId('annotation-item').filter({ hasText: PHRASE });
    await item.waitFor();
    const note = item.getByTestId('note-rendered');
    assert.equal(await note.locator('strong').innerText(), 'disputed');
    const link = note.locator('a');
    assert.equal(await link.innerText(), 'the RFERL report');
    assert.equal(await link.getAttribute('data-href'), 'https://www.rferl.org/a/car-russia');
    assert.equal(await link.getAttribute('href'), null, 'no href: a note link cannot navigate');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    const url = page.url();
    await link.click();
    assert.equal(page.url(), url, 'clicking a note link does not navigate');
    assert.match(await item.getByTestId('annotation-grade').inputValue(), /^2$/);
  });

  it('undoes every edit back to no annotation, and redoes them', async () => {
    const { page } = app;
    const rowHighlight = page.locator('[data-index="0"] [data-testid="highlight"]');
    const relayB = page.locator('[data-index="1"] [data-testid="reliability-badge"]');
    await page.locator('[data-testid="statement"][data-index="0"] .gutter').click();
    await page.keyboard.press('Control+z'); // reliability
    await relayB.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z'); // grade
    await page.locator('[data-index="0"] [data-testid="grade-badge"]').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z'); // note
    await page.getByTestId('annotation-item').getByTestId('note-rendered').waitFor({ state: 'detached' });
    assert.equal((await rowHighlight.count()) > 0, true, 'the tagged span is still there');
    await page.keyboard.press('Control+z'); // the tag (and with it the annotation)
    await rowHighlight.first().waitFor({ state: 'detached' });

    await page.keyboard.press('Control+Shift+z');
    await rowHighlight.first().waitFor();
    assert.equal(await highlightText(page, 0), PHRASE);
    assert.equal(await page.locator('[data-index="0"] [data-testid="tag-chip"]').count(), 1);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+z');
    await relayB.filter({ hasText: 'B' }).waitFor();
    await page.getByTestId('annotation-item').locator('strong').waitFor();
  });

  it('renders a hostile note inert', async () => {
    const { page } = app;
    await page.locator('[data-testid="statement"][data-index="3"] .gutter').click();
    await page.keyboard.press('n');
    const hostile =
      'Look: <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=1</script> ' +
      'and [click](javascript:window.__pwned=1) and ![pic](https://example.org/x.png)';
    await page.getByTestId('note-input').fill(hostile);
    await page.getByTestId('note-save').click();
    const note = page.getByTestId('annotation-section').getByTestId('note-rendered');
    await note.waitFor();
    assert.equal(await note.locator('img, script, iframe, [onerror]').count(), 0);
    assert.equal(await note.locator('a').count(), 0, 'a javascript: link is not a link');
    assert.match(await note.innerText(), /<img src=x onerror=/);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  });

  it('annotates a span across two statements and highlights it in both', async () => {
    const { page } = app;
    const startAt = first.text.indexOf('safeguard');
    await selectInStatements(page, { index: 0, at: startAt }, { index: 1, at: 'Russia denied'.length });
    await page.getByTestId('selection-toolbar').waitFor();
    await page.getByTestId('toolbar-tag').nth(1).click();
    await page.locator('[data-index="1"] [data-testid="highlight"]').first().waitFor();
    assert.equal(await highlightText(page, 1), 'Russia denied');
    assert.ok((await highlightText(page, 0)).endsWith('safeguard the national elections.'));
    await page.keyboard.press('Escape');

    // The reader with its highlights and the toolbar over a fresh selection, for the record.
    const third = gold.statements[2]!.text;
    const at = third.indexOf('accused former President');
    await selectInStatements(
      page,
      { index: 2, at },
      { index: 2, at: at + 'accused former President'.length },
    );
    await page.getByTestId('selection-toolbar').waitFor();
    await page
      .getByTestId('toast')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {});
    await app.screenshot('reader-highlights');
    await page.keyboard.press('Escape');
  });

  it('opens the command palette with Ctrl+K and runs a command', async () => {
    const { page } = app;
    await page.locator('[data-testid="statement"][data-index="2"] .gutter').click();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.getByTestId('palette-input').fill('cred');
    await app.screenshot('command-palette');
    await page.getByTestId('palette-input').fill('nxt stmt');
    assert.match(await page.getByTestId('palette-item').first().innerText(), /Next statement/);
    await page.keyboard.press('Enter');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
    await page.locator('[data-testid="statement"][data-index="3"][aria-selected="true"]').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});

/** One article of the seed text repeated to `statementCount` statements, with `annotationCount` annotations. */
function largeDossier(statementCount: number, annotationCount: number) {
  const seedText = readFileSync(join(repoRoot, 'test/fixtures/car-dec-2020.txt'), 'utf8');
  const at = '2026-11-29T00:00:00.000Z';
  const d = emptyDossier(at, 'scale test');
  const copies = Math.ceil(statementCount / gold.statements.length);
  const text = Array.from({ length: copies }, () => seedText).join('\n\n');
  const stride = seedText.length + 2;
  d.articles.push({
    id: 'scale-article',
    title: `Scale: ${statementCount} statements, ${annotationCount} annotations`,
    outlet: null,
    authors: [],
    publishedAt: null,
    url: null,
    language: 'en',
    text,
    textSha256: 'scale-text',
    fileSha256: 'scale-file',
    fileName: 'scale.txt',
    format: 'txt',
    fileSize: text.length,
    importedAt: at,
    updatedAt: at,
    versionOf: null,
  });
  for (let i = 0; i < statementCount; i++) {
    const g = gold.statements[i % gold.statements.length]!;
    const shift = Math.floor(i / gold.statements.length) * stride;
    d.statements.push({
      id: `scale-st-${i}`,
      articleId: 'scale-article',
      index: i,
      start: g.start + shift,
      end: g.end + shift,
      kind: 'narrative',
      speakerId: null,
      cue: null,
      viaIds: [],
      entities: [],
      userEdited: false,
      updatedAt: at,
    });
  }
  const colours = ['#d9534f', '#6f42c1', '#e8a33d'];
  colours.forEach((colour, i) =>
    d.tags.push({
      id: `scale-tag-${i}`,
      name: `Scale ${i}`,
      colour,
      parentId: null,
      description: '',
      shortcut: null,
      createdAt: at,
      updatedAt: at,
    }),
  );
  for (let i = 0; i < annotationCount; i++) {
    const st = d.statements[(i * 7919) % statementCount]!;
    const start = st.start + (i % 17);
    const end = Math.min(st.end, start + 12 + (i % 40));
    d.annotations.push({
      id: `scale-ann-${i}`,
      articleId: 'scale-article',
      statementIds: [st.id],
      quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
      position: { start, end },
      note: i % 3 ? '' : `Note ${i} with **bold**`,
      tagIds: [`scale-tag-${i % 3}`],
      credibility: (i % 6) + 1,
      author: 'scale',
      orphaned: false,
      createdAt: at,
      updatedAt: at,
    });
  }
  return d;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('the reader at scale (5,000 statements, 10,000 annotations)', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
  });
  after(() => app?.close());

  it('renders only a window of rows, scrolls to the end, and annotates without delay', async (t) => {
    const { page } = app;
    const dossier = largeDossier(5000, 10_000);
    await dropFiles(page, [
      { name: 'scale.json', bytes: Buffer.from(JSON.stringify(dossier)), type: 'application/json' },
    ]);
    await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-report-close').click();
    const item = page.getByTestId('library-item').filter({ hasText: 'Scale:' });
    await item.waitFor();

    const openStart = Date.now();
    await item.click();
    await page.getByTestId('article-title').filter({ hasText: 'Scale:' }).waitFor();
    await page
      .locator('[data-testid="statement"][data-index="0"] [data-testid="highlight"]')
      .first()
      .waitFor();
    const openMs = Date.now() - openStart;
    const rendered = await page.getByTestId('statement').count();
    assert.ok(
      rendered > 3 && rendered < 200,
      `a window of rows is rendered, not all 5,000 (got ${rendered})`,
    );

    const scrolls: number[] = [];
    for (let i = 0; i < 9; i++) {
      scrolls.push(
        await page.evaluate(async () => {
          const reader = document.querySelector<HTMLElement>('[data-testid="reader"]')!;
          const t0 = performance.now();
          reader.scrollTop += reader.clientHeight;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t0;
        }),
      );
    }
    await page.evaluate(() => {
      const reader = document.querySelector<HTMLElement>('[data-testid="reader"]')!;
      reader.scrollTop = reader.scrollHeight;
    });
    await page.locator('[data-testid="statement"][data-index="4999"]').waitFor();
    await page.evaluate(() => {
      const reader = document.querySelector<HTMLElement>('[data-testid="reader"]')!;
      reader.scrollTop = reader.scrollHeight; // measured heights may have grown the list
    });
    const last = page.locator('[data-testid="statement"][data-index="4999"]');
    await last.waitFor();
    assert.ok((await page.getByTestId('statement').count()) < 200);

    const lastText = gold.statements[4999 % gold.statements.length]!.text;
    const creates: number[] = [];
    for (let k = 0; k < 5; k++) {
      const index = 4990 + k;
      const words = gold.statements[index % gold.statements.length]!.text.split(' ').slice(0, 2).join(' ');
      await page.locator(`[data-testid="statement"][data-index="${index}"]`).scrollIntoViewIfNeeded();
      const t0 = Date.now();
      await selectInStatements(page, { index, at: 0 }, { index, at: words.length });
      await page.getByTestId('selection-toolbar').waitFor();
      await page.keyboard.press('2');
      // The toolbar shows the tag as applied once the new annotation is stored and read back.
      await page.locator('[data-testid="toolbar-tag"][aria-pressed="true"]').waitFor();
      creates.push(Date.now() - t0);
      await page.keyboard.press('Escape');
    }
    assert.ok(lastText.length > 0);

    // Reveal: a search hit far up the article scrolls it into view and flashes it.
    await page.getByTestId('search-input').fill('Bogdanov');
    const hit = page.locator(
      '[data-testid="search-group"][data-article-id="scale-article"] [data-testid="search-hit"]',
    );
    await hit.first().click();
    await page.locator('[data-testid="reader"] span.flash').first().waitFor();
    assert.equal(await page.locator('[data-testid="statement"][aria-selected="true"]').count(), 1);
    t.diagnostic(
      `open ${openMs} ms · scroll one screen median ${median(scrolls).toFixed(1)} ms · ` +
        `select+tag until highlighted median ${median(creates)} ms · ${rendered} rows rendered`,
    );
  });

  it('made no request outside its own origin and logged no console errors', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.consoleErrors, []);
  });
});
