// The browser shell's HTTP plumbing: security headers, replies, and request bodies read under a bound.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../shared/errors';
import { formatBytes } from '../shared/sizes';
import { CSP } from '../core/csp';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** The header every API call carries its token in (never a cookie: cookies are shared across ports). */
export const TOKEN_HEADER = 'x-corroborate-token';

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** A refusal the renderer can show as it is: `{ ok: false, code, message }` with an HTTP status. */
export function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, JSON.stringify({ ok: false, code, message }), 'application/json; charset=utf-8');
}

/** Constant-time comparison of a presented secret with ours. */
export function sameSecret(presented: unknown, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const x = Buffer.from(presented);
  const y = Buffer.from(secret);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class BodyTooLarge extends Error {
  constructor(
    readonly size: number | null,
    readonly max: number,
  ) {
    super(
      size === null
        ? `the request is larger than ${formatBytes(max)}, the limit; it was refused while arriving`
        : `the request is ${formatBytes(size)}; the limit is ${formatBytes(max)}`,
    );
  }
}

/**
 * Read a request body, never holding more than `max` bytes: refused on its declared Content-Length before
 * a byte is read, and while it streams as soon as the bytes that arrived pass the limit.
 */
export function readBoundedBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > max)
    return Promise.reject(new BodyTooLarge(Number(declared), max));
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Stop reading (what was read is dropped); the caller answers 413 and closes the connection.
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        fail(new BodyTooLarge(null, max));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (size <= max) ok(new Uint8Array(Buffer.concat(chunks, size)));
    });
    req.once('error', fail);
  });
}

/** After a refusal sent before the body was read: close the connection once the answer is out. */
export function closeAfterReply(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => req.socket.destroy());
}
