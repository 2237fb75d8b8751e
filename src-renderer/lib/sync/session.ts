// One shared dossier kept in sync: Dexie ↔ Y.Doc in both directions, the server through Hocuspocus, presence.
import {
  HocuspocusProvider,
  MessageType,
  WebSocketStatus,
  type onMessageParameters,
} from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { checkServerUrl } from '../../../src-main/shared/team';
import {
  SYNCED_TABLES,
  type LocalEdit,
  type RecordChange,
  type SyncBridge,
  type SyncedTable,
} from '../db/sync-bridge';
import {
  allRecords,
  isLocalOrigin,
  localUndo,
  materialize,
  tableMap,
  touchedRecords,
  writeLocal,
  type LocalUndo,
} from './doc-model';
import { admitChanges, WHOLE, type Admitted, type ShareScope } from './share-scope';

export type SyncState = 'connecting' | 'synced' | 'sending' | 'offline' | 'refused';

export interface Peer {
  clientId: number;
  name: string;
  /** The article they have open, if any. */
  articleId: string | null;
}

export interface SyncStatus {
  state: SyncState;
  /** Local record changes the server has not acknowledged yet. */
  waiting: number;
  readOnly: boolean;
  /** Why the server refused us, in its words. */
  refusal: string | null;
  peers: Peer[];
}

export interface SyncLink {
  id: string;
  serverUrl: string;
  invitation: string;
  memberName: string;
  /** What of this workspace the dossier gets (absent: all of it, as for everyone who joined). */
  scope?: ShareScope;
}

export interface SyncSessionOptions {
  bridge: SyncBridge;
  doc: Y.Doc;
  link: SyncLink;
  onStatus?: (status: SyncStatus) => void;
  now?: () => string;
}

/**
 * One step of this analyst's undo when only a selection is shared: an edit that went to the dossier (the doc's
 * undo takes it back), or one that stayed on this machine (its entry in the workspace's undo history).
 */
type Step = { kind: 'dossier' } | { kind: 'local'; seq: number };

export class SyncSession {
  readonly doc: Y.Doc;
  private provider: HocuspocusProvider | null = null;
  private readonly offs: (() => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  private status: SyncStatus = { state: 'connecting', waiting: 0, readOnly: false, refusal: null, peers: [] };
  private undoer: LocalUndo | null = null;
  private readonly steps: Step[] = [];
  private readonly undone: Step[] = [];
  private scope: ShareScope;
  /** What this analyst's presence says (name, open article); kept while away, announced again on return. */
  private presence: { name: string; articleId: string | null };
  /** The analyst chose to work offline (`disconnect`): the network coming back does not reconnect them. */
  private workingOffline = false;

  constructor(private readonly opts: SyncSessionOptions) {
    this.doc = opts.doc;
    this.scope = opts.link.scope ?? WHOLE;
    this.presence = { name: opts.link.memberName, articleId: null };
  }

  /**
   * Widens a shared selection: these articles and what hangs on them go to the dossier too (links, alignments
   * and stances that now have both ends shared included). Returns the new scope.
   */
  async addArticles(ids: string[]): Promise<ShareScope> {
    if (this.scope.kind !== 'articles' || this.status.readOnly) return this.scope;
    this.scope = { kind: 'articles', articleIds: [...new Set([...this.scope.articleIds, ...ids])] };
    for (const id of ids) {
      const of = await this.opts.bridge.readArticle(id);
      this.share(
        of.filter((c) => !tableMap(this.doc, c.table).has(c.id)),
        false,
      );
    }
    if (this.provider) this.onConnection(this.provider.configuration.websocketProvider.status);
    return this.scope;
  }

  /** Whether the dossier holds this article. */
  hasArticle(id: string): boolean {
    return tableMap(this.doc, 'articles').has(id);
  }

  /** Publishes local-only records, mirrors the dossier into the workspace, then connects. */
  async start(): Promise<void> {
    const url = checkServerUrl(this.opts.link.serverUrl);
    if (!url.ok) throw new Error(url.message);
    const local = await this.opts.bridge.readAll();
    this.share(
      local.filter((c) => !tableMap(this.doc, c.table).has(c.id)),
      false,
    );
    await this.opts.bridge.applyRemote(allRecords(this.doc).filter((c) => c.value));
    this.offs.push(this.opts.bridge.watch((changes, edit) => this.onLocal(changes, edit)));
    const undoer = localUndo(this.doc);
    this.undoer = undoer;
    this.offs.push(() => undoer.destroy());
    for (const table of SYNCED_TABLES) {
      const map = tableMap(this.doc, table);
      // Remote edits, and this analyst's undo and redo, are mirrored into the workspace.
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
        if (!isLocalOrigin(tr.origin)) this.enqueue(touchedRecords(this.doc, events));
      };
      map.observeDeep(observer);
      this.offs.push(() => map.unobserveDeep(observer));
    }
    this.connect(url.url);
    // Back on the network: reconnect now, not when the provider's back-off timer next fires.
    if (typeof window !== 'undefined') {
      const online = () => {
        const socket = this.provider?.configuration.websocketProvider;
        if (this.workingOffline || this.status.state === 'refused') return;
        if (socket?.status === WebSocketStatus.Disconnected) void socket.connect();
      };
      window.addEventListener('online', online);
      this.offs.push(() => window.removeEventListener('online', online));
    }
  }

  private connect(url: string): void {
    const provider = new HocuspocusProvider({
      url,
      name: this.opts.link.id,
      token: this.opts.link.invitation,
      document: this.doc,
      onAuthenticated: ({ scope }) => {
        this.update({ readOnly: scope === 'readonly', refusal: null });
        this.announce();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.update({ state: 'refused', refusal: reason });
        provider.disconnect();
      },
      onStatus: ({ status }) => {
        if (status !== WebSocketStatus.Connected) this.forgetOthers();
        this.onConnection(status);
      },
      onUnsyncedChanges: () => this.onConnection(provider.configuration.websocketProvider.status),
      onSynced: () => this.onConnection(provider.configuration.websocketProvider.status),
      onAwarenessChange: () => this.update({ peers: this.peers() }),
    });
    provider.setAwarenessField('user', this.presence);
    this.provider = provider;
  }

  /**
   * Tells the others who is here and what they read, as a newer state than any they hold: after a reconnect the
   * server and the others may still hold this analyst's last state (or its removal) at the same clock, and would
   * ignore the same state sent again (y-protocols keeps a state only when its clock is newer).
   */
  private announce(): void {
    this.provider?.awareness?.setLocalState({ user: this.presence });
  }

  /**
   * Once the connection is gone, the others' states are dropped (by the provider) and so must be their clocks:
   * on reconnect the server sends their states again at the clocks already seen, which would be ignored, and the
   * others would stay invisible until each renews its state (every 15 s).
   */
  private forgetOthers(): void {
    const awareness = this.provider?.awareness;
    if (!awareness) return;
    for (const id of [...awareness.meta.keys()])
      if (id !== this.doc.clientID && !awareness.states.has(id)) awareness.meta.delete(id);
  }

  private onConnection(status: WebSocketStatus): void {
    if (this.status.state === 'refused') return;
    const provider = this.provider;
    // Working offline shows at once, while the goodbye (see `disconnect`) still goes out.
    if (status !== WebSocketStatus.Connected || !provider || this.workingOffline)
      return this.update({ state: 'offline' });
    if (!provider.synced) return this.update({ state: 'connecting' });
    if (provider.unsyncedChanges > 0) return this.update({ state: 'sending' });
    this.update({ state: 'synced', waiting: 0 });
  }

  private onLocal(changes: RecordChange[], edit: LocalEdit | null): void {
    if (this.status.readOnly) {
      // A reader's edits are not the dossier's: put back what the dossier says.
      this.enqueue(changes);
      return;
    }
    if (edit) this.undoer?.label(edit.label);
    const sent = this.share(changes, edit !== null);
    if (edit && this.scope.kind === 'articles') {
      this.steps.push(sent ? { kind: 'dossier' } : { kind: 'local', seq: edit.seq });
      this.undone.length = 0;
    }
    if (this.provider) this.onConnection(this.provider.configuration.websocketProvider.status);
  }

  /**
   * Writes the local changes the share scope admits into the doc (the rest stays on this machine), then the
   * sources and claims they newly need, read from the workspace.
   */
  private share(changes: RecordChange[], undoable: boolean): boolean {
    const inDossier = (table: SyncedTable, id: string) => tableMap(this.doc, table).has(id);
    const { send, pull } = admitChanges(changes, this.scope, inDossier);
    const sent = this.send(send, undoable);
    if (pull.length) this.chain = this.chain.then(() => this.pullIn(pull, inDossier)).catch(() => undefined);
    return sent;
  }

  /** Writes changes into the doc; true when the doc changed. */
  private send(changes: RecordChange[], undoable: boolean): boolean {
    const n = writeLocal(this.doc, changes, this.opts.link.memberName, this.now(), undoable);
    if (n) this.update({ waiting: this.status.waiting + n });
    return n > 0;
  }

  private async pullIn(pull: Admitted['pull'], inDossier: (table: SyncedTable, id: string) => boolean) {
    // A newly shared version: what hangs on it goes through the rule (which may pull the sources it cites).
    for (const { id } of pull.filter((p) => p.table === 'articles')) {
      const of = await this.opts.bridge.readArticle(id);
      this.share(
        of.filter((c) => !inDossier(c.table, c.id)),
        false,
      );
    }
    for (const table of ['sources', 'claims'] as const) {
      const ids = pull.filter((p) => p.table === table && !inDossier(table, p.id)).map((p) => p.id);
      if (ids.length) this.send(await this.opts.bridge.read(table, ids), false);
    }
    if (this.provider) this.onConnection(this.provider.configuration.websocketProvider.status);
  }

  /** Mirrors records into the workspace as the doc holds them when the write runs (not when they arrived). */
  private enqueue(keys: { table: SyncedTable; id: string }[]): void {
    if (!keys.length) return;
    const read = () => keys.map(({ table, id }) => ({ table, id, value: materialize(this.doc, table, id) }));
    this.chain = this.chain.then(() => this.opts.bridge.applyRemote(read)).catch(() => undefined);
  }

  /**
   * Undoes this analyst's latest edit of the dossier (never another analyst's); returns its label, or null when
   * there is nothing of theirs to undo. The workspace follows once `settled()`.
   */
  undo(): string | null {
    return this.status.readOnly ? null : (this.undoer?.undo() ?? null);
  }

  /** Redoes the step undone last; returns its label, or null. */
  redo(): string | null {
    return this.status.readOnly ? null : (this.undoer?.redo() ?? null);
  }

  /**
   * Ctrl+Z: this analyst's latest edit. With the whole workspace shared, that is `undo()`. With a selection, an
   * edit on a kept article is taken back from the workspace's undo history and one on a shared article through
   * the dossier; a step with nothing left to take back (another analyst edited it since) is passed over.
   */
  async undoStep(): Promise<string | null> {
    return this.step('undo');
  }

  /** Ctrl+Y: the counterpart of `undoStep`. */
  async redoStep(): Promise<string | null> {
    return this.step('redo');
  }

  private async step(direction: 'undo' | 'redo'): Promise<string | null> {
    const dossier = () => (direction === 'undo' ? this.undo() : this.redo());
    if (this.scope.kind !== 'articles') return dossier();
    if (this.status.readOnly) return null;
    const [from, to] = direction === 'undo' ? [this.steps, this.undone] : [this.undone, this.steps];
    for (let step = from.pop(); step; step = from.pop()) {
      const label = step.kind === 'dossier' ? dossier() : await this.opts.bridge.replay(step.seq, direction);
      if (label !== null) {
        to.push(step);
        return label;
      }
    }
    return null;
  }

  /** Resolves once every remote change received so far is in the workspace. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Tells the others which article this analyst has open. */
  setOpenArticle(articleId: string | null): void {
    this.presence = { ...this.presence, articleId };
    // Working offline, this analyst stays away (see `disconnect`); the return announces the article.
    if (!this.workingOffline) this.provider?.setAwarenessField('user', this.presence);
  }

  /**
   * Who else is here, one entry per analyst. A state the server no longer passes on (an analyst who reloaded, or
   * whose last connection to a server instance closed) lingers until it goes stale (30 s) next to the one they
   * have now: of the states under one name, the latest renewed stands, and one's own name is oneself.
   */
  private peers(): Peer[] {
    // Working offline, this analyst cannot know who is there.
    if (this.workingOffline) return [];
    const awareness = this.provider?.awareness;
    if (!awareness) return [];
    const own = this.presence.name;
    const latest = new Map<string, { peer: Peer | null; at: number }>();
    for (const [clientId, state] of awareness.getStates()) {
      const user = state.user as { name?: unknown; articleId?: unknown; away?: unknown } | undefined;
      if (clientId === this.doc.clientID || !user || typeof user.name !== 'string' || user.name === own)
        continue;
      const at = awareness.meta.get(clientId)?.lastUpdated ?? 0;
      if ((latest.get(user.name)?.at ?? -1) >= at) continue;
      const articleId = typeof user.articleId === 'string' ? user.articleId : null;
      // An analyst who said goodbye (see `disconnect`) is away, even if an older state of theirs lingers.
      latest.set(user.name, {
        peer: user.away === true ? null : { clientId, name: user.name, articleId },
        at,
      });
    }
    return [...latest.values()]
      .flatMap((x) => (x.peer ? [x.peer] : []))
      .sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
  }

  /** The first settled outcome of connecting: synced, refused, or still not connected after `ms`. */
  firstOutcome(ms = 15_000): Promise<SyncStatus> {
    return new Promise((resolve) => {
      const started = Date.now();
      const poll = () => {
        const s = this.status;
        if (s.state === 'synced' || s.state === 'refused' || Date.now() - started > ms) resolve(s);
        else setTimeout(poll, 50);
      };
      poll();
    });
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.opts.onStatus?.(this.status);
  }

  private now(): string {
    return this.opts.now?.() ?? new Date().toISOString();
  }

  /**
   * Stops talking to the server (resolves once the connection is closed); edits keep being recorded (and stored
   * by y-dexie) until `reconnect`.
   */
  async disconnect(): Promise<void> {
    this.workingOffline = true;
    this.update({ state: 'offline', peers: [] });
    const provider = this.provider;
    if (!provider) return;
    await this.sayGoodbye(provider);
    if (this.workingOffline) provider.disconnect();
  }

  /**
   * Tells the others this analyst is away, and waits for the server to echo it (at most 2 s) before the
   * connection closes. Closing is not enough: a server whose last connection to the dossier closes tells the
   * other instances nothing (the Redis extension publishes nothing for a dossier nobody is connected to), so the
   * others there would go on seeing this analyst until the state goes stale (30 s). Nor is a removed state: the
   * server passes on only states, not removals (its awareness hook re-encodes the states it received). So the
   * goodbye is a state, marked away; the echo comes back as the server passes it on.
   */
  private sayGoodbye(provider: HocuspocusProvider): Promise<void> {
    const awareness = provider.awareness;
    if (!awareness || provider.configuration.websocketProvider.status !== WebSocketStatus.Connected)
      return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        provider.off('message', onMessage);
        done();
      };
      const onMessage = ({ message }: onMessageParameters) => {
        message.readVarString();
        if (message.readVarUint() === MessageType.Awareness) finish();
      };
      const timer = setTimeout(finish, 2000);
      provider.on('message', onMessage);
      awareness.setLocalState({ user: { ...this.presence, away: true } });
    });
  }

  async reconnect(): Promise<void> {
    this.workingOffline = false;
    this.update({ peers: this.peers() });
    // Back before the goodbye finished: still connected, so no new connection will announce this analyst.
    if (this.provider?.configuration.websocketProvider.status === WebSocketStatus.Connected) this.announce();
    await this.provider?.connect();
  }

  /** Disconnects and stops mirroring; the doc stays on this machine (y-dexie). */
  async stop(): Promise<void> {
    this.offs.splice(0).forEach((off) => off());
    this.provider?.destroy();
    this.provider = null;
    await this.chain;
  }
}
