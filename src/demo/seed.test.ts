import { describe, expect, it } from 'vitest';
import { makeCore } from '../../test/support/core.ts';
import { listAppointments } from '../usecases/appointments/list-appointments.ts';
import { seedDemo } from './seed.ts';

describe('seedDemo', () => {
  it('fills an empty database once, with four clients in four languages and time zones', async () => {
    const core = await makeCore();
    const summary = await seedDemo(core);
    expect(summary?.clients.map((c) => c.phone)).toEqual(['+15555550101', '+15555550102', '+15555550103', '+15555550104']);
    expect(new Set(summary?.clients.map((c) => c.language))).toEqual(new Set(['en', 'es', 'ar', 'vi']));
    const scope = { agencyId: summary!.agencyId };
    const clients = await core.store.clients.list(scope);
    expect(new Set(clients.map((c) => c.timeZone)).size).toBe(4);
    expect(await core.store.staff.list(scope)).toHaveLength(2);

    for (const c of clients) {
      const r = await listAppointments(core, { type: 'client', agencyId: scope.agencyId, clientId: c.id, door: 'portal' }, { clientId: c.id });
      expect(r.ok && r.value.upcoming.length).toBeGreaterThan(0);
      expect(r.ok && r.value.past.length).toBeGreaterThan(0);
      expect((await core.store.documents.listRequestsForClient(scope, c.id)).length).toBeGreaterThan(0);
      expect((await core.store.messages.listForClient(scope, c.id)).length).toBeGreaterThan(0);
      expect(await core.store.classes.sessionsForClient(scope, c.id, core.clock.now(), core.clock.now() + 30 * 86_400_000)).not.toHaveLength(0);
    }
    const all = await Promise.all(clients.map((c) => core.store.appointments.listForClient(scope, c.id)));
    expect(all.flat().some((a) => a.providerId !== null)).toBe(true);

    expect(await seedDemo(core)).toBeNull();
    expect(await core.store.clients.list(scope)).toHaveLength(4);
  });
});
