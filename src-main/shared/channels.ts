// The names of the contract's channels, free of any dependency so the sandboxed preload can
// build `window.api` from them without bundling the schema library.
export const CHANNEL_NAMES = [
  'appInfo',
  'importFile',
  'sampleDossier',
  'backupSave',
  'backupList',
  'backupLoad',
  'saveExport',
  'exportDossier',
  'importDossier',
  'importProgress',
  'importCancel',
  'analyseTexts',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events main sends to the renderer (menu commands). */
export const MENU_COMMANDS = ['import', 'export', 'about', 'palette', 'undo', 'redo', 'reanalyse'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const IPC_PREFIX = 'corroborate:';
export const MENU_EVENT = 'corroborate-menu';
