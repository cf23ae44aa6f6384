// The bench's starting data: one agency, one caseworker, 10 clients each with a conversation,
// and 50 appointments (5 per client), written through the Store like any other change.
import type { Store } from '../src/ports/store.ts';
import { randomIds } from '../src/runtime/random-ids.ts';

export const CLIENTS = 10;
export const APPOINTMENTS_PER_CLIENT = 5;

export interface Seeded {
  scope: { agencyId: string };
  t0: number;
  staffId: string;
  clients: { id: string }[];
  conversations: { id: string }[];
  appointments: { id: string; version: number }[];
}

export const seed = async (store: Store): Promise<Seeded> => {
  const ids = randomIds();
  const t0 = Date.UTC(2026, 2, 2, 14);
  const agencyId = ids.newId('agy');
  const staffId = ids.newId('stf');
  const writes = [
    store.agencies.insert({ id: agencyId, name: 'Riverside Family Services', timeZone: 'America/New_York', settings: '{}', createdAt: t0 }),
    store.staff.insert({
      id: staffId, agencyId, name: 'Dana Whitfield', email: 'dana@example.org', slackUserId: 'U0DANA', slackChannel: null, timeZone: 'America/New_York',
      workingHours: JSON.stringify({ days: [1, 2, 3, 4, 5], start: 540, end: 1020 }), active: true, role: 'caseworker', onCall: false, createdAt: t0,
    }),
  ];
  const clients: Seeded['clients'] = [];
  const conversations: Seeded['conversations'] = [];
  const appointments: Seeded['appointments'] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const clientId = ids.newId('cli');
    const conversationId = ids.newId('cnv');
    clients.push({ id: clientId });
    conversations.push({ id: conversationId });
    writes.push(
      store.clients.insert({
        id: clientId, agencyId, externalRef: `CASE-${1000 + c}`, displayName: `Client ${c}`, language: 'en',
        timeZone: 'America/New_York', staffId, preferredChannel: 'sms', neutralWording: c % 3 === 0, safeChannels: null,
        contactWindowStart: null, contactWindowEnd: null, pauseWord: null, sensitive: false, pausedAt: null, pausedBy: null, createdAt: t0,
      }),
      store.conversations.insert({
        id: conversationId, agencyId, clientId, staffId, slackThreadTs: null, slackChannel: null, lastInboundAt: null, lastOutboundAt: null, clientReadAt: null, createdAt: t0,
      }),
    );
    for (let a = 0; a < APPOINTMENTS_PER_CLIENT; a++) {
      const id = ids.newId('apt');
      appointments.push({ id, version: 1 });
      writes.push(
        store.appointments.insert({
          id, agencyId, clientId, staffId, providerId: null, externalRef: null, kind: 'check_in',
          startsAt: t0 + (a + 1) * 7 * 24 * 3600_000, durationMinutes: 60, location: '12 Main St, Room 3', videoUrl: null,
          whatToBring: 'Photo ID', status: 'scheduled', statusBeforeRequest: null, requestedStartsAt: null, rescheduleCount: 0,
          cancelReason: null, confirmedAt: null, sensitive: false, version: 1, createdAt: t0, updatedAt: t0,
        }),
      );
    }
  }
  const outcome = await store.commit(writes);
  if (outcome !== 'ok') throw new Error(`seed failed: ${outcome}`);
  return { scope: { agencyId }, t0, staffId, clients, conversations, appointments };
};
