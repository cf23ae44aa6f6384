import { describe, expect, it } from 'vitest';
import { makeCore } from '../../../test/support/core.ts';

describe('the channel delivery log', () => {
  it('finds nothing for a key never delivered', async () => {
    const core = await makeCore();
    expect(await core.store.deliveries.find('staff_reply:nope')).toBeNull();
  });

  it('records a delivery once: a second record of the same key keeps the first', async () => {
    const core = await makeCore();
    const key = 'staff_reply:cli-1:r1';
    await core.store.deliveries.record({ idempotencyKey: key, channel: 'telegram', externalId: '41', sentAt: 1 });
    await core.store.deliveries.record({ idempotencyKey: key, channel: 'telegram', externalId: '42', sentAt: 2 });
    expect(await core.store.deliveries.find(key)).toEqual({ externalId: '41' });
  });

  it('keeps a delivery the provider gave no id for', async () => {
    const core = await makeCore();
    await core.store.deliveries.record({ idempotencyKey: 'k', channel: 'sms', externalId: null, sentAt: 1 });
    expect(await core.store.deliveries.find('k')).toEqual({ externalId: null });
  });
});
