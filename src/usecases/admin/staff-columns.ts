// The columns of a staff file, the parsers of the cells only a staff file has, and the zod schema
// of one row.
import { z } from 'zod';
import { type Cell, cell, oneOf, requiredCell, text, timeZone, yesNo } from './cells.ts';

export const STAFF_COLUMNS = [
  'email',
  'name',
  'time_zone',
  'working_days',
  'working_hours',
  'slack_user_id',
  'slack_channel',
  'role',
  'on_call',
  'active',
] as const;

export const STAFF_REQUIRED_COLUMNS = ['email', 'name'] as const;

export const STAFF_ROLES = ['caseworker', 'supervisor'] as const;

/** An address with one @ and something on each side, stored in lower case (it is the row's key). */
export const staffEmail = (raw: string): Cell<string> => {
  if (raw.length > 254) return { reason: 'too_long', vars: { max: 254 } };
  return /^[^\s@]+@[^\s@]+$/.test(raw) ? { value: raw.toLowerCase() } : { reason: 'bad_email' };
};

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** An ISO weekday (1 = Monday) from `Mon`, `Tues`, `thursday`…: at least three letters of the name. */
const dayOf = (token: string): number | null => {
  const t = token.trim().toLowerCase();
  const i = t.length >= 3 ? DAYS.findIndex((d) => d.startsWith(t)) : -1;
  return i < 0 ? null : i + 1;
};

/**
 * The days someone works: days and ranges separated by commas (`Mon-Fri`, `Mon,Tue,Thu`,
 * `Mon-Wed, Fri`); a range may wrap round the week (`Sun-Thu`). As ISO weekdays, in order.
 */
export const workingDays = (raw: string): Cell<number[]> => {
  const days = new Set<number>();
  for (const part of raw.split(',')) {
    const ends = part.split(/[-–]/);
    const [from, to] = ends.map(dayOf);
    if (ends.length > 2 || !from || (ends.length === 2 && !to)) return { reason: 'bad_working_days' };
    const last = to ?? from;
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === last) break;
    }
  }
  return { value: [...days].sort((a, b) => a - b) };
};

/** `09:00-17:00`: the start and end of the working day as minutes after midnight (an end of 24:00 is midnight). */
export const workingHours = (raw: string): Cell<{ start: number; end: number }> => {
  const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(raw);
  if (!m) return { reason: 'bad_working_hours' };
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (m1 > 59 || m2 > 59 || start >= end || end > 24 * 60) return { reason: 'bad_working_hours' };
  return { value: { start, end } };
};

/** A Slack id of the given shape (Slack's ids are upper case; a lower-case copy is taken as meant). */
const slackId =
  (shape: RegExp, reason: string) =>
  (raw: string): Cell<string> => {
    const id = raw.toUpperCase();
    return shape.test(id) ? { value: id } : { reason };
  };

/** A Slack member id, like U0123ABCD. */
export const slackUserId = slackId(/^[UW][A-Z0-9]{2,20}$/, 'bad_slack_user');
/** A Slack channel id (public C…, private G…), like C0123ABCD. */
export const slackChannelId = slackId(/^[CG][A-Z0-9]{2,20}$/, 'bad_slack_channel');

export const staffRowSchema = z.object({
  email: requiredCell(staffEmail),
  name: requiredCell(text(120)),
  time_zone: cell(timeZone),
  working_days: cell(workingDays),
  working_hours: cell(workingHours),
  slack_user_id: cell(slackUserId),
  slack_channel: cell(slackChannelId),
  role: cell(oneOf(STAFF_ROLES, 'bad_role')),
  on_call: cell(yesNo),
  active: cell(yesNo),
});

export type StaffRowData = z.output<typeof staffRowSchema>;
