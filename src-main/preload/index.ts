// Preload: exposes one named, typed API (window.api) built from the contract's channel names,
// plus the shell bridge (which shell this is, and the native menu's commands).
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX, MENU_EVENT, MENU_COMMANDS, type MenuCommand } from '../shared/channels';
import type { Api } from '../shared/contract';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input ?? {})]),
) as Api;

const shell = {
  kind: 'electron' as const,
  onMenu(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_e: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => ipcRenderer.off(MENU_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('shell', shell);
