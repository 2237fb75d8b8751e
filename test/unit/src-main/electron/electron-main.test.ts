// Electron main with Electron mocked: the hardened window factory, the IPC registration
// (every channel, sender checked) and that no other code creates windows.
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const created: { options: Record<string, unknown>; loaded: string[] }[] = [];
const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const sessionHooks: Record<string, unknown> = {};

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: vi.fn((fn: () => unknown) => (sessionHooks.windowOpen = fn)),
      on: vi.fn((name: string, fn: unknown) => (sessionHooks[`wc:${name}`] = fn)),
    };
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: [] });
    }
    once() {}
    loadFile(path: string) {
      created.at(-1)!.loaded.push(path);
      return Promise.resolve();
    }
  }
  const ses = {
    setPermissionRequestHandler: vi.fn((fn: unknown) => (sessionHooks.permission = fn)),
    setPermissionCheckHandler: vi.fn((fn: unknown) => (sessionHooks.permissionCheck = fn)),
    webRequest: {
      onBeforeRequest: vi.fn((fn: unknown) => (sessionHooks.beforeRequest = fn)),
      onHeadersReceived: vi.fn((fn: unknown) => (sessionHooks.headers = fn)),
    },
  };
  return {
    BrowserWindow,
    session: { defaultSession: ses },
    ipcMain: { handle: vi.fn((ch: string, fn: never) => ipcHandlers.set(ch, fn)) },
  };
});

beforeEach(() => {
  created.length = 0;
});

describe('hardened window factory', () => {
  it('creates a sandboxed, isolated window without Node and denies everything risky', async () => {
    const { createMainWindow } = await import('../../../../src-main/electron/window');
    createMainWindow('/app/out/preload', '/app/out/renderer');
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(created[0]!.loaded).toEqual(['/app/out/renderer/index.html']);
    expect((sessionHooks.windowOpen as () => unknown)()).toEqual({ action: 'deny' });
    const prevent = vi.fn();
    (sessionHooks['wc:will-navigate'] as (e: unknown) => void)({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    const answer = vi.fn();
    (sessionHooks.permission as (a: unknown, b: string, cb: (x: boolean) => void) => void)(
      null,
      'media',
      answer,
    );
    expect(answer).toHaveBeenCalledWith(false);
    const decide = (url: string) => {
      let verdict: unknown;
      (sessionHooks.beforeRequest as (d: unknown, cb: (r: unknown) => void) => void)(
        { url },
        (r) => (verdict = r),
      );
      return verdict;
    };
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1/')).toEqual({ cancel: true });
    expect(decide('file:///app/out/renderer/index.html')).toEqual({ cancel: false });
    let headers: { responseHeaders: Record<string, string[]> } | undefined;
    (sessionHooks.headers as (d: unknown, cb: (r: never) => void) => void)(
      { responseHeaders: {} },
      (r) => (headers = r),
    );
    expect(headers!.responseHeaders['Content-Security-Policy']![0]).toMatch(/script-src 'self'(;|$)/);
    expect(headers!.responseHeaders['Content-Security-Policy']![0]).not.toContain('unsafe-eval');
  });

  it('trusts only its own renderer document as an IPC sender', async () => {
    const { isTrustedSenderUrl } = await import('../../../../src-main/electron/window');
    expect(isTrustedSenderUrl('file:///app/out/renderer/index.html', '/app/out/renderer')).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil/index.html', '/app/out/renderer')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/app/out/renderer/index.html', '/app/out/renderer')).toBe(
      false,
    );
    expect(isTrustedSenderUrl(undefined, '/app/out/renderer')).toBe(false);
  });

  it('registers every channel through the one wrapper, which checks the sender', async () => {
    const { registerIpc } = await import('../../../../src-main/electron/ipc');
    const { CHANNEL_NAMES, IPC_PREFIX } = await import('../../../../src-main/shared/channels');
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((c) => [c, async () => (calls.push(c), { ok: 1 })]),
    );
    registerIpc(handlers as never, '/app/out/renderer');
    expect([...ipcHandlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_PREFIX + c).sort());
    const fromUs = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };
    const fromElsewhere = { senderFrame: { url: 'file:///home/user/Downloads/page.html' } };
    expect(await ipcHandlers.get(IPC_PREFIX + 'appInfo')!(fromUs, {})).toEqual({
      ok: true,
      value: { ok: 1 },
    });
    expect(await ipcHandlers.get(IPC_PREFIX + 'appInfo')!(fromElsewhere, {})).toMatchObject({
      ok: false,
      code: 'bad-sender',
    });
    expect(calls).toEqual(['appInfo']);
  });
});

describe('source rules', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
    });

  it('creates windows only in the hardened factory', () => {
    const offenders = [...files('src-main'), ...files('src-renderer')].filter(
      (f) =>
        /new\s+BrowserWindow\s*\(/.test(readFileSync(f, 'utf8')) &&
        !f.endsWith(join('electron', 'window.ts')),
    );
    expect(offenders).toEqual([]);
  });
});
