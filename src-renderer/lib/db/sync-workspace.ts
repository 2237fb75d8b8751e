// The workspace's sync bridge and shared-dossier store (the renderer's one database), for lib/sync.
import { db } from './index';
import { createSharedStore, type SharedStore } from './shared-docs';
import { createSyncBridge, type SyncBridge } from './sync-bridge';

let bridge: SyncBridge | null = null;
let store: SharedStore | null = null;

export function workspaceSyncBridge(): SyncBridge {
  bridge ??= createSyncBridge(db);
  return bridge;
}

export function sharedDossierStore(): SharedStore {
  store ??= createSharedStore();
  return store;
}
