// The browser shell: serves the renderer build and answers the contract over HTTP with the same handlers
// as Electron. Loopback only, Host/Origin checked, a random token per start presented in a header on every
// API call (never in a cookie, which every other port of 127.0.0.1 would receive), bodies read under a bound.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { decodeRequest, encodeResponse } from '../shared/wire';
import type { Handlers } from '../shared/contract';
import { createHandlers } from '../core/handlers';
import type { HandlerDeps } from '../core/handlers/deps';
import { dispatch, isChannelName } from '../core/ipc-core';
import {
  BodyTooLarge,
  closeAfterReply,
  readBoundedBody,
  refuse,
  sameSecret,
  send,
  TOKEN_HEADER,
} from './http';
import { serveStatic } from './static';
import { printWithChromium } from '../core/print-pdf';

export interface WebShellOptions extends Omit<HandlerDeps, 'shell' | 'chooseSavePath' | 'printPdf'> {
  port: number;
  rendererDir: string;
  /** Largest request body accepted (a file to import plus its envelope). */
  maxBodyBytes?: number;
}

export interface WebShell {
  /** The address to open: the token travels in the fragment, which the browser never sends to a server. */
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

interface ShellState {
  token: string;
  root: string;
  handlers: Handlers;
  maxBody: number;
  port: number;
}

/** Phase 1: the request's Host and Origin are ours (DNS rebinding, other sites), and its path parses. */
function checkOrigin(state: ShellState, req: IncomingMessage, res: ServerResponse): URL | null {
  const { port } = state;
  if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) {
    send(res, 403, 'foreign host refused');
    return null;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && ![`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin)) {
    send(res, 403, 'foreign origin refused');
    return null;
  }
  // Resolve the target under our own origin, so "//x/…" is a path, not another host.
  const target = req.url ?? '/';
  try {
    return new URL(`http://127.0.0.1:${port}${target.startsWith('/') ? '' : '/'}${target}`);
  } catch {
    send(res, 400, 'bad request');
    return null;
  }
}

/** Phase 2: an API call, refused before its body is read unless token, method and channel are right. */
async function answerApi(state: ShellState, req: IncomingMessage, res: ServerResponse, channel: string) {
  const early = (status: number, code: Parameters<typeof refuse>[2], message: string) => {
    // The body is left unread: the connection cannot carry another request, so it is closed.
    res.setHeader('Connection', 'close');
    closeAfterReply(req, res);
    refuse(res, status, code, message);
  };
  if (!sameSecret(req.headers[TOKEN_HEADER], state.token))
    return early(401, 'bad-sender', 'this address needs the token printed when the shell started');
  if (req.method !== 'POST') return early(405, 'invalid-input', 'POST only');
  if (!isChannelName(channel))
    return early(404, 'unknown-channel', `unknown channel ${JSON.stringify(channel).slice(0, 80)}`);
  let input: unknown;
  try {
    input = decodeRequest(await readBoundedBody(req, state.maxBody));
  } catch (err) {
    if (err instanceof BodyTooLarge) return early(413, 'too-large', err.message);
    return refuse(res, 400, 'invalid-input', `unreadable request: ${(err as Error).message}`);
  }
  const result = await dispatch(state.handlers, channel, input, { shell: 'web', trustedSender: true });
  send(res, 200, encodeResponse(result), 'application/json; charset=utf-8');
}

async function answer(state: ShellState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = checkOrigin(state, req, res);
    if (!url) return;
    if (url.pathname.startsWith('/api/')) return await answerApi(state, req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return await serveStatic(state.root, url.pathname, res);
  } catch (err) {
    console.error('[corroborate web]', err);
    if (!res.headersSent) send(res, 500, 'internal error');
  }
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const {
    handlers,
    limits,
    close: closeHandlers,
  } = createHandlers({
    ...options,
    shell: 'web',
    printPdf: printWithChromium,
  });
  const state: ShellState = {
    token: randomBytes(24).toString('hex'),
    root: resolve(options.rendererDir),
    handlers,
    // A request carries one file plus a small envelope.
    maxBody: options.maxBodyBytes ?? limits.maxFileBytes + 8 * 1024 * 1024,
    port: options.port,
  };
  const server = createServer((req, res) => void answer(state, req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  state.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${state.port}/#token=${state.token}`,
    port: state.port,
    token: state.token,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closeHandlers();
    },
  };
}
