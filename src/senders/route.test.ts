import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../ports/channel-sender.ts';
import { senderFor } from './route.ts';

const named = (name: string): ChannelSender => ({ name, send: async () => ({ ok: true, externalId: null }) });
const dev = named('dev');
const twilio = named('twilio');

describe('choosing a sender', () => {
  it('uses the real sender of a channel that is on', () => {
    const route = senderFor({ channels: { sms: true, telegram: false, slack: false }, demo: true }, { sms: twilio }, dev);
    expect(route('sms')).toBe(twilio);
  });

  it('falls back on the dev sender in demo mode for a channel that is off', () => {
    const route = senderFor({ channels: { sms: false, telegram: false, slack: false }, demo: true }, { sms: twilio }, dev);
    expect(route('sms')).toBe(dev);
    expect(route('telegram')).toBe(dev);
  });

  it('has no sender for a channel that is off outside demo mode', () => {
    const route = senderFor({ channels: { sms: true, telegram: false, slack: false }, demo: false }, { sms: twilio }, dev);
    expect(route('telegram')).toBe(null);
    expect(route('slack')).toBe(null);
  });

  it('does not send through a channel that is on but has no sender built', () => {
    expect(senderFor({ channels: { sms: true, telegram: true, slack: true }, demo: false }, {}, dev)('sms')).toBe(null);
    expect(senderFor({ channels: { sms: true, telegram: true, slack: true }, demo: true }, {}, dev)('sms')).toBe(dev);
  });
});
