// A Node Hocuspocus client for the server tests (Node's WebSocket needs --experimental-websocket on Node 20).
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves when the first sync is done, or rejects with the server's refusal. */
  ready: Promise<void>;
  /** Resolves when every local change has been acknowledged by the server. */
  acknowledged: () => Promise<void>;
  close: () => void;
}

export function connect(url: string, dossier: string, token: string): TestClient {
  const doc = new Y.Doc();
  let settle: { ok: () => void; fail: (e: Error) => void } = { ok: () => undefined, fail: () => undefined };
  const ready = new Promise<void>((ok, fail) => (settle = { ok, fail }));
  const provider = new HocuspocusProvider({
    url,
    name: dossier,
    token,
    document: doc,
    onSynced: () => settle.ok(),
    onAuthenticationFailed: ({ reason }) => settle.fail(new Error(reason)),
  });
  return {
    doc,
    provider,
    ready,
    acknowledged: () => until(() => provider.unsyncedChanges === 0),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls a condition (every 25 ms) until it holds, or fails after `ms`. */
export async function until(cond: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
