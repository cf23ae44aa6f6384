import type { OutboundChannel } from '../domain/types.ts';

export interface OutboundMessage {
  outboxId: string;
  /** The same key on every attempt: a sender must deliver a key at most once. */
  idempotencyKey: string;
  agencyId: string;
  clientId: string | null;
  channel: OutboundChannel;
  to: string;
  /** the locale key the text was made from (what kind of message it is) */
  template: string;
  text: string;
  /** channel-neutral extras: reply options, links, thread */
  payload: Record<string, unknown>;
}

export type SendResult =
  | { ok: true; externalId: string | null }
  | {
      ok: false;
      /** worth trying again later (a 5xx, a 429, a time-out) */
      retryable: boolean;
      /** the provider's Retry-After, when it gave one */
      retryAfterMs?: number;
      error: string;
      /**
       * The address no longer takes our messages: the person blocked the bot or texted STOP
       * (`opted_out`), or it does not exist / cannot receive (`unreachable`). The delivery worker
       * withdraws the channel so nothing else is queued for it.
       */
      gone?: 'opted_out' | 'unreachable';
    };

export interface ChannelSender {
  readonly name: string;
  send(message: OutboundMessage): Promise<SendResult>;
}

/** Picks the sender for a channel: the real one when configured, else the dev one in demo mode. */
export type SenderFor = (channel: OutboundChannel) => ChannelSender | null;
