// Content-Security-Policy of the renderer, shared by the Electron session and the browser shell.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Team sync (shared dossiers): plain ws:// to this machine only, anything else over TLS (wss://).
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* wss:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
