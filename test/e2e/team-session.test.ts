// Exploratory (to be replaced): presence across an offline spell.
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { addMember } from '../../src-main/server/members';
import {
  freshDossier,
  serverProcess,
  startServices,
  type ServerProcess,
  type Services,
} from '../unit/helpers/team-services';
import { launchApp, type App } from './harness';
import { eventually, shareDialog, statusText } from './team-helpers';

const peers = (page: Page) => page.getByTestId('peers').innerText();

describe('presence', { timeout: 600_000 }, () => {
  let services: Services;
  let pool: pg.Pool;
  let a: ServerProcess;
  let b: ServerProcess;
  let ana: App;
  let ben: App;
  const inv: Record<string, string> = {};
  before(async () => {
    services = await startServices();
    pool = new pg.Pool({ connectionString: services.pg, max: 2 });
    a = await serverProcess(services.pg, { redisUrl: services.redis });
    b = await serverProcess(services.pg, { redisUrl: services.redis });
    const dossier = freshDossier('e2e-presence');
    inv.Ana = (await addMember(pool, dossier, 'Ana', 'owner')).invitation;
    inv.Ben = (await addMember(pool, dossier, 'Ben', 'editor')).invitation;
    [ana, ben] = await Promise.all([launchApp(), launchApp()]);
    await Promise.all([ana, ben].map((app) => app.page.getByTestId('statement').first().waitFor()));
  });
  after(async () => {
    await ana?.close();
    await ben?.close();
    await a?.kill();
    await b?.kill();
    await pool?.end();
    await services?.stop();
  });
  it('explores', async () => {
    await shareDialog(ana.page, 'share', a.url, inv.Ana!, 'Ana');
    await eventually(async () => (await statusText(ana.page)).includes('synced'), 'Ana synced');
    await shareDialog(ben.page, 'join', b.url, inv.Ben!, 'Ben');
    await eventually(async () => (await statusText(ben.page)).includes('synced'), 'Ben synced');
    await eventually(async () => /Ana.*reading/s.test(await peers(ben.page)), 'Ana at Ben');
    await eventually(async () => /Ben/s.test(await peers(ana.page)), 'Ben at Ana');
    const t0 = Date.now();
    const line = async () =>
      `ana: ${await statusText(ana.page)} / ${(await peers(ana.page)).replace(/\n/g, ' ').slice(0, 40)} | ben: ${await statusText(ben.page)} / ${(await peers(ben.page)).replace(/\n/g, ' ').slice(0, 40)}`;
    const watch = async (what: string, n: number, stop?: (l: string) => boolean) => {
      for (let i = 0; i < n; i++) {
        const l = await line();
        console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${what} | ${l}`);
        if (stop?.(l)) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const both = (l: string) => /ana: synced \/ Ben reading.*ben: synced \/ Ana reading/.test(l);
    console.log('S1: setOffline 8 s');
    await ana.context.setOffline(true);
    await watch('off', 8);
    await ana.context.setOffline(false);
    await watch('on', 40, both);
    console.log('S2: setOffline + go-offline 8 s');
    await ana.context.setOffline(true);
    await ana.page.getByTestId('go-offline').click();
    await watch('off', 8);
    await ana.context.setOffline(false);
    await ana.page.getByTestId('go-online').click();
    await watch('on', 40, both);
    console.log('S3: go-offline button only 5 s');
    await ana.page.getByTestId('go-offline').click();
    await watch('off', 5);
    await ana.page.getByTestId('go-online').click();
    await watch('on', 40, both);
  });
});
