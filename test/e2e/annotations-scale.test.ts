// The annotations view on a workspace of hundreds of annotations (a generated dossier dropped on the window):
// its count is the database's, it draws only the rows in view, scrolling and the End key reach the last
// annotation (the last article's last one in text order), and the tag and speaker filters count what the
// database holds. Light and dark screenshots, with no serious axe finding.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateWorkspace } from '../../scripts/gen-workspace';
import { axeFindings } from './axe';
import { dropFiles, launchApp, type App } from './harness';

const ARTICLES = 100;
const ANNOTATIONS = 400;

interface Raw {
  total: number;
  lastQuote: string;
  tag: { name: string; count: number };
  speaker: { name: string; count: number };
}

/**
 * What the list must show, read straight from IndexedDB: annotations of current versions, the quote of the
 * last one (last article in import order, then text order), the annotations of the tag "Denial" with its child
 * tags, and those on statements of the speaker who speaks in the most annotations.
 */
async function rawFigures(app: App): Promise<Raw> {
  return app.page.evaluate(
    () =>
      new Promise<Raw>((resolve, reject) => {
        const open = indexedDB.open('corroborate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['annotations', 'articles', 'tags', 'statements', 'sources'];
          const tx = open.result.transaction(names, 'readonly');
          const all = Object.fromEntries(names.map((n) => [n, tx.objectStore(n).getAll()]));
          tx.oncomplete = () => {
            type A = {
              id: string;
              articleId: string;
              statementIds: string[];
              tagIds: string[];
              position: { start: number; end: number };
              quote: { exact: string };
            };
            const articles = all.articles!.result as {
              id: string;
              importedAt: string;
              versionOf: string | null;
            }[];
            const old = new Set(articles.map((a) => a.versionOf).filter(Boolean));
            const order = new Map(
              articles
                .filter((a) => !old.has(a.id))
                .sort((a, b) => a.importedAt.localeCompare(b.importedAt))
                .map((a, i) => [a.id, i]),
            );
            const annotations = (all.annotations!.result as A[]).filter((a) => order.has(a.articleId));
            annotations.sort(
              (x, y) =>
                order.get(x.articleId)! - order.get(y.articleId)! ||
                x.position.start - y.position.start ||
                x.position.end - y.position.end,
            );
            const tags = all.tags!.result as { id: string; name: string; parentId: string | null }[];
            const denial = tags.find((t) => t.name === 'Denial')!;
            const under = new Set([denial.id]);
            for (let grew = true; grew;) {
              grew = false;
              for (const t of tags)
                if (t.parentId && under.has(t.parentId) && !under.has(t.id)) grew = !!under.add(t.id);
            }
            const speakerOf = new Map(
              (all.statements!.result as { id: string; speakerId: string | null }[]).map((s) => [
                s.id,
                s.speakerId,
              ]),
            );
            const perSpeaker = new Map<string, number>();
            for (const a of annotations)
              for (const s of new Set(a.statementIds.map((id) => speakerOf.get(id)).filter(Boolean)))
                perSpeaker.set(s!, (perSpeaker.get(s!) ?? 0) + 1);
            const [topId, topCount] = [...perSpeaker].sort((x, y) => y[1] - x[1])[0]!;
            const sources = all.sources!.result as { id: string; name: string }[];
            resolve({
              total: annotations.length,
              lastQuote: annotations.at(-1)!.quote.exact,
              tag: {
                name: 'Denial',
                count: annotations.filter((a) => a.tagIds.some((t) => under.has(t))).length,
              },
              speaker: { name: sources.find((s) => s.id === topId)!.name, count: topCount },
            });
            open.result.close();
          };
        };
      }),
  );
}

describe('the annotations view at hundreds of annotations', () => {
  let app: App;
  before(async () => {
    app = await launchApp();
  });
  after(async () => {
    await app?.close();
  });

  it('counts them from the database, draws a window of rows, and reaches the last one by scroll and key', async () => {
    const { page } = app;
    await page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
    const dossier = generateWorkspace({
      articles: ARTICLES,
      statements: 10,
      annotations: ANNOTATIONS,
      seed: 7,
    });
    await dropFiles(page, [
      { name: 'hundreds.json', bytes: Buffer.from(JSON.stringify(dossier)), type: 'application/json' },
    ]);
    await page.getByTestId('import-report').waitFor({ timeout: 300_000 });
    await page.getByTestId('import-report-close').click();
    const raw = await rawFigures(app);
    assert.ok(raw.total >= ANNOTATIONS, `${raw.total} annotations in the workspace`);

    await page.getByTestId('view-annotations').click();
    const count = page.getByTestId('annotations-count');
    await count.filter({ hasText: `${raw.total} annotations` }).waitFor();
    const rows = page.getByTestId('annotation-row');
    await rows.first().waitFor();
    const drawn = await rows.count();
    assert.ok(drawn < 60, `${drawn} rows drawn for ${raw.total} annotations`);
    const list = page.getByTestId('annotations-list');
    assert.equal(await list.getByRole('listitem').first().getAttribute('aria-setsize'), String(raw.total));

    // Scrolled to the end, the last row is the last annotation of the last article, read in full.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const end = list.locator(`[role="listitem"][aria-posinset="${raw.total}"]`);
    await end.getByTestId('annotation-row').waitFor();
    assert.ok((await end.innerText()).includes(raw.lastQuote), 'the last row quotes the last annotation');

    // Home and End move the active row to the first and the last annotation.
    const region = page.getByRole('region', { name: /Annotations list/ });
    await region.focus();
    await page.keyboard.press('Home');
    const first = list.locator('[role="listitem"][aria-posinset="1"]');
    await first.locator('button[aria-current="true"]').waitFor();
    await page.keyboard.press('End');
    await end.locator('button[aria-current="true"]').waitFor();

    // A parent tag counts its child tags' annotations; a speaker's, those on the statements they speak.
    await page.getByTestId('filter-tag').selectOption({ label: raw.tag.name });
    await count.filter({ hasText: `${raw.tag.count} of ${raw.total}` }).waitFor();
    await page.getByTestId('filter-clear').click();
    await count.filter({ hasText: `${raw.total} annotations` }).waitFor();
    const speaker = page.getByTestId('filter-speaker');
    await speaker.hover();
    await speaker.locator('option', { hasText: raw.speaker.name }).first().waitFor({ state: 'attached' });
    await speaker.selectOption({ label: raw.speaker.name });
    await count.filter({ hasText: `${raw.speaker.count} of ${raw.total}` }).waitFor();
    await rows.first().waitFor();
    assert.ok((await rows.count()) <= Math.min(raw.speaker.count, 60));
    await page.getByTestId('filter-clear').click();
    await count.filter({ hasText: `${raw.total} annotations` }).waitFor();

    for (const mode of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: mode });
      await page.waitForFunction((m) => document.documentElement.dataset.theme === m, mode);
      await page.waitForTimeout(300);
      assert.deepEqual(await axeFindings(page), [], `no serious axe finding (${mode})`);
      await app.screenshot(`annotations-scale-${mode}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
