// Two analysts on one shared dossier through two team-server instances behind Redis (real PostgreSQL and Redis),
// beyond team.test.ts: presence across going offline and back, Ctrl+Z after a reload, and a reader in the
// compare view.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Dossier } from '../../src-main/shared/dossier';
import { READER_REFUSAL } from '../../src-main/shared/team';
import { addMember } from '../../src-main/server/members';
import {
  freshDossier,
  serverProcess,
  startServices,
  type ServerProcess,
  type Services,
} from '../unit/helpers/team-services';
import { dropFiles, launchApp, repoRoot, type App } from './harness';
import { eventually, isSynced, records, shareDialog, statusText, tagStatement } from './team-helpers';

const peers = (page: Page) => page.getByTestId('peers').innerText();
const notes = async (page: Page) =>
  (JSON.parse(await records(page)) as Dossier).annotations.map((x) => x.note).sort();
const title = (page: Page) => page.getByTestId('article-title').innerText();

/** Waits for the short-lived messages to go, so a screenshot shows what they would hide. */
async function quiet(page: Page): Promise<void> {
  await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 30_000 });
  await eventually(async () => (await page.getByTestId('toast').count()) === 0, 'no message shown');
}

/** Opens the library's article whose title has (or, `not`, lacks) `text`, and waits for it in the reader. */
async function openArticle(page: Page, text: string, not = false): Promise<void> {
  const items = page.getByTestId('library-item');
  await (not ? items.filter({ hasNotText: text }) : items.filter({ hasText: text })).first().click();
  const shown = page.getByTestId('article-title');
  await (not ? shown.filter({ hasNotText: text }) : shown.filter({ hasText: text })).waitFor();
}

describe('a shared dossier across an offline spell, a reload and a reader', { timeout: 600_000 }, () => {
  let services: Services;
  let pool: pg.Pool;
  let a: ServerProcess;
  let b: ServerProcess;
  let ana: App;
  let ben: App;
  let dossier: string;
  const invitations: Record<string, string> = {};

  before(async () => {
    services = await startServices();
    pool = new pg.Pool({ connectionString: services.pg, max: 2 });
    a = await serverProcess(services.pg, { redisUrl: services.redis });
    b = await serverProcess(services.pg, { redisUrl: services.redis });
    dossier = freshDossier('e2e-session');
    for (const [name, role] of [
      ['Ana', 'owner'],
      ['Ben', 'editor'],
      ['Cy', 'reader'],
    ] as const)
      invitations[name] = (await addMember(pool, dossier, name, role)).invitation;
    [ana, ben] = await Promise.all([launchApp(), launchApp()]);
    await Promise.all([ana, ben].map((app) => app.page.getByTestId('statement').first().waitFor()));
    // Two articles, so that "which article" means something and the compare view has two columns.
    await dropFiles(ana.page, [
      {
        name: 'car-second-outlet.txt',
        bytes: readFileSync(join(repoRoot, 'test/fixtures/car-second-outlet.txt')),
        type: 'text/plain',
      },
    ]);
    await ana.page.getByTestId('import-report').locator('[data-outcome="imported"]').waitFor();
    await ana.page.getByTestId('import-report-close').click();
    await shareDialog(ana.page, 'share', a.url, invitations.Ana!, 'Ana');
    await eventually(() => isSynced(ana.page), 'Ana synced');
    await shareDialog(ben.page, 'join', b.url, invitations.Ben!, 'Ben');
    await eventually(() => isSynced(ben.page), 'Ben synced');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'Ben has the dossier',
    );
  });

  after(async () => {
    await ana?.close();
    await ben?.close();
    await a?.kill();
    await b?.kill();
    await pool?.end();
    await services?.stop();
  });

  it('shows an analyst leaving when they go offline, and back with the article they have open', async () => {
    await openArticle(ana.page, 'CAR faces', true);
    const second = await title(ana.page);
    await openArticle(ben.page, 'CAR faces');
    const seed = await title(ben.page);
    await ben.page
      .getByTestId('peer')
      .filter({ hasText: `Ana reading ${second}` })
      .waitFor();
    await ana.page
      .getByTestId('peer')
      .filter({ hasText: `Ben reading ${seed}` })
      .waitFor();

    // Ana works offline and leaves the network; Ben sees her go.
    await ana.page.getByTestId('go-offline').click();
    await ana.context.setOffline(true);
    // She said goodbye: well before the 30 s after which an analyst who falls silent goes stale anyway.
    await eventually(async () => !(await peers(ben.page)).includes('Ana'), 'Ana gone at Ben', 20_000);
    assert.match(await peers(ana.page), /^Offline: who else is here shows again once you are back\.$/);
    await ana.screenshot('team-presence-offline');
    // Offline, she turns to the other article.
    await openArticle(ana.page, 'CAR faces');
    await ana.context.setOffline(false);
    await ana.page.getByTestId('go-online').click();
    await eventually(() => isSynced(ana.page), 'Ana synced again');

    // A note of Ben's reaching Ana comes after his presence (the server sends who is here first): by the time
    // she has the note she must see him, with his article, not wait for his next periodic renewal.
    await tagStatement(ben.page, 2, 'Ben while Ana was away');
    await eventually(async () => (await notes(ana.page)).includes('Ben while Ana was away'), 'at Ana');
    assert.match(await peers(ana.page), new RegExp(`Ben\\s*reading ${seed}`));
    // Likewise Ana's note reaching Ben: he sees her back, reading the article she opened while offline.
    await tagStatement(ana.page, 3, 'Ana is back');
    await eventually(async () => (await notes(ben.page)).includes('Ana is back'), 'at Ben');
    assert.match(await peers(ben.page), new RegExp(`Ana\\s*reading ${seed}`));
    assert.doesNotMatch(await peers(ben.page), new RegExp(second), 'the article she left is still shown');
    await ben.screenshot('team-presence-back');
    await ben.page.emulateMedia({ colorScheme: 'dark' });
    await ben.screenshot('team-presence-back-dark');
    await ben.page.emulateMedia({ colorScheme: 'light' });
  });

  it('has nothing to undo after a reload, and never takes back the other analyst’s edit', async () => {
    await tagStatement(ben.page, 4, 'Ben after Ana');
    await eventually(async () => (await notes(ana.page)).includes('Ben after Ana'), 'at Ana');
    const before = await notes(ana.page);
    assert.deepEqual(before, ['Ana is back', 'Ben after Ana', 'Ben while Ana was away']);
    const errorsBefore = ana.consoleErrors.length;
    await ana.page.reload();
    await eventually(() => isSynced(ana.page), 'Ana synced after the reload');
    await ana.page.getByTestId('statement').first().waitFor();
    // Her undo lasted one session: Ctrl+Z neither takes back her note from before the reload nor Ben's latest.
    await ana.page.keyboard.press('Control+z');
    await ana.page.getByTestId('toast').filter({ hasText: 'Nothing to undo' }).waitFor();
    assert.equal(
      await ana.page
        .getByTestId('toast')
        .filter({ hasText: /^Undone/ })
        .count(),
      0,
    );
    assert.deepEqual(ana.consoleErrors.slice(errorsBefore), []);
    // A later note of hers reaching Ben shows the servers have passed on anything the Ctrl+Z could have sent.
    await tagStatement(ana.page, 5, 'Ana after the reload');
    await eventually(async () => (await notes(ben.page)).includes('Ana after the reload'), 'at Ben');
    assert.deepEqual(await notes(ben.page), [...before, 'Ana after the reload'].sort());
    // The reloaded page is a new presence; the old one, which the server does not pass on as gone, is not shown
    // beside it (nor to Ana herself).
    assert.equal(await ben.page.getByTestId('peer').filter({ hasText: 'Ana' }).count(), 1);
    assert.doesNotMatch(await peers(ana.page), /Ana/);
    // Within the new session her undo works again, on her own edit.
    await ana.page.keyboard.press('Control+z');
    await ana.page
      .getByTestId('toast')
      .filter({ hasText: /^Undone: / })
      .first()
      .waitFor();
    await eventually(async () => !(await notes(ben.page)).includes('Ana after the reload'), 'undone at Ben');
    assert.deepEqual(await notes(ben.page), before);
  });

  it('offers a reader no edit in the compare view, and says why for the keys that would edit', async () => {
    await ben.page.getByTestId('stop-sharing').click();
    await shareDialog(ben.page, 'join', b.url, invitations.Cy!, 'Cy');
    await eventually(async () => (await statusText(ben.page)) === 'synced (read only)', 'Cy synced');
    await eventually(
      async () => (await records(ana.page)) === (await records(ben.page)),
      'Cy has the dossier',
    );
    const before = await records(ana.page);
    const { page } = ben;
    await page.getByTestId('view-compare').click();
    const picks = page.getByTestId('compare-pick');
    await picks.nth(1).waitFor();
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('compare-open').click();
    await page.getByTestId('compare-row').first().waitFor();
    const view = page.getByTestId('compare-view');
    const spoken = () => view.getByTestId('speaker-chip').filter({ hasNotText: 'Unattributed' }).first();

    // A speaker chip shows the sources' grades without offering to change them.
    await spoken().click();
    const menu = page.getByTestId('reliability-menu');
    const options = menu.getByTestId('reliability-option');
    await options.first().waitFor();
    for (const option of await options.all()) assert.ok(await option.isDisabled(), 'a grade is offered');
    await menu.getByTestId('read-only').waitFor();
    await ben.screenshot('team-reader-compare');
    await page.emulateMedia({ colorScheme: 'dark' });
    await ben.screenshot('team-reader-compare-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // No button that would link, claim, align or unalign; statements cannot be dragged onto others.
    for (const hidden of ['compare-link', 'compare-claim', 'compare-align'])
      assert.equal(await page.getByTestId(hidden).count(), 0, `${hidden} is offered to a reader`);
    const row = view
      .getByTestId('compare-row')
      .filter({ has: page.getByTestId('row-unalign') })
      .first();
    await row.hover();
    assert.ok(!(await row.getByTestId('row-unalign').isVisible()), 'unalign is offered to a reader');
    const cell = view.getByTestId('compare-cell').first();
    assert.equal(await cell.getAttribute('draggable'), 'false');
    // A statement dropped on another (dragged from elsewhere) starts no link either.
    const target = view.locator('[data-testid="compare-cell"][data-column="1"]').first();
    await target.evaluate(
      (el, id) => {
        const data = new DataTransfer();
        data.setData('application/x-corroborate-statement', id);
        for (const type of ['dragover', 'drop'])
          el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      (await cell.getAttribute('data-statement-id'))!,
    );
    // Whichever comes first: the link form (a reader's link would be refused on saving) or the reason.
    await page.locator('[data-testid="link-form"], [data-testid="toast"]').first().waitFor();
    assert.equal(await page.getByTestId('link-form').count(), 0, 'a drop opened the link form');
    await page.getByTestId('toast').filter({ hasText: READER_REFUSAL }).first().waitFor();
    // The keys that would link, claim, align, unalign or realign say why, and open nothing.
    await cell.click();
    for (const key of ['l', 'c', 'a', 'u', 'r']) {
      await page.keyboard.press(key);
      await page.getByTestId('toast').filter({ hasText: READER_REFUSAL }).first().waitFor();
      assert.equal(await page.getByTestId('link-form').count(), 0, `${key} opened the link form`);
      assert.equal(await page.getByRole('dialog', { name: 'Attach to a claim' }).count(), 0);
    }
    // The palette offers no compare edit.
    await page.keyboard.press('Control+k');
    await page.getByTestId('command-palette').waitFor();
    const offered = (await page.getByTestId('palette-item').allInnerTexts()).join('\n');
    assert.match(offered, /Compare: choose articles/);
    for (const edit of [
      /Compare: link/,
      /Compare: attach/,
      /Compare: align/,
      /Compare: unalign/,
      /Compare: realign/,
    ])
      assert.doesNotMatch(offered, edit, `the palette offers a reader "${edit.source}"`);
    await page.keyboard.press('Escape');
    // The toolbar says why.
    await view.getByTestId('read-only').waitFor();

    // In the timeline too, a speaker chip offers no grade.
    await page.getByTestId('compare-timeline-tab').click();
    await page.getByTestId('timeline-entry').first().waitFor();
    await spoken().click();
    await options.first().waitFor();
    for (const option of await options.all()) assert.ok(await option.isDisabled(), 'a grade is offered');
    await quiet(page);
    await ben.screenshot('team-reader-timeline');
    await page.keyboard.press('Escape');

    // Nothing the reader did reached the dossier: a later note of Ana's arrives and nothing else changed.
    await tagStatement(ana.page, 6, 'after the reader compared');
    await eventually(async () => (await notes(ben.page)).includes('after the reader compared'), 'at Cy');
    const seen = JSON.parse(await records(ana.page)) as Dossier;
    const was = JSON.parse(before) as Dossier;
    assert.deepEqual(seen.sources, was.sources, 'a grade changed');
    assert.deepEqual(seen.links, was.links, 'a link changed');
    assert.deepEqual(seen.claims, was.claims, 'a claim changed');
    assert.equal(await records(ben.page), await records(ana.page));
  });
});
