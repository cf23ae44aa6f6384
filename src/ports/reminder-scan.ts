// What the reminder jobs read each tick, across the agency's clients: only what may be due, each
// row with its client, the client's channels and the moments already recorded for it, in one query
// per kind of subject (no query per row: a tick may have to queue a hundred thousand reminders).
import type { Appointment, ClassSeries, ClassSession, Client, ClientChannel, DocumentRequest, Millis } from '../domain/types.ts';
import type { Scope } from './store.ts';

/**
 * One reminder offset of a kind of event: events starting in (from, to] whose reminder
 * `<offsetKey>@<startsAt>` is not recorded yet (see the `reminders` table) may be due.
 */
export interface ScanWindow {
  /** 'm1440': the moment's key without the event's start, which the query appends */
  offsetKey: string;
  from: Millis;
  to: Millis;
}

interface Found {
  client: Client;
  /** the client's channels (consent and safety are the caller's to check) */
  channels: ClientChannel[];
  /** offset keys already recorded for this subject, whatever the channel */
  done: string[];
}

export interface DueAppointment extends Found {
  appointment: Appointment;
}

export interface DueSession extends Found {
  session: ClassSession;
  series: ClassSeries;
  /** the client's RSVP so far: never 'no' (a client who said they cannot come is not reminded) */
  rsvp: 'yes' | null;
}

export interface DueDocumentRequest extends Found {
  request: DocumentRequest & { dueAt: Millis };
}

/**
 * One page of a scan, in its order: at most `limit` rows after the cursor (the last row of the
 * page before: its time, its id, and for sessions the client's id). A tick reads page by page, so
 * its memory stays bounded however many reminders come due at once.
 */
export interface ScanPage {
  limit: number;
  after?: { at: Millis; id: string; id2?: string } | undefined;
}

export interface ReminderScanRepo {
  /** Scheduled, confirmed or rescheduled (moved) appointments in any window, soonest first. */
  appointments(s: Scope, windows: ScanWindow[], page?: ScanPage): Promise<DueAppointment[]>;
  /**
   * Sessions in any window, one row per actively enrolled client who has not answered 'no'; a
   * row's subject (in `reminders`) is `<sessionId>:<clientId>`.
   */
  sessions(s: Scope, windows: ScanWindow[], page?: ScanPage): Promise<DueSession[]>;
  /**
   * Open requests (requested, or rejected and to be sent again) with a due date at or before
   * `dueBefore`, leaving out those whose next moment cannot have come: for their current due date,
   * the moment before the due date was recorded after `beforeSince`, or the due date's or an
   * overdue one after `laterSince`.
   */
  documentRequests(s: Scope, q: { dueBefore: Millis; beforeSince: Millis; laterSince: Millis }, page?: ScanPage): Promise<DueDocumentRequest[]>;
}
