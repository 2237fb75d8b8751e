// The browser shell: serves the renderer build and answers the contract over HTTP with the
// same handlers as Electron. Loopback only, a random token per start, Host/Origin checked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { decodeRequest, encodeResponse } from '../shared/wire';
import { createHandlers, type HandlerDeps } from '../core/handlers';
import { printWithChromium } from '../core/print-pdf';
import { dispatch } from '../core/ipc-core';
import { CSP } from '../core/csp';

export interface WebShellOptions extends Omit<HandlerDeps, 'shell' | 'chooseSavePath' | 'printPdf'> {
  port: number;
  rendererDir: string;
  /** Largest request body accepted (a file to import plus its envelope). */
  maxBodyBytes?: number;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

async function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error('too-large');
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = randomBytes(24).toString('hex');
  const root = resolve(options.rendererDir);
  const {
    handlers,
    limits,
    close: closeHandlers,
  } = createHandlers({ ...options, shell: 'web', printPdf: printWithChromium });
  // A request carries one file plus a small envelope.
  const maxBody = options.maxBodyBytes ?? limits.maxFileBytes + 8 * 1024 * 1024;
  let port = options.port;
  const cookieName = () => `corroborate_${port}`;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad path');
    }
    if (rel.includes('\0')) return send(res, 400, 'bad path');
    const file = resolve(root, '.' + normalize('/' + rel));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
    const target = rel === '/' || rel === '' ? join(root, 'index.html') : file;
    try {
      const s = await stat(target);
      if (!s.isFile()) return send(res, 404, 'not found');
      const body = await readFile(target);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  }

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding: a page on another name that resolves to 127.0.0.1 carries its own Host.
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'foreign host refused');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin))
        return send(res, 403, 'foreign origin refused');
      // The target is a path: resolve it under our own origin, so "//x/…" is a path, not another host,
      // and a target URL cannot parse is a bad request rather than an internal error.
      const target = req.url ?? '/';
      let url: URL;
      try {
        url = new URL(`http://127.0.0.1:${port}${target.startsWith('/') ? '' : '/'}${target}`);
      } catch {
        return send(res, 400, 'bad request');
      }

      const queryToken = url.searchParams.get('token');
      if (queryToken !== null) {
        if (!sameSecret(queryToken, token)) return send(res, 401, 'wrong token');
        // Trade the token in the URL for a cookie scoped to this port, then drop it from the address bar.
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname,
        });
        return res.end();
      }
      const presented =
        readCookie(req, cookieName()) ?? (req.headers['x-corroborate-token'] as string | undefined);
      if (!presented || !sameSecret(presented, token)) {
        return send(res, 401, 'Corroborate: this address needs the token printed when the shell started.');
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        const channel = url.pathname.slice('/api/'.length);
        let input: unknown;
        try {
          input = decodeRequest(await readBody(req, maxBody));
        } catch (err) {
          const tooLarge = (err as Error).message === 'too-large';
          const result = tooLarge
            ? {
                ok: false,
                code: 'too-large',
                message: `request is larger than ${Math.round(maxBody / 1048576)} MB`,
              }
            : { ok: false, code: 'invalid-input', message: `unreadable request: ${(err as Error).message}` };
          return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
        }
        const result = await dispatch(handlers, channel, input, { shell: 'web', trustedSender: true });
        return send(res, 200, encodeResponse(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      return serveStatic(url.pathname, res);
    } catch (err) {
      console.error('[corroborate web]', err);
      if (!res.headersSent) send(res, 500, 'internal error');
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closeHandlers();
    },
  };
}
