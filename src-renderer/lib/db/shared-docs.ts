// Where a shared dossier lives on this machine: its connection settings and its Y.Doc, persisted by y-dexie.
import Dexie, { type EntityTable } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import type { MemberRole } from '../../../src-main/shared/team';
import type { ShareScope } from './sync-bridge';

export interface SharedDossierLink {
  /** The shared dossier's id (the server's document name). */
  id: string;
  serverUrl: string;
  /** The invitation this analyst joined with; the server checks it on every connection. */
  invitation: string;
  memberName: string;
  role: MemberRole | null;
  joinedAt: string;
  /** What of this workspace goes to the dossier (absent on links saved before selections: the whole workspace). */
  scope?: ShareScope;
  /** The replicated truth; y-dexie keeps its updates in its own table. */
  doc: Y.Doc;
}

type SharedDB = Dexie & { links: EntityTable<SharedDossierLink, 'id'> };

/** Version 1 (2026-12-03): one row per shared dossier, its Y.Doc beside it. */
export function openSharedStore(name = 'corroborate-shared'): SharedDB {
  const store = new Dexie(name, { addons: [yDexie] }) as SharedDB;
  store.version(1).stores({ links: 'id, doc: Y.Doc' });
  return store;
}

export interface SharedStore {
  current: () => Promise<Omit<SharedDossierLink, 'doc'> | null>;
  save: (link: Omit<SharedDossierLink, 'doc'>) => Promise<void>;
  forget: (id: string) => Promise<void>;
  /** Loads the dossier's Y.Doc from IndexedDB; `release` when done with it. */
  loadDoc: (id: string) => Promise<{ doc: Y.Doc; release: () => void }>;
}

export function createSharedStore(store: SharedDB = openSharedStore()): SharedStore {
  return {
    async current() {
      const row = await store.links.orderBy('id').first();
      if (!row) return null;
      const { id, serverUrl, invitation, memberName, role, joinedAt, scope } = row;
      return { id, serverUrl, invitation, memberName, role, joinedAt, ...(scope ? { scope } : {}) };
    },
    async save(link) {
      const existing = await store.links.get(link.id);
      if (existing) await store.links.update(link.id, { ...link });
      else await store.links.add(link as SharedDossierLink);
    },
    async forget(id) {
      await store.links.delete(id);
    },
    async loadDoc(id) {
      const row = await store.links.get(id);
      if (!row) throw new Error(`no shared dossier ${id} on this machine`);
      const doc = row.doc;
      const provider = DexieYProvider.load(doc);
      await provider.whenLoaded;
      return { doc, release: () => DexieYProvider.release(doc) };
    },
  };
}
