// The browser shell against a hostile local network and hostile requests: it listens on loopback only,
// no path leaves the renderer folder however it is encoded, and garbage bodies never reach a handler.
// (test/unit/src-main/web/web-shell.test.ts covers the token, Host/Origin checks and a few fixed paths.)
import fc from 'fast-check';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../../src-main/web/server';

const SECRET = 'outside the renderer folder';
let shell: WebShell;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-web-sec-'));
  await mkdir(join(dir, 'renderer/assets'), { recursive: true });
  await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'renderer-secret.txt'), SECRET); // shares the folder name's prefix
  shell = await startWebShell({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    dataDir: join(dir, 'data'),
    assetsDir: resolve('assets'),
    version: '0.0.0-test',
  });
});
afterAll(() => shell?.close());

function get(path: string, method = 'GET', body?: Uint8Array): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path,
        method,
        headers: { Host: `127.0.0.1:${shell.port}`, 'X-Corroborate-Token': shell.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((ok) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      ok('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      ok('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => ok(error.code ?? 'error'));
  });
}

describe('browser shell under attack', () => {
  it('accepts connections on 127.0.0.1 only, not on this machine’s other addresses', async () => {
    expect(await tryConnect('127.0.0.1', shell.port)).toBe('connected');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    // 127.0.0.2 is loopback too but not the bound address; the real interfaces are what a neighbour would use.
    for (const address of ['127.0.0.2', ...others]) {
      expect(await tryConnect(address, shell.port), address).not.toBe('connected');
    }
  });

  it('never serves a file outside the renderer folder, however the path is encoded (property)', async () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2e',
      '.%2e',
      '%2e.',
      '..%2f',
      '..%5c',
      '%2f',
      '%5c',
      '\\',
      '//',
      '%00',
      '%c0%ae%c0%ae',
      '%252e%252e',
      'assets',
      'secret.txt',
      'renderer-secret.txt',
      '..;',
      '%2e%2e%2fsecret.txt',
      '....//',
      '~',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 8 }), async (parts) => {
        const r = await get('/' + parts.join('/'));
        expect(r.body).not.toContain(SECRET);
        expect(r.status, 'a malformed path is a bad request, not an internal error').not.toBe(500);
      }),
      { numRuns: 300 },
    );
  });

  it('answers garbage request bodies with a refusal and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('importFile', 'appInfo', 'backupSave', 'backupLoad', 'saveExport'),
        fc.uint8Array({ maxLength: 2048 }),
        async (channel, body) => {
          const r = await get(`/api/${channel}`, 'POST', body);
          // An undecodable body is a bad request (400); a decodable one reaches the contract (200).
          expect([200, 400]).toContain(r.status);
          const answer = JSON.parse(r.body) as { ok: boolean; code?: string };
          if (!answer.ok)
            expect(['invalid-input', 'not-found', 'refused', 'too-large']).toContain(answer.code);
        },
      ),
      { numRuns: 150 },
    );
    expect((await get('/assets/app.js')).status).toBe(200);
  });
});
