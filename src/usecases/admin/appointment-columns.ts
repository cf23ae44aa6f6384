// The columns of an appointments file and the zod schema of one row.
import { z } from 'zod';
import { cell, dateTime, email, httpsUrl, oneOf, requiredCell, text, wholeNumber, yesNo } from './cells.ts';

export const APPOINTMENT_COLUMNS = [
  'appointment_ref',
  'case_number',
  'starts_at',
  'duration_minutes',
  'kind',
  'staff_email',
  'provider',
  'location',
  'video_url',
  'what_to_bring',
  'status',
  'sensitive',
] as const;

export const APPOINTMENT_REQUIRED_COLUMNS = ['appointment_ref', 'case_number', 'starts_at', 'kind'] as const;

/** The statuses a file may set; the reschedule states belong to the client's requests. */
export const IMPORT_STATUSES = ['scheduled', 'confirmed', 'cancelled', 'attended', 'missed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const DEFAULT_DURATION_MINUTES = 60;

export const appointmentRowSchema = z.object({
  appointment_ref: requiredCell(text(64)),
  case_number: requiredCell(text(64)),
  starts_at: requiredCell(dateTime),
  duration_minutes: cell(wholeNumber(5, 480)),
  kind: requiredCell(text(80)),
  staff_email: cell(email),
  provider: cell(text(120)),
  location: cell(text(200)),
  video_url: cell(httpsUrl),
  what_to_bring: cell(text(200)),
  status: cell(oneOf(IMPORT_STATUSES, 'bad_status')),
  sensitive: cell(yesNo),
});

export type AppointmentRowData = z.output<typeof appointmentRowSchema>;
