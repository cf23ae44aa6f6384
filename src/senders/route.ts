import type { OutboundChannel } from '../domain/types.ts';
import type { ChannelSender, SenderFor } from '../ports/channel-sender.ts';

/** What routing needs of the configuration: which channels are set up, and demo mode. */
export interface SenderRouting {
  channels: Record<OutboundChannel, boolean>;
  demo: boolean;
}

/**
 * The sender of a channel: the real one when the channel is set up, else the dev sender in demo
 * mode, else none (the delivery worker then marks the row dead with `channel_off`).
 */
export const senderFor =
  (config: SenderRouting, real: Partial<Record<OutboundChannel, ChannelSender>>, dev: ChannelSender): SenderFor =>
  (channel) => {
    const sender = config.channels[channel] ? real[channel] : undefined;
    if (sender) return sender;
    return config.demo ? dev : null;
  };
