import type { Client, ClientChannel, ClientChannelKind } from './types.ts';

export type Reachable = { kind: Exclude<ClientChannelKind, 'portal'>; address: string; channelId: string };

/** The channels a client calls safe (null: they have not said, so all are). */
export const usableKinds = (json: string | null): ClientChannelKind[] | null => {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as ClientChannelKind[]) : null;
  } catch {
    return [];
  }
};

/** A channel may carry messages when it is verified, has consent, and the client calls it safe. */
export const usable = (client: Client, ch: ClientChannel): boolean => {
  if (!ch.verified || !ch.consentGivenAt || (ch.consentWithdrawnAt && ch.consentWithdrawnAt >= ch.consentGivenAt)) return false;
  const safe = usableKinds(client.safeChannels);
  return safe === null || safe.includes(ch.kind);
};

/**
 * Where a message to this client goes: their preferred channel if usable, else another usable
 * push channel (Telegram before SMS: it shows less on a shared phone's lock screen), else none
 * (the message then waits in the portal).
 */
export const pickDeliveryChannel = (client: Client, channels: ClientChannel[]): Reachable | null => {
  const push = channels.filter((c) => c.kind !== 'portal' && usable(client, c));
  const order = (c: ClientChannel) => (c.kind === client.preferredChannel ? 0 : c.kind === 'telegram' ? 1 : 2);
  const best = [...push].sort((a, b) => order(a) - order(b))[0];
  return best ? { kind: best.kind as Reachable['kind'], address: best.address, channelId: best.id } : null;
};
