// Electron's side of the contract: the only module that touches ipcMain. Every channel is
// registered through handle(), which checks the sender and validates input via dispatch().
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../shared/channels';
import type { Handlers } from '../shared/contract';
import { dispatch } from '../core/ipc-core';
import { isTrustedSenderUrl } from './window';

export function registerIpc(handlers: Handlers, rendererDir: string): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, input: unknown) =>
      dispatch(handlers, channel, input, {
        shell: 'electron',
        trustedSender: isTrustedSenderUrl(event.senderFrame?.url, rendererDir),
      }),
    );
  }
}
