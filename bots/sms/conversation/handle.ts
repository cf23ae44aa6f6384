// What a text means, in order:
//   1. STOP-like words, whatever question is open: the number is opted out, and the confirmation
//      is the last thing it gets. START-like words: back on.
//   2. A number we do not know gets one generic answer (at most once a day) and nothing else:
//      nothing tells whether a number is enrolled, and nothing it sends is kept.
//   3. A client who opted out still reaches their caseworker, but nothing is sent back but HELP.
//   4. HELP, MENU; photos (MMS) for a document request; a number or YES/NO answering the open
//      question; a class code while a session is open.
//   5. Anything else is a message for the caseworker, acknowledged once per burst. A message that
//      reads like a crisis is answered with crisis help instead (the core sends it), and is never
//      taken as the answer to an open question (a cancel's reason).
import { optInNumber, optOutNumber, clientForNumber, mayText } from '../../../src/usecases/sms/opt-out.ts';
import { recordInboundMessage } from '../../../src/usecases/messaging/record-inbound-message.ts';
import { parseAgencySettings } from '../../../src/domain/settings.ts';
import { isPauseWord } from '../../../src/domain/pause-word.ts';
import { classifyReply } from '../grammar/classify.ts';
import { answerAppointment, answerCancelReason, answerSlot, showNextAppointment } from './appointments.ts';
import { answerSession, showNextSession, tryCheckIn } from './classes.ts';
import { answerPick, receiveMedia, showDocuments } from './documents.ts';
import { ask, closeQuestion, openQuestionOf, type Question } from './questions.ts';
import { say, startTurn, systemActor, type InboundText, type SmsEnv, type Turn } from './turn.ts';

/** One "sent to your caseworker" per burst of messages. */
export const ACK_WINDOW_MS = 10 * 60_000;
/** An unknown number hears from us at most once in this time. */
export const UNKNOWN_WINDOW_MS = 24 * 60 * 60_000;

const relay = async (turn: Turn, acknowledge: boolean) => {
  const client = turn.client!;
  const body = turn.text.body.trim();
  if (!body) return;
  const r = await recordInboundMessage(turn.env.core, systemActor(turn.agency.id), {
    clientId: client.id,
    channel: 'sms',
    body,
    source: 'sms',
    externalId: turn.text.messageId,
    receivedAt: turn.text.receivedAt,
    replyTo: turn.text.from,
  });
  if (!r.ok) return acknowledge ? say(turn, r.code === 'empty_message' || r.code === 'message_too_long' ? 'not_understood' : 'failed') : undefined;
  // A crisis is answered with the crisis resources, not with "sent to your caseworker".
  // A crisis is answered with help, a pause word by the pause's own confirmation.
  if (r.value.duplicate || r.value.crisis || r.value.paused || !acknowledge) return;
  const { rateLimits } = turn.env.core.store;
  if ((await rateLimits.hit(`sms-ack:${client.id}`, turn.env.core.clock.now(), ACK_WINDOW_MS)) === 1) await say(turn, 'sent', undefined, true);
};

const showMenu = async (turn: Turn) => {
  await ask(turn, { kind: 'menu', data: {} });
  return say(turn, 'menu', undefined, true);
};

const menuChoice = (turn: Turn, n: number) =>
  n === 1 ? showNextAppointment(turn) : n === 2 ? showNextSession(turn) : n === 3 ? showDocuments(turn) : say(turn, 'not_understood');

/** A number, YES or NO answering the open question; false when there was nothing to answer. */
type Answer = { kind: 'number'; n: number } | { kind: 'yes' | 'no' };

const answerQuestion = async (turn: Turn, q: Question | null, reply: Answer): Promise<boolean> => {
  const n = reply.kind === 'number' ? reply.n : reply.kind === 'yes' ? 1 : 2;
  if (!q) {
    if (reply.kind !== 'number') return false;
    await menuChoice(turn, n);
    return true;
  }
  switch (q.kind) {
    case 'menu':
      if (reply.kind !== 'number') return false;
      await menuChoice(turn, n);
      return true;
    case 'appointment':
      // YES confirms; NO is not "change the time": it is said to the caseworker in words.
      if (reply.kind === 'no') return false;
      await answerAppointment(turn, q.data.appointmentId, n);
      return true;
    case 'slots':
      if (reply.kind !== 'number') return false;
      await answerSlot(turn, q.data.appointmentId, q.data.slots, n);
      return true;
    case 'session':
      // Like every other question: a number that is not one of its answers is not understood.
      if (n !== 1 && n !== 2) await say(turn, 'not_understood');
      else await answerSession(turn, q.data.sessionId, n === 1);
      return true;
    case 'pick_request':
      if (reply.kind !== 'number') return false;
      await answerPick(turn, q.data.requestIds, q.data.media, n);
      return true;
    case 'cancel_reason':
      return false;
  }
};

export const handleText = async (env: SmsEnv, text: InboundText): Promise<void> => {
  const agencyId = await env.agencyId();
  if (!agencyId) return;
  const agency = await env.core.store.agencies.get(agencyId);
  if (!agency) return;
  const actor = systemActor(agencyId);
  const reply = classifyReply(text.body);
  const known = await clientForNumber(env.core, actor, text.from);
  const turn = startTurn(env, agency, text, known?.client ?? null);

  if (reply.kind === 'stop') {
    await optOutNumber(env.core, actor, { phone: text.from, source: 'keyword' });
    if (turn.client) await closeQuestion(turn);
    return say(turn, 'stopped');
  }
  if (reply.kind === 'start') {
    await optInNumber(env.core, actor, { phone: text.from });
    return say(turn, 'started');
  }
  if (!turn.client) {
    const first = (await env.core.store.rateLimits.hit(`sms-unknown:${agencyId}:${text.from}`, env.core.clock.now(), UNKNOWN_WINDOW_MS)) === 1;
    if (!first || !(await mayText(env.core, actor, text.from))) return;
    const phone = parseAgencySettings(agency.settings).publicPhone;
    return say(turn, phone ? 'unknown' : 'unknown_no_phone', phone ? { phone } : undefined);
  }
  // The pause word, before any question or code can take it: it pauses every message but crisis
  // help (the use case confirms it and tells the caseworker).
  if (isPauseWord(turn.client, text.body)) return relay(turn, false);
  // HELP is answered even after STOP (carriers expect it); it says how to stop.
  if (reply.kind === 'help') return say(turn, 'help', { agency: agency.name }, true);
  if (!(await mayText(env.core, actor, text.from))) return relay(turn, false);

  if (reply.kind === 'menu') return showMenu(turn);
  if (text.media.length > 0) {
    await receiveMedia(turn);
    return relay(turn, false); // words sent with the photo still reach the caseworker
  }
  const q = await openQuestionOf(turn);
  if (reply.kind === 'number' || reply.kind === 'yes' || reply.kind === 'no') {
    if (await answerQuestion(turn, q, reply.kind === 'number' ? reply : { kind: reply.kind })) return;
  }
  if (q?.kind === 'cancel_reason' && reply.kind !== 'empty') {
    // words of a crisis are no reason: nothing is cancelled, and they reach the caseworker as a message
    if ((await answerCancelReason(turn, q.data.appointmentId, text.body.trim())) === 'reads_as_crisis') return relay(turn, true);
    return;
  }
  if ((reply.kind === 'code' || reply.kind === 'text') && (await tryCheckIn(turn, text.body))) return;
  if (reply.kind === 'empty') return say(turn, 'not_understood');
  return relay(turn, true);
};
