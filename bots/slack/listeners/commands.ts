// `/casebridge …`: read in the caseworker's own time zone, done by the use cases as that staff
// member, answered privately (ephemeral, through the command's response_url). Bad, ambiguous or
// unknown arguments get the usage of that command with what was wrong, and change nothing.
// `schedule` queues a caseworker's message to leave later, in the client's allowed hours.
import type { Actor } from '../../../src/domain/actor.ts';
import type { Fail } from '../../../src/domain/result.ts';
import { DAY, MINUTE } from '../../../src/domain/time.ts';
import type { Staff } from '../../../src/domain/types.ts';
import { INVITATION_TTL_MS } from '../../../src/usecases/auth/invitations.ts';
import { requestDocument } from '../../../src/usecases/documents/request-document.ts';
import { formatDue } from '../../../src/usecases/documents/format-due.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import { staffForSlackUser } from '../../../src/usecases/slack/thread.ts';
import { bookAppointment } from '../../../src/usecases/staff/book-appointment.ts';
import { clientSummaryForStaff } from '../../../src/usecases/staff/client-summary.ts';
import { enrollClient } from '../../../src/usecases/staff/enroll-client.ts';
import { findClientForStaff } from '../../../src/usecases/staff/find-client.ts';
import { scheduleMessage } from '../../../src/usecases/staff/schedule-message.ts';
import { TELEGRAM_LINK_TTL_MS } from '../../../src/usecases/telegram/link-token.ts';
import { parseCommand, type ClientRef, type SlashCommand } from '../commands/parse.ts';
import { refusalUsage } from '../commands/refusal.ts';
import { fallback, section } from '../views/blocks.ts';
import { SLASH_COMMAND } from '../views/ids.ts';
import { clientSummary } from '../views/summary.ts';
import { escapeMrkdwn, listOf, STAFF_LOCALE, texts, type Texts } from '../views/text.ts';
import type { SlackMessage, SlashSubcommand } from '../views/types.ts';
import { usage } from '../views/usage.ts';
import type { SlackEnv } from './env.ts';

/** The env, with the Telegram bot's username when Telegram is configured (for the invitation's link). */
export type CommandEnv = SlackEnv;

interface Asked {
  env: CommandEnv;
  actor: Actor;
  staff: Staff;
  tx: Texts;
}

/** One plain sentence as a message: escaped, as a section. */
const say = (text: string, emoji = ''): SlackMessage => ({
  text: fallback(escapeMrkdwn(text)),
  blocks: [section(`${emoji ? `${emoji} ` : ''}${escapeMrkdwn(text)}`)],
});

/** What was wrong, then how that command is written. */
const problem = (a: Asked, text: string, only: SlashSubcommand): SlackMessage => usage(a.env.core.t, { problem: text, only }, STAFF_LOCALE);

const refOf = (ref: ClientRef): string => (ref.by === 'name' ? ref.name : ref.by === 'phone' ? ref.text : ref.reference);

/** Why no one client was found: none matches, or several (named, each named one audited). */
const notOne = (a: Asked, query: string, refusal: Fail<string>, only: SlashSubcommand): SlackMessage => {
  if (refusal.code !== 'ambiguous') {
    const key = refusal.code === 'not_found' || refusal.code === 'invalid' ? 'command.client_not_found' : 'command.failed';
    return problem(a, a.tx.plain(key, { query }), only);
  }
  const count = Number(refusal.detail?.count ?? 0);
  const names = String(refusal.detail?.names ?? '').split('\n').filter(Boolean);
  const items = count > names.length ? [...names, a.tx.plain('summary.more', { count: count - names.length })] : names;
  return problem(a, a.tx.plain('command.client_ambiguous', { count, query, names: listOf(STAFF_LOCALE, items) }), only);
};

const lookUp = async (a: Asked, query: string): Promise<SlackMessage> => {
  const r = await clientSummaryForStaff(a.env.core, a.actor, { query, locale: STAFF_LOCALE });
  return r.ok ? clientSummary(a.env.core.t, r.value, STAFF_LOCALE) : notOne(a, query, r, 'client');
};

const invite = async (a: Asked, c: Extract<SlashCommand, { kind: 'invite' }>): Promise<SlackMessage> => {
  const r = await enrollClient(a.env.core, a.actor, {
    phone: c.phone,
    name: c.name,
    language: c.language,
    publicUrl: a.env.publicUrl,
    telegramBotUsername: a.env.telegramBotUsername,
  });
  if (!r.ok) {
    if (r.code === 'phone_taken') return problem(a, a.tx.plain('command.phone_taken', { phone: c.phone, command: SLASH_COMMAND }), 'invite');
    if (r.code === 'invalid_phone') return problem(a, a.tx.plain('command.bad_phone', { value: c.phone }), 'invite');
    return say(a.tx.plain('command.failed'), ':warning:');
  }
  const e = r.value;
  const vars = { client: e.name, phone: e.phone };
  if (e.sms === 'opted_out') {
    return say(a.tx.plain('command.invite_not_sent', { ...vars, link: e.invitationUrl, days: INVITATION_TTL_MS / DAY }), ':warning:');
  }
  const minutes = TELEGRAM_LINK_TTL_MS / MINUTE;
  return say(a.tx.plain(e.telegramUrl ? 'command.invite_sent_telegram' : 'command.invite_sent', { ...vars, minutes }), ':white_check_mark:');
};

const requestDoc = async (a: Asked, c: Extract<SlashCommand, { kind: 'request_doc' }>): Promise<SlackMessage> => {
  const query = refOf(c.client);
  const found = await findClientForStaff(a.env.core, a.actor, { query });
  if (!found.ok) return notOne(a, query, found, 'request-doc');
  const r = await requestDocument(a.env.core, a.actor, { clientId: found.value.id, kind: c.documentKind, ...(c.dueAt !== undefined ? { dueAt: c.dueAt } : {}) });
  if (!r.ok) return say(a.tx.plain('command.failed'), ':warning:');
  const vars = { client: found.value.displayName, kind: r.value.kind };
  const due = r.value.dueAt;
  return say(
    due === null ? a.tx.plain('command.doc_requested_nodue', vars) : a.tx.plain('command.doc_requested', { ...vars, due: formatDue(due, STAFF_LOCALE, a.staff.timeZone) }),
    ':white_check_mark:',
  );
};

const book = async (a: Asked, c: Extract<SlashCommand, { kind: 'appointment' }>): Promise<SlackMessage> => {
  const query = refOf(c.client);
  const found = await findClientForStaff(a.env.core, a.actor, { query });
  if (!found.ok) return notOne(a, query, found, 'appointment');
  const client = found.value.displayName;
  const when = (at: number) => formatWhen(at, STAFF_LOCALE, a.staff.timeZone);
  const r = await bookAppointment(a.env.core, a.actor, {
    clientId: found.value.id,
    startsAt: c.startsAt,
    durationMinutes: c.durationMinutes,
    ...(c.place !== undefined ? { location: c.place } : {}),
  });
  if (!r.ok) {
    if (r.code === 'not_found') return notOne(a, query, r, 'appointment');
    if (r.code === 'in_the_past') return problem(a, a.tx.plain('command.in_the_past', { value: when(c.startsAt), timeZone: a.staff.timeZone }), 'appointment');
    if (r.code === 'overlaps') {
      const key = r.detail?.with === 'client' ? 'command.appointment_overlaps_client' : 'command.appointment_overlaps_staff';
      return problem(a, a.tx.plain(key, { client, when: when(Number(r.detail?.startsAt)) }), 'appointment');
    }
    return say(a.tx.plain('command.failed'), ':warning:');
  }
  const { appointment: b, notified } = r.value;
  const vars = { client, when: when(b.startsAt), minutes: b.durationMinutes };
  const booked = b.location === null ? a.tx.plain('command.appointment_booked', vars) : a.tx.plain('command.appointment_booked_place', { ...vars, place: b.location });
  return say(notified ? booked : `${booked} ${a.tx.plain('command.appointment_not_told')}`, ':white_check_mark:');
};

const scheduleLater = async (a: Asked, c: Extract<SlashCommand, { kind: 'schedule' }>, cause: string): Promise<SlackMessage> => {
  const query = refOf(c.client);
  const found = await findClientForStaff(a.env.core, a.actor, { query });
  if (!found.ok) return notOne(a, query, found, 'schedule');
  const client = found.value.displayName;
  const when = (at: number) => formatWhen(at, STAFF_LOCALE, a.staff.timeZone);
  const r = await scheduleMessage(a.env.core, a.actor, { clientId: found.value.id, sendAt: c.sendAt, text: c.text, idempotencyKey: cause });
  if (!r.ok) {
    const text = a.tx.plain('command.argument.text');
    if (r.code === 'not_found') return notOne(a, query, r, 'schedule');
    if (r.code === 'in_the_past') return problem(a, a.tx.plain('command.in_the_past', { value: when(c.sendAt), timeZone: a.staff.timeZone }), 'schedule');
    if (r.code === 'empty_message') return problem(a, a.tx.plain('command.missing_argument', { argument: text }), 'schedule');
    if (r.code === 'message_too_long') return problem(a, a.tx.plain('command.too_long', { argument: text, max: Number(r.detail?.max) }), 'schedule');
    if (r.code === 'no_channel' || r.code === 'no_contact_time') return say(a.tx.raw(`staff.schedule.${r.code}`, { client }), ':warning:');
    return say(a.tx.plain('command.failed'), ':warning:');
  }
  const { leavesAt, paused } = r.value;
  const done = a.tx.raw(leavesAt === c.sendAt ? 'staff.schedule.done' : 'staff.schedule.moved', { client, when: when(leavesAt) });
  return say(paused ? `${done} ${a.tx.raw('staff.schedule.paused', { client })}` : done, paused ? ':warning:' : ':alarm_clock:');
};

/** The answer to one command, as the staff member the Slack user is. */
export const answerCommand = async (env: CommandEnv, fields: Record<string, string>): Promise<SlackMessage> => {
  const tx = texts(env.core.t, STAFF_LOCALE);
  const actor = await staffForSlackUser(env.core, env.agencyId, fields.user_id ?? '');
  const staff = actor?.type === 'staff' ? await env.core.store.staff.get(actor, actor.staffId) : null;
  if (!actor || !staff) return say(tx.plain('command.unmapped', { command: SLASH_COMMAND }), ':warning:');
  const a: Asked = { env, actor, staff, tx };
  const parsed = parseCommand(fields.text ?? '', { timeZone: staff.timeZone, now: env.core.clock.now() });
  if (!parsed.ok) return usage(env.core.t, refusalUsage(parsed, env.core.t, STAFF_LOCALE), STAFF_LOCALE);
  const c = parsed.command;
  switch (c.kind) {
    case 'help':
      return usage(env.core.t, c.topic ? { only: c.topic } : {}, STAFF_LOCALE);
    case 'client':
      return lookUp(a, c.query);
    case 'invite':
      return invite(a, c);
    case 'request_doc':
      return requestDoc(a, c);
    case 'appointment':
      return book(a, c);
    case 'schedule':
      // The command's trigger_id (the inbox keeps each once) is the cause: it schedules once.
      return scheduleLater(a, c, fields.trigger_id || env.core.ids.newId('cmd'));
  }
};

export const onCommand = async (env: CommandEnv, fields: Record<string, string>): Promise<void> => {
  const url = fields.response_url ?? '';
  if (!url) return;
  const answer = await answerCommand(env, fields);
  // Not retried when Slack refuses it: the command was done, and doing it again is not safe.
  // Done already: a lost answer must not make the inbox run the command again.
  await env.respond(url, { response_type: 'ephemeral', text: answer.text, blocks: answer.blocks }).catch(() => false);
};
