// Serves the renderer build (public: it holds no secret) and nothing outside its folder, however encoded.
import type { ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SECURITY_HEADERS, send } from './http';

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

/** The file a URL path names under `root`, or the status to answer when there is none to serve. */
function resolveUnder(root: string, pathname: string): string | 400 | 403 {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  if (rel.includes('\0')) return 400;
  const file = resolve(root, '.' + normalize('/' + rel));
  if (file !== root && !file.startsWith(root + sep)) return 403;
  return rel === '/' || rel === '' ? join(root, 'index.html') : file;
}

export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const target = resolveUnder(root, pathname);
  if (target === 400) return send(res, 400, 'bad path');
  if (target === 403) return send(res, 403, 'forbidden');
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
