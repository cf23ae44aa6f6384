import type { Client, ClientChannel, Millis } from './types.ts';

/**
 * A client as first recorded: who they are, as the agency gives it; their safety settings at the
 * defaults — every channel safe, no contact window, no pause word, not paused — until the client
 * (or their caseworker) changes them. One place for those defaults, whichever door enrolls them.
 */
export const newClient = (
  f: Pick<Client, 'id' | 'agencyId' | 'displayName' | 'language' | 'timeZone' | 'createdAt'> &
    Partial<Pick<Client, 'externalRef' | 'staffId' | 'preferredChannel' | 'neutralWording' | 'sensitive'>>,
): Client => ({
  externalRef: null,
  staffId: null,
  preferredChannel: null,
  neutralWording: false,
  sensitive: false,
  safeChannels: null,
  contactWindowStart: null,
  contactWindowEnd: null,
  pauseWord: null,
  pausedAt: null,
  pausedBy: null,
  ...f,
});

/**
 * A channel the agency records for a client it enrolls (a caseworker's invite, an import, the
 * demo): verified, with the consent the agency attests; the client can withdraw it (STOP, the
 * portal's settings).
 */
export const attestedChannel = (
  client: Pick<Client, 'id' | 'agencyId'>,
  c: { id: string; kind: ClientChannel['kind']; address: string; at: Millis },
): ClientChannel & { createdAt: Millis } => ({
  id: c.id,
  agencyId: client.agencyId,
  clientId: client.id,
  kind: c.kind,
  address: c.address,
  verified: true,
  consentGivenAt: c.at,
  consentWithdrawnAt: null,
  createdAt: c.at,
});
