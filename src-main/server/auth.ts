// Every connection is authenticated by its invitation; readers get read-only connections; revocation closes live ones.
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import type pg from 'pg';
import type { MemberRole } from '../shared/team';
import { checkInvitation, isMemberLive, type TokenCheck } from './members';
import type { Logger } from './log';

/** What Hocuspocus keeps about an authenticated connection. */
export interface MemberContext {
  memberId: number;
  memberName: string;
  role: MemberRole;
}

/** The sentences an analyst reads when the server refuses them (sent as the permission-denied reason). */
export const REFUSALS: Record<Exclude<TokenCheck, { ok: true }>['reason'], string> = {
  malformed: 'This is not a Corroborate invitation (it should start with "cbi1.")',
  'wrong-dossier': 'This invitation is for another shared dossier',
  unknown: 'The server does not know this invitation: ask the dossier owner for a new one',
  revoked: 'This invitation has been revoked by the dossier owner',
};

class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class InvitationAuth implements Extension {
  extensionName = 'InvitationAuth';
  private listener: pg.PoolClient | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  async onAuthenticate(data: onAuthenticatePayload<MemberContext>): Promise<MemberContext> {
    const check = await checkInvitation(this.pool, data.documentName, data.token ?? '');
    if (!check.ok) {
      this.log('auth.refused', { dossier: data.documentName, reason: check.reason });
      throw new Refusal(REFUSALS[check.reason]);
    }
    const { member } = check;
    data.connectionConfig.readOnly = member.role === 'reader';
    this.log('auth.accepted', { dossier: data.documentName, member: member.name, role: member.role });
    return { memberId: member.id, memberName: member.name, role: member.role };
  }

  /** Listens for `members revoke` (from any process) and closes the revoked members' live connections. */
  async watchRevocations(instance: Hocuspocus): Promise<void> {
    this.listener = await this.pool.connect();
    this.listener.on('notification', (msg) => {
      if (msg.payload) void this.closeRevoked(instance, msg.payload);
    });
    await this.listener.query('LISTEN corroborate_revoked');
  }

  async stop(): Promise<void> {
    if (!this.listener) return;
    const client = this.listener;
    this.listener = null;
    await client.query('UNLISTEN corroborate_revoked').catch(() => undefined);
    client.release();
  }

  private async closeRevoked(instance: Hocuspocus, dossierId: string): Promise<void> {
    const document = instance.documents.get(dossierId);
    if (!document) return;
    for (const connection of document.getConnections()) {
      const context = connection.context as MemberContext;
      if (await isMemberLive(this.pool, context.memberId)) continue;
      this.log('auth.revoked-closed', { dossier: dossierId, member: context.memberName });
      connection.close({ code: 4403, reason: REFUSALS.revoked });
    }
  }
}
