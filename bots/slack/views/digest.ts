// The morning digest, a direct message to one caseworker: today's appointments and whether each
// is confirmed, new times to decide, files to review, clients waiting for an answer, clients who
// cannot be reached. Each list capped with "and N more", each saying kindly when it is empty. The
// words are the staff notices' own (`staff.digest.*`).
import type { DigestPayload } from '../../../src/usecases/scheduler/followups/payloads.ts';
import type { Translate } from '../../../src/ports/translator.ts';
import { bulletList, context, divider, fallback, header, section } from './blocks.ts';
import { channelName, escapeMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { Block, SlackMessage } from './types.ts';

/** Rows shown per list before "and N more". */
export const DIGEST_LIST_CAP = 15;

const md = (tx: Texts, key: string, vars: Record<string, string | number> = {}) => escapeMrkdwn(tx.raw(`staff.digest.${key}`, vars));

const list = (tx: Texts, emoji: string, name: string, rows: string[]): Block[] => [
  divider(),
  section(`${emoji} *${md(tx, name)}*\n${bulletList(rows, DIGEST_LIST_CAP, (count) => `_${md(tx, 'more', { count })}_`, `_${md(tx, `${name}_empty`)}_`)}`),
];

export const dailyDigest = (t: Translate, d: DigestPayload, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const counts = {
    date: d.date,
    appointments: d.appointments.length,
    reschedules: d.reschedules.length,
    documents: d.documents.length,
    unanswered: d.unanswered.length,
    unreachable: d.unreachable.length,
  };
  return {
    text: fallback(escapeMrkdwn(tx.raw('staff.daily_digest', counts))),
    blocks: [
      header(tx.raw('staff.digest.title', { date: d.date })),
      ...list(
        tx,
        ':calendar:',
        'appointments',
        d.appointments.map((r) => md(tx, 'appointment_row', { when: r.when, client: r.clientName, state: tx.raw(`staff.digest.state.${r.status}`) })),
      ),
      ...list(
        tx,
        ':arrows_counterclockwise:',
        'reschedules',
        d.reschedules.map((r) => md(tx, 'reschedule_row', { client: r.clientName, from: r.from, to: r.to })),
      ),
      ...list(
        tx,
        ':page_facing_up:',
        'documents',
        d.documents.map((r) => md(tx, 'document_row', { client: r.clientName, kind: r.kind, when: r.when })),
      ),
      ...list(
        tx,
        ':speech_balloon:',
        'unanswered',
        d.unanswered.map((r) => md(tx, 'unanswered_row', { client: r.clientName, count: r.count, when: r.when })),
      ),
      ...list(
        tx,
        ':no_mobile_phones:',
        'unreachable',
        d.unreachable.map((r) => md(tx, 'unreachable_row', { client: r.clientName, channel: channelName(tx, r.channel), error: r.error })),
      ),
      divider(),
      context(md(tx, 'private')),
    ],
  };
};
