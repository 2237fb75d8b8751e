// The one hardened window factory: every BrowserWindow of the app is created here.
import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { CSP } from '../core/csp';
import { checkServerUrl } from '../shared/team';

let sessionHardened = false;

/** Deny every permission, block http(s) loads and add the CSP header — once per session. */
function hardenSession(): void {
  if (sessionHardened) return;
  sessionHardened = true;
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Only team sync may leave the machine: wss:// to a team server, or ws:// to this machine.
    const url = details.url;
    callback({ cancel: /^(https?|ftp):/i.test(url) || (/^wss?:/i.test(url) && !checkServerUrl(url).ok) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

function denyNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preloadDir: string, rendererDir: string): BrowserWindow {
  hardenSession();
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Corroborate',
    backgroundColor: '#f6f5f1',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  denyNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

/** Sender check for IPC: only our own renderer document, loaded from file://, may call main. */
export function isTrustedSenderUrl(url: string | undefined, rendererDir: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (
      u.protocol === 'file:' &&
      decodeURIComponent(u.pathname).endsWith(join(rendererDir, 'index.html').replace(/\\/g, '/'))
    );
  } catch {
    return false;
  }
}

/** A hidden window for printing an export to PDF: no preload, no JavaScript, same hardening. */
export function createPrintWindow(): BrowserWindow {
  hardenSession();
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    },
  });
  denyNavigation(win.webContents);
  return win;
}
