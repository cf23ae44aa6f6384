// After a class session, a direct message to the class's caseworker: how many are enrolled, what
// they answered (yes, no, nothing), how many checked in, and who said yes but did not check in.
// The words are the staff notices' own (`staff.attendance.*`).
import type { AttendancePayload } from '../../../src/usecases/scheduler/followups/payloads.ts';
import type { Translate } from '../../../src/ports/translator.ts';
import { context, fallback, fields, section } from './blocks.ts';
import { escapeMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { SlackMessage } from './types.ts';

/** At most this many names of those who said yes and did not come; then "and N more". */
export const MAX_YES_NO_SHOW_NAMES = 40;

const md = (tx: Texts, key: string, vars: Record<string, string | number> = {}) => escapeMrkdwn(tx.raw(`staff.attendance.${key}`, vars));

export const attendanceReport = (t: Translate, d: AttendancePayload, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const names = d.yesNoShow.slice(0, MAX_YES_NO_SHOW_NAMES).map(escapeMrkdwn);
  const more = d.yesNoShow.length - names.length;
  const noShows = names.length ? names.join(', ') + (more > 0 ? ` ${md(tx, 'more', { count: more })}` : '') : `_${md(tx, 'nobody')}_`;
  const vars = { class: d.classTitle, when: d.when, enrolled: d.enrolled, checkedIn: d.checkedIn, yesNoShow: d.yesNoShow.length };
  return {
    text: fallback(escapeMrkdwn(tx.raw('staff.attendance_summary', vars))),
    blocks: [
      section(`:clipboard: *${md(tx, 'title', { class: d.classTitle })}*`),
      context(escapeMrkdwn(d.when)),
      fields([
        [md(tx, 'enrolled'), String(d.enrolled)],
        [md(tx, 'checked_in'), String(d.checkedIn)],
        [md(tx, 'rsvp_yes'), String(d.rsvpYes)],
        [md(tx, 'rsvp_no'), String(d.rsvpNo)],
        [md(tx, 'rsvp_none'), String(d.rsvpNone)],
        [md(tx, 'yes_no_show'), String(d.yesNoShow.length)],
      ]),
      section(`*${md(tx, 'yes_no_show')}*\n${noShows}`),
    ],
  };
};
