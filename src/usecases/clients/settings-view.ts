import { usable } from '../../domain/channels.ts';
import { resolveLocale } from '../../domain/locale.ts';
import { CLIENT_CHANNEL_KINDS, type Client, type ClientChannel, type ClientChannelKind, type Locale } from '../../domain/types.ts';

/** One of the client's channels as their settings show it: never the full address. */
export interface ChannelSetting {
  id: string;
  kind: ClientChannelKind;
  verified: boolean;
  /** the client agreed to be reached here and has not taken it back */
  consent: boolean;
  /** the client may switch this channel off (or back on) themself */
  switchable: boolean;
  /** the last digits of a phone number, to tell two numbers apart; null for Telegram */
  ending: string | null;
}

export interface ClientSettings {
  language: Locale;
  preferredChannel: ClientChannelKind | null;
  /** the kinds of channel the client has (verified), in a fixed order: what they may prefer */
  preferredOptions: ClientChannelKind[];
  /** minutes of the client's local day; both or neither; the window may cross midnight */
  contactWindowStart: number | null;
  contactWindowEnd: number | null;
  neutralWording: boolean;
  pauseWord: string | null;
  channels: ChannelSetting[];
}

/** Consent alone, whatever the client's safe-channel list says (that is another setting). */
export const hasConsent = (client: Client, ch: ClientChannel): boolean => usable({ ...client, safeChannels: null }, ch);

/** The portal is how the client reaches these settings: it is not switched off from here. */
export const isSwitchable = (ch: ClientChannel): boolean => ch.kind !== 'portal' && ch.verified;

/** The channel kinds a client may choose as preferred: those they have, verified. */
export const preferredOptions = (channels: ClientChannel[]): ClientChannelKind[] =>
  CLIENT_CHANNEL_KINDS.filter((k) => channels.some((c) => c.kind === k && c.verified));

const ending = (ch: ClientChannel): string | null => (ch.kind === 'telegram' ? null : ch.address.replace(/\D/g, '').slice(-4) || null);

export const channelSetting = (client: Client, ch: ClientChannel): ChannelSetting => ({
  id: ch.id,
  kind: ch.kind,
  verified: ch.verified,
  consent: hasConsent(client, ch),
  switchable: isSwitchable(ch),
  ending: ending(ch),
});

export const settingsView = (client: Client, channels: ClientChannel[]): ClientSettings => ({
  language: resolveLocale(client.language),
  preferredChannel: (CLIENT_CHANNEL_KINDS as readonly string[]).includes(client.preferredChannel ?? '')
    ? (client.preferredChannel as ClientChannelKind)
    : null,
  preferredOptions: preferredOptions(channels),
  contactWindowStart: client.contactWindowStart,
  contactWindowEnd: client.contactWindowEnd,
  neutralWording: client.neutralWording,
  pauseWord: client.pauseWord,
  // sms, telegram, portal; channels of one kind in the order they were added
  channels: [...channels]
    .sort((a, b) => CLIENT_CHANNEL_KINDS.indexOf(a.kind) - CLIENT_CHANNEL_KINDS.indexOf(b.kind))
    .map((ch) => channelSetting(client, ch)),
});
