// The App Home tab: a caseworker's caseload at a glance. Five lists (today's appointments, those
// not confirmed yet, new times to decide on, files to review, unread messages), each capped with
// "and N more", each saying kindly when there is nothing in it.
import type { Translate } from '../../../src/ports/translator.ts';
import { bulletList, context, divider, header, section } from './blocks.ts';
import { SLASH_COMMAND } from './ids.ts';
import { escapeMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { Block, HomeAppointmentRow, HomeData, HomeView } from './types.ts';

/** Rows shown per list before "and N more". */
export const HOME_LIST_CAP = 15;

const list = (tx: Texts, emoji: string, name: string, rows: string[]): Block[] => [
  divider(),
  section(
    `${emoji} *${tx.md(`home.${name}`)}*\n${bulletList(rows, HOME_LIST_CAP, (count) => `_${tx.md('home.more', { count })}_`, `_${tx.md(`home.${name}_empty`)}_`)}`,
  ),
];

const appointmentRow = (tx: Texts, r: HomeAppointmentRow) =>
  tx.md(r.confirmed ? 'home.appointment_confirmed' : 'home.appointment_unconfirmed', { when: r.when, client: r.clientName });

/** Clients whose messages are paused, first of all: shown only when there are some. */
const pausedList = (tx: Texts, rows: { clientName: string; since: string }[]): Block[] =>
  rows.length === 0
    ? []
    : [
        divider(),
        section(
          `:double_vertical_bar: *${escapeMrkdwn(tx.raw('staff.pause.home_title'))}*\n${bulletList(
            rows.map((r) => escapeMrkdwn(tx.raw('staff.pause.home_row', { client: r.clientName, when: r.since }))),
            HOME_LIST_CAP,
            (count) => `_${tx.md('home.more', { count })}_`,
            '',
          )}`,
        ),
      ];

/** `paused`: the caseworker's clients whose messages are paused, longest paused first. */
export const homeView = (t: Translate, data: HomeData & { paused?: { clientName: string; since: string }[] }, locale: string = STAFF_LOCALE): HomeView => {
  const tx = texts(t, locale);
  return {
    type: 'home',
    blocks: [
      header(tx.plain('home.greeting', { name: data.staffName })),
      context(tx.md('home.intro')),
      ...pausedList(tx, data.paused ?? []),
      ...list(
        tx,
        ':calendar:',
        'today',
        data.today.map((r) => appointmentRow(tx, r)),
      ),
      ...list(
        tx,
        ':grey_question:',
        'unconfirmed',
        data.unconfirmed.map((r) => appointmentRow(tx, r)),
      ),
      ...list(
        tx,
        ':arrows_counterclockwise:',
        'reschedules',
        data.pendingReschedules.map((r) => tx.md('home.reschedule_row', { client: r.clientName, from: r.oldWhen, to: r.newWhen })),
      ),
      ...list(
        tx,
        ':page_facing_up:',
        'documents',
        data.documentsToReview.map((r) => tx.md('home.document_row', { client: r.clientName, kind: r.requestKind, when: r.uploadedWhen })),
      ),
      ...list(
        tx,
        ':speech_balloon:',
        'unread',
        data.unreadMessages.map((r) => tx.md('home.unread_row', { client: r.clientName, count: r.count, when: r.lastWhen })),
      ),
      divider(),
      context(tx.md('home.commands', { command: SLASH_COMMAND })),
    ],
  };
};
