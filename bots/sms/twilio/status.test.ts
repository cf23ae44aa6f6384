import { describe, expect, it } from 'vitest';
import { advanceStatus, isFinalStatus } from './status.ts';
import { TWILIO_MESSAGE_STATUSES, type TwilioMessageStatus } from './types.ts';

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));

/** The status kept after these callbacks arrive one by one, starting from none. */
const replay = (callbacks: TwilioMessageStatus[]) => callbacks.reduce<TwilioMessageStatus | null>((s, next) => advanceStatus(s, next), null);

describe('a message status', () => {
  it.each([
    [['queued', 'sending', 'sent', 'delivered'], 'delivered'],
    [['accepted', 'queued', 'sending', 'sent', 'undelivered'], 'undelivered'],
    [['queued', 'sending', 'failed'], 'failed'],
    [['queued', 'sent', 'delivered', 'read'], 'read'],
    [['scheduled', 'queued', 'sending', 'sent'], 'sent'],
    [['scheduled', 'canceled'], 'canceled'],
    [['receiving', 'received'], 'received'],
  ] as [TwilioMessageStatus[], TwilioMessageStatus][])('ends at %j → %s, in whatever order the callbacks arrive', (sequence, end) => {
    for (const order of permutations(sequence)) expect(replay(order)).toBe(end);
  });

  it('never moves back', () => {
    expect(advanceStatus('delivered', 'sent')).toBe('delivered');
    expect(advanceStatus('sent', 'queued')).toBe('sent');
    expect(advanceStatus('sending', 'accepted')).toBe('sending');
    expect(advanceStatus('read', 'delivered')).toBe('read');
  });

  it('skips steps whose callbacks were lost', () => {
    expect(advanceStatus('queued', 'delivered')).toBe('delivered');
    expect(advanceStatus('sent', 'read')).toBe('read');
    expect(advanceStatus(null, 'sent')).toBe('sent');
  });

  it('keeps a terminal outcome: failed, undelivered and canceled never change, delivered only becomes read', () => {
    for (const next of TWILIO_MESSAGE_STATUSES) {
      expect(advanceStatus('failed', next)).toBe('failed');
      expect(advanceStatus('undelivered', next)).toBe('undelivered');
      expect(advanceStatus('canceled', next)).toBe('canceled');
      expect(advanceStatus('delivered', next)).toBe(next === 'read' ? 'read' : 'delivered');
    }
  });

  it('cancels only what had not started sending', () => {
    expect(advanceStatus('queued', 'canceled')).toBe('canceled');
    expect(advanceStatus('sending', 'canceled')).toBe('sending');
    expect(advanceStatus('sent', 'canceled')).toBe('sent');
  });

  it('does not mix the inbound path with the outbound one', () => {
    expect(advanceStatus('received', 'delivered')).toBe('received');
    expect(advanceStatus('sent', 'received')).toBe('sent');
  });

  it('knows which statuses are final', () => {
    expect(TWILIO_MESSAGE_STATUSES.filter(isFinalStatus)).toEqual(['undelivered', 'failed', 'read', 'canceled', 'received']);
  });
});
