// Demo data for an empty database: one agency, two caseworkers, four clients in four languages
// and time zones, with appointments, a class, document requests and short conversations.
// Runtime-neutral: the Node entry and the Worker both call it.
import { attestedChannel, newClient } from '../domain/new-client.ts';
import { addLocalDays, localParts, zonedToUtc } from '../domain/time.ts';
import type { Millis } from '../domain/types.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/ids.ts';
import type { Store, Write } from '../ports/store.ts';
import { DEMO_AGENCY, DEMO_CLIENTS, DEMO_OFFICE_PHONE, DEMO_PROVIDERS, DEMO_STAFF } from './people.ts';

export interface DemoSummary {
  agencyId: string;
  clients: { name: string; phone: string; language: string }[];
}

/** `days` from today, at `hh:mm` on the wall clock of `tz`. */
const at = (now: Millis, tz: string, days: number, hh: number, mm = 0): Millis => {
  const p = localParts(now, tz);
  return zonedToUtc(addLocalDays({ year: p.year, month: p.month, day: p.day }, days), hh * 60 + mm, tz);
};

const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const checkinCode = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
};

export const seedDemo = async (deps: { store: Store; ids: IdGenerator; clock: Clock }): Promise<DemoSummary | null> => {
  const { store, ids } = deps;
  if ((await store.agencies.list()).length > 0) return null;
  const now = deps.clock.now();
  const w: Write[] = [];
  const agencyId = ids.newId('agy');
  w.push(store.agencies.insert({ id: agencyId, ...DEMO_AGENCY, settings: JSON.stringify({ publicPhone: DEMO_OFFICE_PHONE, checkinOpensMinutesBefore: 90 }), demo: true, createdAt: now }));

  const staffIds = new Map<string, string>();
  for (const s of DEMO_STAFF) {
    const id = ids.newId('stf');
    staffIds.set(s.key, id);
    const workingHours = JSON.stringify({ days: [1, 2, 3, 4, 5], start: 9 * 60, end: 17 * 60 });
    w.push(store.staff.insert({ id, agencyId, name: s.name, email: s.email, slackUserId: null, slackChannel: null, timeZone: s.timeZone, workingHours, active: true, role: s.role, onCall: s.onCall, createdAt: now }));
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (const [start, end] of [[9 * 60, 12 * 60], [13 * 60, 16 * 60]] as const) {
        w.push(store.availability.insert({ id: ids.newId('avl'), agencyId, staffId: id, weekday, startMinute: start, endMinute: end, location: '12 Main Street, Room 3', createdAt: now }));
      }
    }
  }

  const providerIds = new Map<string, string>();
  for (const p of DEMO_PROVIDERS) {
    const id = ids.newId('prv');
    providerIds.set(p.key, id);
    w.push(store.providers.insert({ id, agencyId, name: p.name, kind: p.kind, address: p.address, phone: null, createdAt: now }));
  }

  const classId = ids.newId('cls');
  w.push(store.classes.insertSeries({ id: classId, agencyId, staffId: staffIds.get('dana')!, title: 'Parenting Together', description: 'Six weekly evenings on routines, calm and play.', location: 'Community Room, 12 Main Street', sensitive: false, createdAt: now }));
  const sessions = [-14, -7, 0, 7, 14, 21].map((days) => {
    // Today's session starts an hour from now, so check-in can be tried right away.
    const startsAt = days === 0 ? now + 60 * 60_000 : at(now, DEMO_AGENCY.timeZone, days, 18);
    return { id: ids.newId('ses'), startsAt, endsAt: startsAt + 90 * 60_000, code: checkinCode() };
  });
  for (const s of sessions) {
    w.push(store.classes.insertSession({ id: s.id, agencyId, classId, startsAt: s.startsAt, endsAt: s.endsAt, location: null, checkinCode: s.code, createdAt: now }));
  }

  for (const [i, c] of DEMO_CLIENTS.entries()) {
    const clientId = ids.newId('cli');
    const staffId = staffIds.get(c.staff)!;
    w.push(store.clients.insert(newClient({ id: clientId, agencyId, externalRef: c.ref, displayName: c.name, language: c.language, timeZone: c.timeZone, staffId, preferredChannel: 'sms', neutralWording: c.neutral, sensitive: c.sensitive, createdAt: now })));
    for (const kind of ['sms', 'portal'] as const) {
      w.push(store.channels.insert(attestedChannel({ id: clientId, agencyId }, { id: ids.newId('chn'), kind, address: c.phone, at: now })));
    }
    const appt = (over: { startsAt: Millis; status: 'scheduled' | 'confirmed' | 'attended'; kind: string; providerId?: string; location: string; whatToBring?: string; sensitive?: boolean }) =>
      store.appointments.insert({ id: ids.newId('apt'), agencyId, clientId, staffId: over.providerId ? null : staffId, providerId: over.providerId ?? null, externalRef: null, kind: over.kind, startsAt: over.startsAt, durationMinutes: 60, location: over.location, videoUrl: null, whatToBring: over.whatToBring ?? null, status: over.status, statusBeforeRequest: null, requestedStartsAt: null, rescheduleCount: 0, cancelReason: null, confirmedAt: over.status === 'confirmed' ? now : null, sensitive: over.sensitive ?? false, version: 1, createdAt: now, updatedAt: now });
    w.push(appt({ startsAt: at(now, c.timeZone, -10 - i, 10), status: 'attended', kind: 'Check-in meeting', location: '12 Main Street, Room 3' }));
    w.push(appt({ startsAt: at(now, c.timeZone, 3 + i, 10), status: i === 0 ? 'confirmed' : 'scheduled', kind: 'Check-in meeting', location: '12 Main Street, Room 3', whatToBring: 'Photo ID' }));
    w.push(appt({ startsAt: at(now, c.timeZone, 12 + i, 14, 30), status: 'scheduled', kind: 'Case plan review', location: '12 Main Street, Room 3' }));
    if (c.key === 'alex') w.push(appt({ startsAt: at(now, c.timeZone, 6, 9, 30), status: 'scheduled', kind: 'Health screening', providerId: providerIds.get('clinic')!, location: '88 Elm Street', whatToBring: 'Insurance card' }));
    if (c.key === 'maria') w.push(appt({ startsAt: at(now, c.timeZone, 9, 9), status: 'scheduled', kind: 'Hearing', providerId: providerIds.get('court')!, location: '400 Justice Way, Courtroom 2B', sensitive: true }));

    w.push(store.classes.insertEnrollment({ id: ids.newId('enr'), agencyId, classId, clientId, status: 'active', createdAt: now }));
    for (const [k, s] of sessions.slice(0, 2).entries()) {
      const came = (i + k) % 3 !== 2;
      w.push(store.classes.upsertAttendance({ id: ids.newId('att'), agencyId, sessionId: s.id, clientId, rsvp: 'yes', rsvpAt: s.startsAt - 86_400_000, checkedInAt: came ? s.startsAt + 5 * 60_000 : null, checkinMethod: came ? 'code' : null, staffMark: came ? null : 'absent', markedBy: came ? null : staffId, verified: came, updatedAt: s.endsAt }));
    }

    const req = (kind: string, dueDays: number | null, status: 'requested' | 'rejected' = 'requested', reason: string | null = null) =>
      store.documents.insertRequest({ id: ids.newId('drq'), agencyId, clientId, staffId, kind, note: null, dueAt: dueDays === null ? null : at(now, c.timeZone, dueDays, 17), status, rejectionReason: reason, version: 1, createdAt: now, updatedAt: now });
    w.push(req('Recent pay stub', 5));
    if (i % 2 === 0) w.push(req('Signed lease', 10));
    if (c.key === 'layla') w.push(req('Photo ID', 2, 'rejected', 'The photo is blurry; please take it again in good light.'));

    const conversationId = ids.newId('cnv');
    w.push(store.conversations.insert({ id: conversationId, agencyId, clientId, staffId, slackThreadTs: null, slackChannel: null, lastInboundAt: now - 2 * 3600_000, lastOutboundAt: now - 3600_000, clientReadAt: null, createdAt: now }));
    for (const [k, m] of c.messages.entries()) {
      const createdAt = now - (2 - k) * 3600_000;
      w.push(store.messages.insert({ id: ids.newId('msg'), agencyId, conversationId, clientId, direction: m.dir, channel: 'sms', body: m.body, status: m.dir === 'in' ? 'received' : 'delivered', externalId: null, internal: false, staffId: m.dir === 'out' ? staffId : null, outboxId: null, createdAt }));
    }
  }

  const outcome = await store.commit(w);
  if (outcome !== 'ok') throw new Error(`demo seed failed: ${outcome}`);
  return { agencyId, clients: DEMO_CLIENTS.map((c) => ({ name: c.name, phone: c.phone, language: c.language })) };
};
