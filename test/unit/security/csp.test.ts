// The renderer's Content-Security-Policy: one policy for Electron's header and the page's meta tag, and
// strict enough that no inline or remote script, frame, plugin or form target can be used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../../src-main/core/csp';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values] as const),
  );

describe('content security policy', () => {
  it('is the same in the Electron header and in the renderer page', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(meta!)).toEqual(directives(CSP));
  });

  it('allows scripts only from the app itself and nothing remote, framed or embedded', () => {
    const policy = directives(CSP);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // Team sync only: plain ws:// to this machine, TLS (wss://) to a team server; never http(s).
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*', 'wss:']);
    for (const [name, values] of policy) {
      expect(values, name).not.toContain("'unsafe-eval'");
      if (name === 'connect-src') continue;
      for (const value of values) expect(value, name).not.toMatch(/^(https?:|wss?:|\*)/);
    }
  });
});
