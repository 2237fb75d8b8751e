// Codebook on a slow machine (CPU throttled through CDP): a name typed right after "New tag" or
// "Add child" lands in the new tag's name, the previously selected tag keeps its name, no error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { STARTER_CODEBOOK } from '../../src-renderer/lib/db/tags';
import { launchSeeded, type App } from './harness';

const KEY_CLAIM = STARTER_CODEBOOK[0]!.name;
const row = (page: Page, name: string) => page.locator(`[data-testid="tag-row"][data-name="${name}"]`);

describe('codebook: typing right after creating a tag', () => {
  let app: App;
  before(async () => {
    app = await launchSeeded();
    await app.page.getByTestId('view-codebook').click();
    await row(app.page, KEY_CLAIM).click();
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  });
  after(async () => {
    await app?.close();
  });

  it('types the name of a new top-level tag into that tag, not the selected one', async () => {
    const { page } = app;
    await page.getByTestId('tag-new').click();
    await page.keyboard.type('Casualty figures');
    await page.keyboard.press('Enter');
    await row(page, 'Casualty figures').waitFor({ timeout: 30_000 });
    await row(page, KEY_CLAIM).waitFor();
    assert.equal(await row(page, 'New tag').count(), 0);
  });

  it('types the name of a new child tag into the child', async () => {
    const { page } = app;
    await row(page, KEY_CLAIM).click();
    await page.getByTestId('tag-add-child').click();
    await page.keyboard.type('Mercenaries');
    await page.keyboard.press('Enter');
    await row(page, 'Mercenaries').waitFor({ timeout: 30_000 });
    assert.equal(await row(page, 'Mercenaries').getAttribute('data-depth'), '1');
    await row(page, KEY_CLAIM).waitFor();
  });

  it('threw no error', () => {
    assert.deepEqual(app.consoleErrors, []);
  });
});
