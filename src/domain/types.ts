// The entities of the domain, as the core sees them. Times are UTC epoch milliseconds.
export type Millis = number;

export const LOCALES = ['en', 'es', 'zh-Hans', 'vi', 'ar', 'ht', 'ru', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export const CLIENT_CHANNEL_KINDS = ['sms', 'telegram', 'portal'] as const;
export type ClientChannelKind = (typeof CLIENT_CHANNEL_KINDS)[number];
/** Where a message can leave the system to. */
export type OutboundChannel = 'sms' | 'telegram' | 'slack';
/** Where an action came from: a door of the product. */
export type Door = 'portal' | 'telegram' | 'sms' | 'slack' | 'cli' | 'scheduler' | 'system';

export interface Agency {
  id: string;
  name: string;
  timeZone: string;
  settings: string;
  /** made-up data seeded by the demo */
  demo?: boolean;
}

export interface WorkingHours {
  days: number[];
  start: number;
  end: number;
}

export interface Staff {
  id: string;
  agencyId: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
  /** the caseworker's own channel for their clients' Slack threads; null: the agency's SLACK_CHANNEL */
  slackChannel: string | null;
  timeZone: string;
  workingHours: string;
  active: boolean;
  /** supervisors get crisis escalations */
  role: 'caseworker' | 'supervisor';
  /** on call for crisis escalations */
  onCall: boolean;
}

export interface Client {
  id: string;
  agencyId: string;
  externalRef: string | null;
  displayName: string;
  language: string;
  timeZone: string;
  staffId: string | null;
  preferredChannel: string | null;
  neutralWording: boolean;
  safeChannels: string | null;
  contactWindowStart: number | null;
  contactWindowEnd: number | null;
  pauseWord: string | null;
  sensitive: boolean;
  /** while set, every message but crisis help is held back (the client's pause word, or the portal) */
  pausedAt: Millis | null;
  /** 'client:<channel>' or 'staff:<id>' */
  pausedBy: string | null;
  createdAt: Millis;
}

export interface ClientChannel {
  id: string;
  agencyId: string;
  clientId: string;
  kind: ClientChannelKind;
  address: string;
  verified: boolean;
  consentGivenAt: Millis | null;
  consentWithdrawnAt: Millis | null;
}

export interface Provider {
  id: string;
  agencyId: string;
  name: string;
  kind: 'clinic' | 'court' | 'employment' | 'housing' | 'other';
  address: string | null;
  phone: string | null;
}

export interface AvailabilityRule {
  id: string;
  agencyId: string;
  staffId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  location: string | null;
}

export const APPOINTMENT_STATUSES = [
  'scheduled',
  'confirmed',
  'reschedule_requested',
  'rescheduled',
  'cancelled',
  'attended',
  'missed',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Appointment {
  id: string;
  agencyId: string;
  clientId: string;
  staffId: string | null;
  providerId: string | null;
  externalRef: string | null;
  kind: string;
  startsAt: Millis;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  whatToBring: string | null;
  status: AppointmentStatus;
  statusBeforeRequest: string | null;
  requestedStartsAt: Millis | null;
  rescheduleCount: number;
  cancelReason: string | null;
  confirmedAt: Millis | null;
  sensitive: boolean;
  version: number;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface ClassSeries {
  id: string;
  agencyId: string;
  staffId: string | null;
  title: string;
  description: string | null;
  location: string | null;
  sensitive: boolean;
}

export interface ClassSession {
  id: string;
  agencyId: string;
  classId: string;
  startsAt: Millis;
  endsAt: Millis;
  location: string | null;
  checkinCode: string;
}

export interface Enrollment {
  id: string;
  agencyId: string;
  classId: string;
  clientId: string;
  status: 'active' | 'withdrawn' | 'completed';
}

export interface Attendance {
  id: string;
  agencyId: string;
  sessionId: string;
  clientId: string;
  rsvp: 'yes' | 'no' | null;
  rsvpAt: Millis | null;
  checkedInAt: Millis | null;
  checkinMethod: 'code' | 'staff' | null;
  staffMark: 'attended' | 'absent' | null;
  markedBy: string | null;
  verified: boolean;
  updatedAt: Millis;
}

export type DocumentRequestStatus = 'requested' | 'uploaded' | 'accepted' | 'rejected';

export interface DocumentRequest {
  id: string;
  agencyId: string;
  clientId: string;
  staffId: string | null;
  kind: string;
  note: string | null;
  dueAt: Millis | null;
  status: DocumentRequestStatus;
  rejectionReason: string | null;
  version: number;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface StoredDocument {
  id: string;
  agencyId: string;
  clientId: string;
  requestId: string | null;
  blobKey: string;
  sha256: string;
  detectedType: string;
  size: number;
  channel: string;
  uploadedBy: string;
  createdAt: Millis;
}

export interface Conversation {
  id: string;
  agencyId: string;
  clientId: string;
  staffId: string | null;
  slackThreadTs: string | null;
  /** the channel that thread is in; null: the agency's SLACK_CHANNEL */
  slackChannel: string | null;
  lastInboundAt: Millis | null;
  lastOutboundAt: Millis | null;
  /** when the client last opened the conversation: caseworker messages after it are unread */
  clientReadAt: Millis | null;
}

export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'internal';

export interface Message {
  id: string;
  agencyId: string;
  conversationId: string;
  clientId: string;
  direction: 'in' | 'out';
  channel: string;
  body: string;
  status: MessageStatus;
  externalId: string | null;
  internal: boolean;
  staffId: string | null;
  outboxId: string | null;
  createdAt: Millis;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'cancelled';

export interface OutboxItem {
  id: string;
  agencyId: string;
  clientId: string | null;
  staffId: string | null;
  channel: OutboundChannel;
  toAddress: string;
  template: string;
  text: string;
  payload: string;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Millis;
  lockedUntil: Millis | null;
  lastError: string | null;
  externalId: string | null;
  sender: string | null;
  createdAt: Millis;
  sentAt: Millis | null;
}

export type ActorType = 'client' | 'staff' | 'admin' | 'system';

export interface AuditEntry {
  id: string;
  agencyId: string;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  clientId: string | null;
  channel: string;
  at: Millis;
}
