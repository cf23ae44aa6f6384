// The follow-ups in a client's thread: an appointment the client missed (with "They came after
// all" for a caseworker who forgot to mark it), the same card once corrected, a message waiting
// too long for an answer, and a number or chat that keeps failing. Their words are the staff
// notices' own (`staff.*`); what the client wrote is never shown here. Then the direct messages to
// a caseworker (the morning digest, a class's attendance), read from their payload.
import type { ClientChannelKind } from '../../../src/domain/types.ts';
import type { Translate } from '../../../src/ports/translator.ts';
import { attendancePayloadSchema, digestPayloadSchema } from '../../../src/usecases/scheduler/followups/payloads.ts';
import { attendanceReport } from './attendance.ts';
import { dailyDigest } from './digest.ts';
import { button, context, fallback, section } from './blocks.ts';
import { MISSED_ACTIONS, MISSED_ATTENDED } from './ids.ts';
import { channelName, escapeMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { SlackMessage } from './types.ts';
import { str } from '../fields.ts';

export interface MissedData {
  clientName: string;
  appointmentId: string;
  /** when it was, as the caseworker reads it */
  when: string;
  /** whether the client was offered to pick a new time */
  offered: boolean;
}

const md = (tx: Texts, key: string, vars: Record<string, string | number>) => escapeMrkdwn(tx.raw(`staff.${key}`, vars));

const missedFacts = (tx: Texts, d: Omit<MissedData, 'appointmentId'>) => [
  section(`:calendar: *${md(tx, 'followup.missed_title', { client: d.clientName })}*\n${md(tx, 'followup.missed_when', { when: d.when })}`),
  context(md(tx, d.offered ? 'followup.missed_offered' : 'followup.missed_not_offered', { client: d.clientName })),
];

/** `staff.appointment_missed`: the appointment is marked missed; the button puts it right. */
export const appointmentMissed = (t: Translate, d: MissedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  return {
    text: fallback(md(tx, 'appointment_missed', { client: d.clientName, when: d.when })),
    blocks: [
      ...missedFacts(tx, d),
      {
        type: 'actions',
        block_id: MISSED_ACTIONS,
        elements: [button({ actionId: MISSED_ATTENDED, text: tx.raw('staff.followup.came_after_all'), value: d.appointmentId })],
      },
    ],
  };
};

/** The missed card once a caseworker said the client came: the same facts, no button, who said so. */
export const missedCorrected = (t: Translate, d: Omit<MissedData, 'appointmentId'> & { by: string }, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const line = `:white_check_mark: ${md(tx, 'followup.marked_attended', { name: d.by })}`;
  return { text: fallback(`${line} · ${md(tx, 'appointment_missed', { client: d.clientName, when: d.when })}`), blocks: [...missedFacts(tx, d), context(line)] };
};

/** `staff.unanswered_nudge`: the client has waited too long for an answer. */
export const unansweredNudge = (t: Translate, d: { clientName: string; when: string; count: number }, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  return {
    text: fallback(md(tx, 'unanswered_nudge', { client: d.clientName, when: d.when, count: d.count })),
    blocks: [section(`:hourglass_flowing_sand: *${md(tx, 'followup.unanswered_title', { client: d.clientName })}*\n${md(tx, 'followup.unanswered_body', { when: d.when, count: d.count })}`)],
  };
};

/** `staff.client_unreachable`: one of the client's channels keeps failing. */
export const clientUnreachable = (
  t: Translate,
  d: { clientName: string; channel: ClientChannelKind; count: number; error: string },
  locale: string = STAFF_LOCALE,
): SlackMessage => {
  const tx = texts(t, locale);
  const channel = channelName(tx, d.channel);
  return {
    text: fallback(md(tx, 'client_unreachable', { client: d.clientName, channel, count: d.count, error: d.error })),
    blocks: [
      section(`:no_mobile_phones: *${md(tx, 'followup.unreachable_title', { client: d.clientName, channel })}*\n${md(tx, 'followup.unreachable_body', { count: d.count, error: d.error })}`),
      context(md(tx, 'followup.unreachable_hint', {})),
    ],
  };
};

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The card of a follow-up notice in a client's thread, from its template and payload; null for
 * any other template, or a payload without what the card needs (the notice's text is posted then).
 */
export const followupCard = (
  t: Translate,
  template: string,
  p: Record<string, unknown>,
  c: { clientName: string; when: (at: number) => string },
): SlackMessage | null => {
  switch (template) {
    case 'staff.appointment_missed': {
      const startsAt = num(p.startsAt);
      if (startsAt === null || !str(p.appointmentId)) return null;
      return appointmentMissed(t, { clientName: c.clientName, appointmentId: str(p.appointmentId), when: c.when(startsAt), offered: p.offered === true });
    }
    case 'staff.unanswered_nudge': {
      const at = num(p.lastInboundAt);
      const count = num(p.waiting);
      return at === null || count === null ? null : unansweredNudge(t, { clientName: c.clientName, when: c.when(at), count });
    }
    case 'staff.client_unreachable': {
      const count = num(p.count);
      const channel = p.channel === 'sms' || p.channel === 'telegram' ? p.channel : null;
      return count === null || !channel ? null : clientUnreachable(t, { clientName: c.clientName, channel, count, error: str(p.error) || '-' });
    }
  }
  return null;
};

/** The view of a direct message to a caseworker (no client thread), or null when it has none. */
export const directMessageCard = (t: Translate, template: string, payload: Record<string, unknown>): SlackMessage | null => {
  if (template === 'staff.daily_digest') {
    const d = digestPayloadSchema.safeParse(payload);
    return d.success ? dailyDigest(t, d.data) : null;
  }
  if (template === 'staff.attendance_summary') {
    const d = attendancePayloadSchema.safeParse(payload);
    return d.success ? attendanceReport(t, d.data) : null;
  }
  return null;
};
