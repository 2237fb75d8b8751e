// A workspace of hundreds of articles through the browser shell: 300 news articles dropped as one folder
// are all imported, the library count moves while they are, the library and speaker lists, the import
// report and the import history draw only the rows in view, and the counts they show equal what the
// database holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { newsArticle } from '../../scripts/news-text';
import { dropFiles, launchApp, type App } from './harness';

const ARTICLES = 300;

/** Counts read straight from IndexedDB (not through the app's derived tables). */
async function rawCounts(page: Page, title: string, speaker: string) {
  return page.evaluate(
    ({ title, speaker }) =>
      new Promise<{ articles: number; ofArticle: number; ofSpeaker: number; speakers: number }>(
        (resolve, reject) => {
          const open = indexedDB.open('corroborate');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['articles', 'statements', 'sources'], 'readonly');
            const out = { articles: 0, ofArticle: 0, ofSpeaker: 0, speakers: 0 };
            const articles = tx.objectStore('articles').getAll();
            const sources = tx.objectStore('sources').getAll();
            const statements = tx.objectStore('statements').getAll();
            tx.oncomplete = () => {
              const a = (articles.result as { id: string; title: string }[]).find((x) => x.title === title);
              const s = (sources.result as { id: string; name: string }[]).find((x) => x.name === speaker);
              const all = statements.result as { articleId: string; speakerId: string | null }[];
              out.articles = articles.result.length;
              out.ofArticle = all.filter((st) => st.articleId === a?.id).length;
              out.ofSpeaker = all.filter((st) => st.speakerId === s?.id).length;
              out.speakers = new Set(all.map((st) => st.speakerId).filter(Boolean)).size;
              resolve(out);
            };
          };
        },
      ),
    { title, speaker },
  );
}

describe('a workspace of hundreds of articles', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    await app?.close();
  });

  it('imports 300 dropped articles with a moving library count, virtualised lists and right counts', async () => {
    const { page } = app;
    await page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
    const files = Array.from({ length: ARTICLES }, (_, i) => {
      const { name, text } = newsArticle(i, 7);
      return { name, bytes: Buffer.from(text), dir: 'news', type: 'text/plain' };
    });
    // Record every library count shown while the import runs.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { __counts: Set<string> }).__counts = seen;
      const timer = setInterval(() => {
        if (!document.querySelector('[data-testid="import-progress"]')) return;
        seen.add(document.querySelector('[data-testid="library"] .count')?.textContent ?? '');
      }, 50);
      (window as unknown as { __stop: () => void }).__stop = () => clearInterval(timer);
    });
    await dropFiles(page, files);
    await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
    const counts = await page.evaluate(() => {
      const w = window as unknown as { __counts: Set<string>; __stop: () => void };
      w.__stop();
      return [...w.__counts].filter(Boolean).map(Number);
    });
    assert.equal(
      await page.locator('[data-testid="import-report"] .sum .ok').innerText(),
      `${ARTICLES} imported`,
    );
    assert.ok(counts.length >= 3, `the library count moved during the import: ${counts.join(', ')}`);
    assert.ok(Math.min(...counts) < ARTICLES, 'the count showed articles before the last one was in');

    // The report names all 300 files in words but draws only a window of rows; its end shows the last file.
    const reportRows = await page.getByTestId('import-row').count();
    assert.ok(reportRows < 60, `${reportRows} report rows drawn for ${ARTICLES} files`);
    await page.getByTestId('import-report-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastFile = newsArticle(ARTICLES - 1, 7).name;
    const lastReportRow = page.getByTestId('import-row').filter({ hasText: lastFile });
    await lastReportRow.waitFor();
    assert.equal(
      await lastReportRow.locator('xpath=..').getAttribute('aria-posinset'),
      String(ARTICLES),
      'the last file is the last row of the report',
    );
    await app.screenshot('scale-report');
    await page.getByTestId('import-report-close').click();

    // The history says how many files it holds, reads them a page at a time and draws a window of them.
    const records = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('corroborate');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('imports').objectStore('imports').count();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
    assert.ok(records >= ARTICLES, `${records} import records`);
    await page.getByTestId('view-imports').click();
    const historyCount = page.getByTestId('history-count');
    await historyCount.filter({ hasText: `${records} files` }).waitFor();
    // Older pages come one click at a time, each once the last has been read.
    for (
      let text = await historyCount.innerText();
      /shown/.test(text);
      text = await historyCount.innerText()
    ) {
      await page.getByTestId('history-older').click();
      await historyCount.filter({ hasNotText: text }).waitFor();
    }
    const historyRows = await page.getByTestId('history-row').count();
    assert.ok(historyRows < 60, `${historyRows} history rows drawn for ${records} records`);
    const list = page.getByTestId('history-list');
    assert.equal(await list.getAttribute('aria-label'), 'Imported files, newest first');
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const end = list.locator(`[role="listitem"][aria-posinset="${records}"]`);
    await end.waitFor();
    assert.equal(await end.getAttribute('aria-setsize'), String(records));
    assert.match(await end.innerText(), /news-\d{5}\.txt|imported/);
    await app.screenshot('scale-history');
    await page.getByTestId('view-reader').click();

    // The library lists every article but draws only a window of them.
    await page
      .locator('[data-testid="library"] .count')
      .filter({ hasText: String(ARTICLES + 1) })
      .waitFor();
    const drawn = await page.getByTestId('library-item').count();
    assert.ok(drawn < 60, `${drawn} library rows drawn for ${ARTICLES + 1} articles`);
    await page.getByTestId('library-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = newsArticle(ARTICLES - 1, 7).text.split('\n')[0]!;
    const lastRow = page.getByTestId('library-item').filter({ hasText: last });
    await lastRow.waitFor();

    // Its statement count, and the top speaker's, are the database's.
    const shownStatements = Number(/(\d+) statements?/.exec(await lastRow.innerText())?.[1]);
    const top = page.getByTestId('source-item').first();
    const topName = await top.locator('.name').innerText();
    const shownSpeaking = Number(await top.locator('.n').innerText());
    const raw = await rawCounts(page, last, topName);
    assert.equal(raw.articles, ARTICLES + 1);
    assert.equal(shownStatements, raw.ofArticle);
    assert.equal(shownSpeaking, raw.ofSpeaker);
    const speakerRows = await page.getByTestId('source-item').count();
    assert.ok(raw.speakers > 60, `${raw.speakers} speakers`);
    assert.ok(speakerRows < 40, `${speakerRows} speaker rows drawn for ${raw.speakers} speakers`);
    await app.screenshot('scale-library');

    // The Sources view lists every source from its count rows but draws only a window of them; its top row's
    // figures are the database's.
    await page.getByTestId('view-sources').click();
    const sourcesList = page.getByTestId('sources-view-list');
    await sourcesList.waitFor();
    const setSize = Number(await sourcesList.getByRole('listitem').first().getAttribute('aria-setsize'));
    assert.ok(setSize >= raw.speakers, `${setSize} sources listed for ${raw.speakers} speakers`);
    const sourceRows = await page.getByTestId('source-row').count();
    assert.ok(sourceRows < 60, `${sourceRows} source rows drawn for ${setSize} sources`);
    const first = page.getByTestId('source-row').first();
    const firstName = await first.locator('.name').innerText();
    const spoken = Number(/(\d+) spoken/.exec(await first.innerText())?.[1] ?? 0);
    assert.equal(spoken, (await rawCounts(page, last, firstName)).ofSpeaker);
    await app.screenshot('scale-sources');
  });
});
