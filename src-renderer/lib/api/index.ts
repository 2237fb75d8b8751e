// The renderer's handle on main: Electron's preload API when present, otherwise the same
// contract over the browser shell's HTTP bridge (its per-start token sent in a header, never a cookie).
import { CHANNEL_NAMES, type MenuCommand } from '../../../src-main/shared/channels';
import type { Api } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/errors';
import { decodeResponse, encodeRequest } from '../../../src-main/shared/wire';
import { currentToken, watchAddressForToken } from './token';

export interface ShellBridge {
  kind: 'electron' | 'web';
  onMenu: (listener: (command: MenuCommand) => void) => () => void;
}

declare global {
  interface Window {
    api?: Api;
    shell?: ShellBridge;
  }
}

/** A refusal from the shell itself (401, 404, 413…) carries a `{ ok: false }` body; anything else is internal. */
async function refusal(res: Response): Promise<Result<unknown>> {
  const text = await res.text();
  try {
    const parsed = JSON.parse(text) as Result<unknown>;
    if (parsed && parsed.ok === false && typeof parsed.message === 'string') return parsed;
  } catch {
    // not JSON: reported below as it is
  }
  return { ok: false, code: 'internal', message: `${res.status} ${text}` };
}

function httpApi(): Api {
  watchAddressForToken();
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Corroborate-Token': currentToken() ?? '' },
        body: encodeRequest(input) as BodyInit,
      });
      if (!res.ok) return refusal(res);
      return decodeResponse(await res.text()) as Result<unknown>;
    } catch (err) {
      return {
        ok: false,
        code: 'internal',
        message: `the app's back end did not answer (${(err as Error).message})`,
      };
    }
  };
  return Object.fromEntries(CHANNEL_NAMES.map((n) => [n, (input: unknown) => call(n, input)])) as Api;
}

export const api: Api = window.api ?? httpApi();

export const shell: ShellBridge = window.shell ?? {
  kind: 'web',
  onMenu: () => () => undefined,
};
