import { describe, expect, it } from 'vitest';
import type { Message } from '../../domain/types.ts';
import { deliveryState } from './delivery-state.ts';

const out = (over: Partial<Message> = {}): Message => ({
  id: 'msg_1',
  agencyId: 'agy_1',
  conversationId: 'cnv_1',
  clientId: 'cli_1',
  direction: 'out',
  channel: 'sms',
  body: 'Hi',
  status: 'queued',
  externalId: null,
  internal: false,
  staffId: 'stf_1',
  outboxId: 'out_1',
  createdAt: 0,
  ...over,
});

const row = (status: 'pending' | 'sending' | 'sent' | 'dead' | 'cancelled', attempts = 1) => ({
  status,
  attempts,
  lastError: null,
  sentAt: null,
});

describe('delivery state', () => {
  it('follows the outbox row of an outgoing message', () => {
    expect(deliveryState(out(), row('pending', 0))).toBe('queued');
    expect(deliveryState(out(), row('pending', 2))).toBe('retrying');
    expect(deliveryState(out(), row('sending'))).toBe('sending');
    expect(deliveryState(out({ status: 'sent' }), row('sent'))).toBe('sent');
    expect(deliveryState(out({ status: 'failed' }), row('dead'))).toBe('dead');
    expect(deliveryState(out(), row('cancelled'))).toBe('cancelled');
  });

  it('prefers a provider receipt, and falls back on the message when the row is gone', () => {
    expect(deliveryState(out({ status: 'read' }), row('sent'))).toBe('read');
    expect(deliveryState(out({ status: 'delivered' }), null)).toBe('delivered');
    expect(deliveryState(out({ status: 'sent' }), null)).toBe('sent');
    expect(deliveryState(out({ status: 'failed' }), null)).toBe('dead');
    expect(deliveryState(out(), null)).toBe('queued');
  });

  it('names incoming messages, notes, and answers that wait in the portal', () => {
    expect(deliveryState(out({ direction: 'in', status: 'received', outboxId: null }), null)).toBe('received');
    expect(deliveryState(out({ internal: true, status: 'internal', outboxId: null }), null)).toBe('internal');
    expect(deliveryState(out({ status: 'sent', outboxId: null }), null)).toBe('portal');
  });
});
