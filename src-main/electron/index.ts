// Electron entry: single instance, hardened window, native menu, data folder, IPC handlers.
import { app, dialog, Menu, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../core/handlers';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createMainWindow, createPrintWindow } from './window';
import { electronPdfPrinter } from './print-pdf';

const here = import.meta.dirname;
const preloadDir = join(here, '../preload');
const rendererDir = join(here, '../renderer');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  // No window may be created except by the hardened factory; refuse webviews everywhere.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    const dataDir = join(app.getPath('userData'), 'workspace');
    const printPdf = electronPdfPrinter(
      () => {
        const win = createPrintWindow();
        return {
          loadURL: (u) => win.loadURL(u),
          printToPDF: (o) => win.webContents.printToPDF(o),
          close: () => win.destroy(),
        };
      },
      join(dataDir, 'print-tmp'),
    );
    const { handlers } = createHandlers({
      printPdf,
      shell: 'electron',
      version: app.getVersion(),
      dataDir,
      assetsDir: join(app.getAppPath(), 'assets'),
      chooseSavePath: async (suggestedName) => {
        const options = { defaultPath: suggestedName };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    });
    registerIpc(handlers, rendererDir);
    Menu.setApplicationMenu(buildMenu(() => mainWindow, app.getVersion()));
    mainWindow = createMainWindow(preloadDir, rendererDir);
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preloadDir, rendererDir);
  });
}
