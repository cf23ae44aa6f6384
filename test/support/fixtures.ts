// Small builders for test data: each returns a full row with sensible defaults, and `world()`
// seeds one agency with a caseworker and two clients, so every test can try the other's ids.
import { newClient } from '../../src/domain/new-client.ts';
import type {
  Agency,
  Appointment,
  AvailabilityRule,
  ClassSeries,
  ClassSession,
  Client,
  ClientChannel,
  DocumentRequest,
  Staff,
} from '../../src/domain/types.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Write } from '../../src/ports/store.ts';
import type { TestCore } from './core.ts';

export const insert = async (core: TestCore, ...writes: Write[]) => {
  const outcome = await core.store.commit(writes);
  if (outcome !== 'ok') throw new Error(`fixture insert failed: ${outcome}`);
};

export const agencyRow = (core: TestCore, over: Partial<Agency> = {}): Agency & { createdAt: number } => ({
  id: core.ids.newId('agy'),
  name: 'Riverside Family Services',
  timeZone: 'America/New_York',
  settings: '{}',
  createdAt: core.clock.now(),
  ...over,
});

export const staffRow = (core: TestCore, agencyId: string, over: Partial<Staff> = {}): Staff & { createdAt: number } => ({
  id: core.ids.newId('stf'),
  agencyId,
  name: 'Dana Whitfield',
  email: `dana-${Math.random().toString(36).slice(2, 8)}@example.org`,
  slackUserId: null,
  slackChannel: null,
  timeZone: 'America/New_York',
  workingHours: JSON.stringify({ days: [1, 2, 3, 4, 5], start: 540, end: 1020 }),
  active: true,
  role: 'caseworker',
  onCall: false,
  createdAt: core.clock.now(),
  ...over,
});

export const clientRow = (core: TestCore, agencyId: string, over: Partial<Client> = {}): Client => ({
  ...newClient({ id: core.ids.newId('cli'), agencyId, displayName: 'Alex Rivera', language: 'en', timeZone: 'America/New_York', preferredChannel: 'sms', createdAt: core.clock.now() }),
  ...over,
});

export const channelRow = (
  core: TestCore,
  client: Client,
  over: Partial<ClientChannel> = {},
): ClientChannel & { createdAt: number } => ({
  id: core.ids.newId('chn'),
  agencyId: client.agencyId,
  clientId: client.id,
  kind: 'sms',
  address: `+1555555${Math.floor(1000 + Math.random() * 8999)}`,
  verified: true,
  consentGivenAt: core.clock.now(),
  consentWithdrawnAt: null,
  createdAt: core.clock.now(),
  ...over,
});

export const availabilityRow = (
  core: TestCore,
  staff: Staff,
  over: Partial<AvailabilityRule> = {},
): AvailabilityRule & { createdAt: number } => ({
  id: core.ids.newId('avl'),
  agencyId: staff.agencyId,
  staffId: staff.id,
  weekday: 1,
  startMinute: 9 * 60,
  endMinute: 12 * 60,
  location: null,
  createdAt: core.clock.now(),
  ...over,
});

export const appointmentRow = (core: TestCore, client: Client, over: Partial<Appointment> = {}): Appointment => ({
  id: core.ids.newId('apt'),
  agencyId: client.agencyId,
  clientId: client.id,
  staffId: client.staffId,
  providerId: null,
  externalRef: null,
  kind: 'check_in',
  startsAt: core.clock.now() + 3 * 24 * 3600_000,
  durationMinutes: 60,
  location: '12 Main St, Room 3',
  videoUrl: null,
  whatToBring: 'Photo ID',
  status: 'scheduled',
  statusBeforeRequest: null,
  requestedStartsAt: null,
  rescheduleCount: 0,
  cancelReason: null,
  confirmedAt: null,
  sensitive: false,
  version: 1,
  createdAt: core.clock.now(),
  updatedAt: core.clock.now(),
  ...over,
});

export const classRow = (core: TestCore, agencyId: string, over: Partial<ClassSeries> = {}): ClassSeries & { createdAt: number } => ({
  id: core.ids.newId('cls'),
  agencyId,
  staffId: null,
  title: 'Parenting Together',
  description: null,
  location: 'Community room',
  sensitive: false,
  createdAt: core.clock.now(),
  ...over,
});

export const sessionRow = (
  core: TestCore,
  series: ClassSeries,
  over: Partial<ClassSession> = {},
): ClassSession & { createdAt: number } => ({
  id: core.ids.newId('ses'),
  agencyId: series.agencyId,
  classId: series.id,
  startsAt: core.clock.now() + 2 * 3600_000,
  endsAt: core.clock.now() + 4 * 3600_000,
  location: null,
  checkinCode: 'K7P2Q',
  createdAt: core.clock.now(),
  ...over,
});

export const documentRequestRow = (core: TestCore, client: Client, over: Partial<DocumentRequest> = {}): DocumentRequest => ({
  id: core.ids.newId('drq'),
  agencyId: client.agencyId,
  clientId: client.id,
  staffId: client.staffId,
  kind: 'Pay stub',
  note: null,
  dueAt: core.clock.now() + 7 * 24 * 3600_000,
  status: 'requested',
  rejectionReason: null,
  version: 1,
  createdAt: core.clock.now(),
  updatedAt: core.clock.now(),
  ...over,
});

export interface World {
  agency: Agency;
  scope: { agencyId: string };
  staff: Staff;
  alice: Client;
  bob: Client;
  aliceSms: ClientChannel;
  asAlice: Actor;
  asBob: Actor;
  asStaff: Actor;
}

/** One agency, one caseworker (Mon 9–12 availability), two clients with verified SMS. */
export const world = async (core: TestCore, opts: { settings?: object; staff?: Partial<Staff> } = {}): Promise<World> => {
  const agency = agencyRow(core, { settings: JSON.stringify(opts.settings ?? {}) });
  const staff = staffRow(core, agency.id, opts.staff);
  const alice = clientRow(core, agency.id, { displayName: 'Alice Moreno', staffId: staff.id });
  const bob = clientRow(core, agency.id, { displayName: 'Bob Tran', staffId: staff.id, language: 'vi' });
  const aliceSms = channelRow(core, alice, { address: '+15555550101' });
  await insert(
    core,
    core.store.agencies.insert(agency),
    core.store.staff.insert(staff),
    core.store.clients.insert(alice),
    core.store.clients.insert(bob),
    core.store.channels.insert(aliceSms),
    core.store.channels.insert(channelRow(core, bob, { address: '+15555550102' })),
    core.store.availability.insert(availabilityRow(core, staff)),
  );
  return {
    agency,
    scope: { agencyId: agency.id },
    staff,
    alice,
    bob,
    aliceSms,
    asAlice: { type: 'client', agencyId: agency.id, clientId: alice.id, door: 'portal' },
    asBob: { type: 'client', agencyId: agency.id, clientId: bob.id, door: 'portal' },
    asStaff: { type: 'staff', agencyId: agency.id, staffId: staff.id, door: 'slack' },
  };
};

/** The first bytes of each kind of file we accept (and of some we refuse), for upload tests. */
export const FILE_HEADS = {
  pdf: [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)),
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d],
  // ISO-BMFF: box size, "ftyp", major brand "heic"
  heic: [0x00, 0x00, 0x00, 0x18, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0x00, 0x00, 0x00, 0x00],
  // "RIFF", little-endian size, "WEBP", "VP8 "
  webp: [...'RIFF'].map((c) => c.charCodeAt(0)).concat([0x24, 0x00, 0x00, 0x00], [...'WEBPVP8 '].map((c) => c.charCodeAt(0))),
  html: [...'<!DOCTYPE html><html><body>'].map((c) => c.charCodeAt(0)),
} as const;

/** A small file of `size` bytes that starts like a real file of that kind, padded with a fill byte. */
export const sampleFile = (kind: keyof typeof FILE_HEADS, size = 256, fill = 0x20): Uint8Array => {
  const head = FILE_HEADS[kind];
  const bytes = new Uint8Array(Math.max(size, head.length)).fill(fill);
  bytes.set(head);
  return bytes;
};

type DomainEnrollment = import('../../src/domain/types.ts').Enrollment;
type DomainAttendance = import('../../src/domain/types.ts').Attendance;

export const enrollmentRow = (
  core: TestCore,
  series: ClassSeries,
  client: Client,
  over: Partial<DomainEnrollment & { createdAt: number }> = {},
): DomainEnrollment & { createdAt: number } => ({
  id: core.ids.newId('enr'),
  agencyId: series.agencyId,
  classId: series.id,
  clientId: client.id,
  status: 'active',
  createdAt: core.clock.now(),
  ...over,
});

export const attendanceRow = (
  core: TestCore,
  session: ClassSession,
  client: Client,
  over: Partial<DomainAttendance> = {},
): DomainAttendance => ({
  id: core.ids.newId('att'),
  agencyId: session.agencyId,
  sessionId: session.id,
  clientId: client.id,
  rsvp: null,
  rsvpAt: null,
  checkedInAt: null,
  checkinMethod: null,
  staffMark: null,
  markedBy: null,
  verified: false,
  updatedAt: core.clock.now(),
  ...over,
});

type OutboxRow = import('../../src/domain/types.ts').OutboxItem;

/** An outbox row due now, to a client's SMS number, as clientNoticeWrite would queue it. */
export const outboxRow = (core: TestCore, client: Client, over: Partial<OutboxRow> = {}): OutboxRow => {
  const id = over.id ?? core.ids.newId('out');
  return {
    id,
    agencyId: client.agencyId,
    clientId: client.id,
    staffId: null,
    channel: 'sms',
    toAddress: '+15555550101',
    template: 'notify.staff_reply',
    text: 'Dana: See you Monday.',
    payload: '{}',
    idempotencyKey: `test:${id}`,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: core.clock.now(),
    lockedUntil: null,
    lastError: null,
    externalId: null,
    sender: null,
    createdAt: core.clock.now(),
    sentAt: null,
    ...over,
  };
};

type ProviderRow = import('../../src/domain/types.ts').Provider & { createdAt: number };

/** Another office a client may have an appointment with (clinic, court…). */
export const providerRow = (core: TestCore, agencyId: string, over: Partial<ProviderRow> = {}): ProviderRow => ({
  id: core.ids.newId('prv'),
  agencyId,
  name: 'Eastside Health Clinic',
  kind: 'clinic',
  address: '40 Elm St',
  phone: null,
  createdAt: core.clock.now(),
  ...over,
});
