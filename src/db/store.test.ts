import { describe, expect, it } from 'vitest';
import { makeCore } from '../../test/support/core.ts';
import { agencyRow, clientRow, insert } from '../../test/support/fixtures.ts';

describe('store.commit', () => {
  it('applies every write or none: a duplicate key rolls back the writes before it', async () => {
    const core = await makeCore();
    const agency = agencyRow(core);
    await insert(core, core.store.agencies.insert(agency));
    const event = { id: core.ids.newId('inb'), agencyId: agency.id, source: 'twilio', externalId: 'SM1', receivedAt: 1 };
    await insert(core, core.store.inbound.insert(event));
    const client = clientRow(core, agency.id);
    const outcome = await core.store.commit([
      core.store.clients.insert(client),
      core.store.inbound.insert({ ...event, id: core.ids.newId('inb') }),
    ]);
    expect(outcome).toBe('duplicate');
    expect(await core.store.clients.get({ agencyId: agency.id }, client.id)).toBeNull();
    expect(await core.store.inbound.seen('twilio', 'SM1')).toBe(true);
  });

  it('refuses a change whose guarded version moved, and applies nothing of it', async () => {
    const core = await makeCore();
    const agency = agencyRow(core);
    const client = clientRow(core, agency.id);
    await insert(core, core.store.agencies.insert(agency), core.store.clients.insert(client));
    const s = { agencyId: agency.id };
    const other = clientRow(core, agency.id, { displayName: 'Other' });
    expect(await core.store.commit([core.store.clients.insert(other), ...core.store.invitations.consume('missing', 5)])).toBe('conflict');
    expect(await core.store.clients.get(s, other.id)).toBeNull();
  });

  it('lets nothing escape the agency scope', async () => {
    const core = await makeCore();
    const a = agencyRow(core);
    const b = agencyRow(core);
    const client = clientRow(core, a.id);
    await insert(core, core.store.agencies.insert(a), core.store.agencies.insert(b), core.store.clients.insert(client));
    expect(await core.store.clients.get({ agencyId: b.id }, client.id)).toBeNull();
    await insert(core, core.store.clients.update({ agencyId: b.id }, client.id, { displayName: 'Hijacked' }));
    expect((await core.store.clients.get({ agencyId: a.id }, client.id))?.displayName).toBe(client.displayName);
  });

  it('counts rate-limit hits in fixed windows, atomically', async () => {
    const core = await makeCore();
    const hits = await Promise.all([1, 2, 3, 4].map(() => core.store.rateLimits.hit('k', 1_000, 60_000)));
    expect(hits.sort()).toEqual([1, 2, 3, 4]);
    expect(await core.store.rateLimits.hit('k', 61_000, 60_000)).toBe(1);
  });
});
