// The native application menu: File (Import…, Export…, Re-analyse All Articles, Quit), Edit (standard roles), View, Help.
import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_EVENT, type MenuCommand } from '../shared/channels';

export function buildMenu(getWindow: () => BrowserWindow | null, version: string): Menu {
  const send = (command: MenuCommand) => getWindow()?.webContents.send(MENU_EVENT, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: 'Re-analyse All Articles', click: () => send('reanalyse') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/redo go to the workspace's own history, not the text field's.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: () => send('palette') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Corroborate',
          click: () => {
            const win = getWindow();
            const options = {
              type: 'info' as const,
              title: 'About Corroborate',
              message: `Corroborate ${version}`,
              detail:
                'An offline workbench for analysts: who said what, through whom, and who confirms or contradicts it.',
            };
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
