// `/casebridge client …`: a private (ephemeral) summary of one client for the caseworker who
// asked: how to reach them, what to be careful about, and what is coming up or waiting.
import type { Translate } from '../../../src/ports/translator.ts';
import { bulletList, context, divider, fallback, header, section } from './blocks.ts';
import { escapeMrkdwn, languageName, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { Block, ClientSummaryData, SlackMessage } from './types.ts';

/** Rows shown per list before "and N more". */
export const SUMMARY_LIST_CAP = 5;

const list = (tx: Texts, emoji: string, name: string, rows: string[]): Block =>
  section(`${emoji} *${tx.md(`summary.${name}`)}*\n${bulletList(rows, SUMMARY_LIST_CAP, (count) => `_${tx.md('summary.more', { count })}_`, `_${tx.md('summary.none')}_`)}`);

/** A message on one line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `pausedSince`: when the client's messages were paused (shown first among the cautions); absent or null when they are not. */
export const clientSummary = (t: Translate, data: ClientSummaryData & { pausedSince?: string | null }, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const facts = [
    data.phone ? tx.md('summary.phone', { phone: data.phone }) : tx.md('summary.no_phone'),
    tx.md('summary.language', { language: languageName(tx, data.language) }),
  ];
  const cautions: Block[] = [
    ...(data.pausedSince ? [section(`:double_vertical_bar: ${escapeMrkdwn(tx.raw('staff.pause.summary', { when: data.pausedSince }))}`)] : []),
    ...(data.sensitive ? [section(`:lock: ${tx.md('summary.sensitive')}`)] : []),
    ...(data.neutral ? [section(`:zipper_mouth_face: ${tx.md('thread.neutral')}`)] : []),
  ];
  const appointments = data.nextAppointments.map((a) =>
    tx.md('summary.appointment_row', { when: a.when, kind: a.kind, status: tx.plain(`summary.appointment_status.${a.status}`) }),
  );
  const classes = data.classes.map((c) => tx.md('summary.class_row', { when: c.when, title: c.title, rsvp: tx.plain(`summary.rsvp.${c.rsvp ?? 'none'}`) }));
  const requests = data.openRequests.map((r) => {
    const status = tx.plain(`summary.request_status.${r.status}`);
    return r.due ? tx.md('summary.request_row', { kind: r.kind, status, due: r.due }) : tx.md('summary.request_row_nodue', { kind: r.kind, status });
  });
  const messages = data.lastMessages.map((m) => {
    const who = tx.plain(m.internal ? 'summary.from_note' : m.direction === 'in' ? 'summary.from_client' : 'summary.from_staff');
    return tx.md('summary.message_row', { when: m.when, who, body: oneLine(m.body) });
  });
  return {
    text: fallback(tx.md('summary.fallback', { client: data.name })),
    blocks: [
      header(data.name),
      context(...facts),
      ...cautions,
      divider(),
      list(tx, ':calendar:', 'appointments', appointments),
      list(tx, ':busts_in_silhouette:', 'classes', classes),
      list(tx, ':page_facing_up:', 'requests', requests),
      list(tx, ':speech_balloon:', 'messages', messages),
      context(tx.md('summary.private')),
    ],
  };
};
