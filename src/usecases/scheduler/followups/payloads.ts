// What a direct message to a caseworker carries for its Slack view: the data as the caseworker
// reads it (names, times already written in their time zone). Checked again when it is posted.
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../../domain/types.ts';

const text = z.string().max(500);
const name = z.string().max(200);
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(500);

export const digestPayloadSchema = z.object({
  staffName: name,
  /** the caseworker's day, e.g. "Monday, March 9" */
  date: text,
  appointments: rows(z.object({ when: text, clientName: name, status: z.enum(APPOINTMENT_STATUSES) })),
  reschedules: rows(z.object({ clientName: name, from: text, to: text })),
  documents: rows(z.object({ clientName: name, kind: text, when: text })),
  unanswered: rows(z.object({ clientName: name, count: z.number().int().min(1), when: text })),
  unreachable: rows(z.object({ clientName: name, channel: z.enum(['sms', 'telegram']), error: text })),
});
export type DigestPayload = z.infer<typeof digestPayloadSchema>;

export const attendancePayloadSchema = z.object({
  classTitle: name,
  /** when the session was, e.g. "Mon, Mar 9, 6:00 PM" */
  when: text,
  enrolled: z.number().int().min(0),
  rsvpYes: z.number().int().min(0),
  rsvpNo: z.number().int().min(0),
  /** enrolled and gave no answer */
  rsvpNone: z.number().int().min(0),
  checkedIn: z.number().int().min(0),
  /** who said they would come and did not check in, by name */
  yesNoShow: rows(name),
});
export type AttendancePayload = z.infer<typeof attendancePayloadSchema>;
