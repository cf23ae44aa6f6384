// The one outbound policy: every message to a client passes through `decideOutbound`, when it is
// queued (to pick the wording and the first moment it may leave) and again when it is about to be
// sent (the client may have paused, marked the channel unsafe or asked for neutral wording since).
//
//   - A channel the client marked unsafe is never used, for anything, crisis help included.
//   - Crisis help leaves at once: it ignores quiet hours, the contact window and the pause.
//   - While the client is paused nothing else leaves, but the confirmation of the pause itself and
//     the carriers' STOP/HELP answers.
//   - Messages we start (reminders, notices, caseworkers' replies) wait for the client's allowed
//     hours: outside the agency's quiet hours and inside the client's contact window. Answers to
//     what the client has just sent go at once: they are awake and holding the phone.
//   - Wording is neutral (no agency, subject, program or person named) when the client asked for
//     it, their record is sensitive, or the message's record is.
import { usableKinds } from './channels.ts';
import { nextAllowedAt, type ContactRules } from './quiet-hours.ts';
import type { AgencySettings } from './settings.ts';
import type { Client, ClientChannelKind, Millis } from './types.ts';
import { mustBeNeutral } from './wording.ts';

export const MESSAGE_KINDS = ['crisis', 'compliance', 'pause_ack', 'auth', 'answer', 'reply', 'notice', 'reminder'] as const;
/**
 * - crisis: crisis resources to a client who wrote a crisis phrase
 * - compliance: the STOP confirmation and HELP answer carriers require
 * - pause_ack: the confirmation that messages are paused
 * - auth: a sign-in code the client just asked for (a paused client must still be able to sign in
 *   to the portal, where they turn messages back on)
 * - answer: a door's reply to what the client just sent or pressed
 * - reply: a caseworker's own words
 * - notice: news about the client's records (approved, rejected, requested…)
 * - reminder: scheduled reminders and follow-up offers
 */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type PolicyClient = Pick<
  Client,
  'neutralWording' | 'sensitive' | 'pausedAt' | 'safeChannels' | 'contactWindowStart' | 'contactWindowEnd' | 'timeZone'
>;

export interface OutboundRequest {
  kind: MessageKind;
  channel: Exclude<ClientChannelKind, 'portal'>;
  client: PolicyClient;
  settings: Pick<AgencySettings, 'quietHoursStart' | 'quietHoursEnd'>;
  now: Millis;
  /** the record the message is about is sensitive */
  recordSensitive?: boolean;
}

export type OutboundRefusal = 'unsafe_channel' | 'paused' | 'no_contact_time';

export type OutboundDecision =
  | { send: false; reason: OutboundRefusal }
  /** `notBefore` is later than `now` when the message must wait for the client's allowed hours */
  | { send: true; neutral: boolean; notBefore: Millis };

const PASS_PAUSE: ReadonlySet<MessageKind> = new Set(['crisis', 'compliance', 'pause_ack', 'auth']);
const IMMEDIATE: ReadonlySet<MessageKind> = new Set(['crisis', 'compliance', 'pause_ack', 'auth', 'answer']);

export const contactRulesOf = (client: PolicyClient, settings: OutboundRequest['settings']): ContactRules => ({
  timeZone: client.timeZone,
  quietStart: settings.quietHoursStart,
  quietEnd: settings.quietHoursEnd,
  windowStart: client.contactWindowStart,
  windowEnd: client.contactWindowEnd,
});

export const decideOutbound = (r: OutboundRequest): OutboundDecision => {
  const safe = usableKinds(r.client.safeChannels);
  if (safe !== null && !safe.includes(r.channel)) return { send: false, reason: 'unsafe_channel' };
  const neutral = mustBeNeutral(r.client, r.recordSensitive === true);
  if (r.client.pausedAt !== null && !PASS_PAUSE.has(r.kind)) return { send: false, reason: 'paused' };
  if (IMMEDIATE.has(r.kind)) return { send: true, neutral, notBefore: r.now };
  const at = nextAllowedAt(contactRulesOf(r.client, r.settings), r.now);
  if (at === null) return { send: false, reason: 'no_contact_time' };
  return { send: true, neutral, notBefore: at };
};

/** What kind of message an outbox row is, from the locale key it was written with. */
export const kindOfTemplate = (template: string): MessageKind => {
  if (template.startsWith('crisis.')) return 'crisis';
  if (template === 'sms.stopped' || template === 'sms.help' || template === 'sms.help_neutral') return 'compliance';
  if (template.startsWith('safety.paused')) return 'pause_ack';
  if (template === 'notify.signin_code' || template === 'notify.signin_code_neutral') return 'auth';
  if (template.startsWith('reminder.') || template.startsWith('followup.')) return 'reminder';
  if (template.startsWith('notify.staff_reply') || template.startsWith('notify.scheduled_message')) return 'reply';
  if (template.startsWith('notify.')) return 'notice';
  if (template.startsWith('sms.') || template.startsWith('telegram.') || template.startsWith('errors.')) return 'answer';
  // Anything not known is held to the strictest rules a non-crisis message has.
  return 'notice';
};
