// The app's shared-dossier state: which dossier this workspace is shared in, its sync status and who else is there.
import { READER_REFUSAL, checkServerUrl, parseInvitation } from '../../../src-main/shared/team';
import { dossiers, workspace } from '../db';
import { refuseEdits } from '../db/history';
import { sharedDossierStore, workspaceSyncBridge } from '../db/sync-workspace';
import type { ShareScope, SyncedTable } from '../db/sync-bridge';
import { recordHistory, type HistoryVersion } from './doc-model';
import { SyncSession, type SyncStatus } from './session';

export interface TeamLink {
  id: string;
  serverUrl: string;
  memberName: string;
  /** What of this workspace the dossier gets (absent: all of it). */
  scope?: ShareScope;
}

class TeamSync {
  link = $state<TeamLink | null>(null);
  status = $state<SyncStatus | null>(null);
  /** Counts changes of the shared dossier (local and remote), so views of its history follow them. */
  revision = $state(0);
  private session: SyncSession | null = null;
  private release: (() => void) | null = null;

  /** True in a dossier this analyst joined as a reader: screens hide or disable what would be refused. */
  get readOnly(): boolean {
    return this.status?.readOnly === true;
  }

  /** Reconnects to the dossier this workspace was shared in, if any (at start). */
  async resume(): Promise<void> {
    const saved = await sharedDossierStore().current();
    if (saved) await this.open(saved);
  }

  /**
   * Shares this workspace in the dossier the invitation opens (`publish`: its records go to the dossier), or joins
   * it (`join`: the workspace is emptied first and becomes the dossier). A publish may share only some articles
   * (`scope`, see lib/sync/share-scope.ts); a joiner's workspace is the dossier, so all of it is shared.
   * Returns an error message, or null.
   */
  async join(
    serverUrl: string,
    invitation: string,
    memberName: string,
    mode: 'publish' | 'join',
    scope: ShareScope = { kind: 'whole' },
  ): Promise<string | null> {
    const url = checkServerUrl(serverUrl);
    if (!url.ok) return url.message;
    const inv = parseInvitation(invitation);
    if (!inv) return 'This is not a Corroborate invitation (it should start with "cbi1.")';
    const name = memberName.trim();
    if (!name) return 'Say who you are: your name goes on your annotations.';
    if (scope.kind === 'articles' && scope.articleIds.length === 0)
      return 'Choose at least one article to share, or share the whole workspace.';
    if (this.session) await this.leave();
    const link = {
      id: inv.dossierId,
      serverUrl: url.url,
      invitation: invitation.trim(),
      memberName: name,
      ...(mode === 'publish' && scope.kind === 'articles' ? { scope } : {}),
    };
    await sharedDossierStore().save({ ...link, role: null, joinedAt: new Date().toISOString() });
    try {
      if (mode === 'join') await dossiers.clear();
      const first = await this.open(link);
      if (first.state === 'synced') return null;
      await this.leave();
      return first.refusal ?? `Could not reach the team server at ${url.url}`;
    } catch (err) {
      await sharedDossierStore().forget(link.id);
      return (err as Error).message;
    }
  }

  private async open(link: TeamLink & { invitation: string }): Promise<SyncStatus> {
    const { doc, release } = await sharedDossierStore().loadDoc(link.id);
    const session = new SyncSession({
      bridge: workspaceSyncBridge(),
      doc,
      link,
      onStatus: (s) => {
        this.status = s;
        refuseEdits(s.readOnly ? READER_REFUSAL : null);
      },
    });
    await session.start();
    const onUpdate = () => this.revision++;
    doc.on('update', onUpdate);
    this.session = session;
    this.release = () => {
      doc.off('update', onUpdate);
      release();
    };
    this.link = {
      id: link.id,
      serverUrl: link.serverUrl,
      memberName: link.memberName,
      ...(link.scope ? { scope: link.scope } : {}),
    };
    this.status = session.getStatus();
    return session.firstOutcome();
  }

  /** Shares more articles in a dossier this workspace shares a selection of (and remembers them). */
  async addArticles(ids: string[]): Promise<void> {
    if (!this.session || this.link?.scope?.kind !== 'articles' || ids.length === 0) return;
    const scope = await this.session.addArticles(ids);
    const saved = await sharedDossierStore().current();
    if (saved) await sharedDossierStore().save({ ...saved, scope });
    this.link = { ...this.link, scope };
  }

  /** Whether the shared dossier holds this article (false when not shared). */
  isShared(articleId: string): boolean {
    void this.revision;
    return this.session?.hasArticle(articleId) ?? false;
  }

  /** Stops sharing on this machine: the workspace keeps its records, the dossier stays on the server. */
  async leave(): Promise<void> {
    const id = this.link?.id;
    await this.session?.stop();
    this.release?.();
    this.session = null;
    this.release = null;
    this.link = null;
    this.status = null;
    refuseEdits(null);
    if (id) await sharedDossierStore().forget(id);
  }

  /**
   * Ctrl+Z. In a shared dossier: this analyst's own latest edit, through the dossier's undo (another analyst's
   * edit is never undone); otherwise the workspace's undo history. Returns the edit's label, or null.
   */
  async undo(): Promise<string | null> {
    if (!this.session) return workspace.undo();
    const label = await this.session.undoStep();
    await this.session.settled();
    return label;
  }

  /** Ctrl+Y: the counterpart of `undo`. */
  async redo(): Promise<string | null> {
    if (!this.session) return workspace.redo();
    const label = await this.session.redoStep();
    await this.session.settled();
    return label;
  }

  /** Every version of a shared record, by every analyst (the loser of a concurrent edit too); [] when not shared. */
  history(table: SyncedTable, id: string): HistoryVersion[] {
    return this.session ? recordHistory(this.session.doc, table, id) : [];
  }

  setOpenArticle(articleId: string | null): void {
    this.session?.setOpenArticle(articleId);
  }

  workOffline(offline: boolean): void {
    if (!this.session) return;
    if (offline) void this.session.disconnect();
    else void this.session.reconnect();
  }
}

export const teamSync = new TeamSync();

/** The line the status chip shows. */
export function statusLine(s: SyncStatus): string {
  const waiting = s.waiting === 1 ? '1 change waiting' : `${s.waiting} changes waiting`;
  switch (s.state) {
    case 'synced':
      return s.readOnly ? 'synced (read only)' : 'synced';
    case 'offline':
      return s.waiting ? `offline — ${waiting}` : 'offline';
    case 'sending':
      return s.waiting ? `sending — ${waiting}` : 'sending…';
    case 'refused':
      return 'refused by the server';
    default:
      return 'connecting…';
  }
}
