// The renderer's handle on main: Electron's preload API when present, otherwise the same
// contract over the browser shell's HTTP bridge (authenticated by its per-start cookie).
import { CHANNEL_NAMES, type MenuCommand } from '../../../src-main/shared/channels';
import type { Api } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/errors';
import { decodeResponse, encodeRequest } from '../../../src-main/shared/wire';

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

function httpApi(): Api {
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: encodeRequest(input) as BodyInit,
      });
      if (!res.ok) return { ok: false, code: 'internal', message: `${res.status} ${await res.text()}` };
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
