// Shared dossiers: member roles, invitation format and the rule for which server URLs the app may open.
export const MEMBER_ROLES = ['owner', 'editor', 'reader'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** What a reader is told when they try to change a shared dossier (the server drops their writes anyway). */
export const READER_REFUSAL =
  'You joined this dossier as a reader: you can read and export it, not change it.';

/** A shared dossier's id: also the Hocuspocus document name. */
const DOSSIER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INVITATION = /^cbi1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{32,128})$/;

export function isDossierId(id: string): boolean {
  return DOSSIER_ID.test(id);
}

export function isMemberRole(role: string): role is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(role);
}

/** An invitation reads `cbi1.<dossier>.<secret>`: the dossier it opens and the secret the server checks. */
export interface Invitation {
  dossierId: string;
  secret: string;
}

export function formatInvitation(inv: Invitation): string {
  return `cbi1.${inv.dossierId}.${inv.secret}`;
}

export function parseInvitation(text: string): Invitation | null {
  const m = INVITATION.exec(text.trim());
  return m ? { dossierId: m[1]!, secret: m[2]! } : null;
}

/**
 * The app speaks plain ws:// only to this machine; anything else must be wss:// (TLS through a reverse proxy).
 * Returns the normalised URL, or a message saying why it is refused.
 */
export function checkServerUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message: `"${raw}" is not a server address (expected wss://host/ or ws://127.0.0.1:PORT/)`,
    };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return { ok: false, message: `The server address must start with wss:// (not ${url.protocol}//)` };
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'ws:' && !loopback)
    return {
      ok: false,
      message: `Refusing unencrypted ws:// to ${url.hostname}: use wss:// (ws:// is allowed only to this machine)`,
    };
  if (url.username || url.password)
    return { ok: false, message: 'The server address must not contain a user name or password' };
  return { ok: true, url: url.toString() };
}
