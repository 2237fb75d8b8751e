// The browser shell's API opens only to its token in a header (never a cookie, which browsers send to every
// port of 127.0.0.1), and refuses oversized or unknown requests before reading their bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebShell, type WebShell } from '../../../src-main/web/server';
import { encodeRequest } from '../../../src-main/shared/wire';

let shell: WebShell;
const MAX_BODY = 1024 * 1024;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-auth-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>app</title>');
  shell = await startWebShell({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    dataDir: join(dir, 'data'),
    assetsDir: resolve('assets'),
    version: '0.0.0-test',
    maxBodyBytes: MAX_BODY,
  });
});
afterAll(() => shell?.close());

interface Answer {
  status: number;
  body: string;
}

/**
 * Sends a request; `chunks` are written one by one (chunked encoding unless a Content-Length is given),
 * and writing stops as soon as the server answers. `send: false` sends the headers only.
 */
function call(
  path: string,
  headers: OutgoingHttpHeaders,
  opts: { body?: Uint8Array; chunks?: number; chunkSize?: number; headersOnly?: boolean } = {},
): Promise<Answer> {
  return new Promise((ok, fail) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path,
        method: 'POST',
        agent: false,
        headers: { Host: `127.0.0.1:${shell.port}`, ...headers },
      },
      (res) => {
        answered = true;
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
        res.on('error', fail);
      },
    );
    req.on('error', (err) => {
      if (!answered) fail(err);
    });
    if (opts.headersOnly) return void req.flushHeaders();
    if (opts.chunks) {
      const chunk = new Uint8Array(opts.chunkSize ?? 64 * 1024);
      let sent = 0;
      const pump = () => {
        while (!answered && sent < opts.chunks!) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      return pump();
    }
    req.end(opts.body ?? encodeRequest({}));
  });
}

const token = () => ({ 'X-Corroborate-Token': shell.token });

describe('browser shell API authentication', () => {
  it('opens the API to the token in its header', async () => {
    const r = await call('/api/appInfo', token());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { shell: 'web' } });
  });

  it('refuses the token presented as a cookie (what any page on another local port would receive)', async () => {
    const r = await call('/api/appInfo', { Cookie: `corroborate_${shell.port}=${shell.token}` });
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('"ok":true');
  });

  it('refuses an absent, a wrong, and a truncated token', async () => {
    for (const presented of [undefined, 'wrong', shell.token.slice(0, -1), shell.token.toUpperCase()]) {
      const r = await call(
        '/api/appInfo',
        presented === undefined ? {} : { 'X-Corroborate-Token': presented },
      );
      expect(r.status, String(presented)).toBe(401);
    }
  });

  it('answers the page with no secret and sets no cookie', async () => {
    const page = await new Promise<{ body: string; cookie: unknown }>((ok, fail) => {
      request({ host: '127.0.0.1', port: shell.port, path: '/', agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => ok({ body: Buffer.concat(parts).toString(), cookie: res.headers['set-cookie'] }));
      })
        .on('error', fail)
        .end();
    });
    expect(page.body).toContain('<title>app</title>');
    expect(page.body).not.toContain(shell.token);
    expect(page.cookie).toBeUndefined();
  });
});

describe('browser shell request bounds', () => {
  it('refuses with 413 a request whose Content-Length is over the limit, before its body arrives', async () => {
    const r = await call(
      '/api/importFile',
      { ...token(), 'Content-Length': String(300 * 1024 * 1024) },
      {
        headersOnly: true,
      },
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'too-large' });
    expect(JSON.parse(r.body).message).toMatch(/300 MB; the limit is 1\.0 MB/);
  });

  it('refuses with 413 a streamed body (no Content-Length) as soon as it passes the limit', async () => {
    // 64 chunks of 64 KB = 4 MB offered, four times the limit; the answer comes before all are sent.
    const r = await call('/api/importFile', token(), { chunks: 64 });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).message).toMatch(/larger than 1\.0 MB/);
  });

  it('refuses an unknown channel without waiting for its body', async () => {
    const r = await call(
      '/api/deleteEverything',
      { ...token(), 'Content-Length': '5000' },
      { headersOnly: true },
    );
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'unknown-channel' });
  });

  it('refuses byte references that stand for more bytes than were sent', async () => {
    const head = new TextEncoder().encode(
      JSON.stringify({ name: 'a.txt', bytes: { $bytes: [0, 10] }, relativePath: { $bytes: [0, 10] } }),
    );
    const body = new Uint8Array(8 + head.length + 10);
    body.set([0x43, 0x52, 0x42, 0x31]);
    new DataView(body.buffer).setUint32(4, head.length, true);
    body.set(head, 8);
    const r = await call('/api/importFile', token(), { body });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('still serves normal requests after the refusals', async () => {
    expect((await call('/api/appInfo', token())).status).toBe(200);
  });
});
