// The app's rules for team servers: plain ws:// only to this machine, invitations parsed strictly.
import { describe, expect, it } from 'vitest';
import { checkServerUrl, formatInvitation, parseInvitation } from '../../../../src-main/shared/team';

describe('server addresses', () => {
  it('accepts wss:// anywhere and ws:// only to this machine', () => {
    expect(checkServerUrl('wss://team.example.org/').ok).toBe(true);
    expect(checkServerUrl('ws://127.0.0.1:1234').ok).toBe(true);
    expect(checkServerUrl('ws://localhost:1234/').ok).toBe(true);
    const lan = checkServerUrl('ws://192.168.1.20:1234');
    expect(lan.ok).toBe(false);
    expect(!lan.ok && lan.message).toMatch(/use wss:\/\//);
  });

  it('refuses http(s), credentials in the address and text that is not an address', () => {
    expect(checkServerUrl('https://team.example.org').ok).toBe(false);
    expect(checkServerUrl('wss://user:pw@team.example.org').ok).toBe(false);
    expect(checkServerUrl('team server').ok).toBe(false);
  });
});

describe('invitations', () => {
  it('round-trips and names the dossier', () => {
    const inv = { dossierId: 'car-2020', secret: 'x'.repeat(43) };
    expect(parseInvitation(` ${formatInvitation(inv)}\n`)).toEqual(inv);
  });

  it('refuses a short secret, another prefix or a dossier id with odd characters', () => {
    expect(parseInvitation(`cbi1.car.${'x'.repeat(10)}`)).toBeNull();
    expect(parseInvitation(`cbi2.car.${'x'.repeat(43)}`)).toBeNull();
    expect(parseInvitation(`cbi1.car/../x.${'x'.repeat(43)}`)).toBeNull();
  });
});
