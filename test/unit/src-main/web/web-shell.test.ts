// Browser shell security: loopback only, token on every request, foreign Host/Origin refused,
// no path traversal out of the renderer folder, and the contract answered over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebShell, type WebShell } from '../../../../src-main/web/server';
import { encodeRequest } from '../../../../src-main/shared/wire';

let shell: WebShell;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-web-'));
  await mkdir(join(dir, 'renderer/assets'), { recursive: true });
  await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  shell = await startWebShell({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    dataDir: join(dir, 'data'),
    assetsDir: resolve('assets'),
    version: '0.0.0-test',
  });
});
afterAll(() => shell?.close());

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(
  path: string,
  opts: { host?: string; headers?: Record<string, string>; method?: string; body?: Uint8Array } = {},
): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: opts.host ?? `127.0.0.1:${shell.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const auth = () => ({ 'X-Corroborate-Token': shell.token });

describe('browser shell', () => {
  it('prints a loopback URL with a long random token in the fragment (never sent to a server)', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('refuses API calls without the token', async () => {
    expect((await raw('/api/appInfo', { method: 'POST', body: encodeRequest({}) })).status).toBe(401);
  });

  it('serves the app shell, which holds no secret, with a CSP and no cookie', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(shell.token);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    expect((await raw('/', { host: 'evil.example:80', headers: auth() })).status).toBe(403);
    expect(
      (await raw('/api/appInfo', { host: `attacker.test:${shell.port}`, method: 'POST', headers: auth() }))
        .status,
    ).toBe(403);
    const api = await raw('/api/appInfo', {
      method: 'POST',
      body: encodeRequest({}),
      headers: { ...auth(), Origin: 'http://evil.example' },
    });
    expect(api.status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
    ]) {
      const r = await raw(path, { headers: auth() });
      expect(r.status, path).not.toBe(200);
      expect(r.body).not.toContain('outside the renderer');
    }
  });

  it('answers the contract over HTTP and validates input', async () => {
    const ok = await raw('/api/appInfo', {
      method: 'POST',
      body: encodeRequest({}),
      headers: { ...auth(), Origin: `http://127.0.0.1:${shell.port}` },
    });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { shell: 'web', version: '0.0.0-test' } });
    const bad = await raw('/api/importFile', {
      method: 'POST',
      body: encodeRequest({ name: 5 }),
      headers: auth(),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'invalid-input' });
    const unknown = await raw('/api/deleteEverything', {
      method: 'POST',
      body: encodeRequest({}),
      headers: auth(),
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'unknown-channel' });
  });

  it('imports a text file through the worker over HTTP', async () => {
    const bytes = new TextEncoder().encode('The minister said the talks failed. Others disagreed.\n');
    const r = await raw('/api/importFile', {
      method: 'POST',
      body: encodeRequest({ name: 'note.txt', bytes }),
      headers: auth(),
    });
    const parsed = JSON.parse(r.body);
    expect(parsed.ok).toBe(true);
    expect(parsed.value.statements.length).toBe(2);
  });
});
