// The cards that land in a client's thread, one per staff notice: what the client wrote, a file
// to review, a new time to decide on, and the same card once decided. Buttons carry only the id
// they act on. Then the small line under a caseworker's reply, and a class session's attendance.
import type { Translate } from '../../../src/ports/translator.ts';
import { button, context, fallback, fields, section } from './blocks.ts';
import { DOCUMENT_ACCEPT, DOCUMENT_ACTIONS, DOCUMENT_REJECT, DOCUMENT_VIEW, RESCHEDULE_ACTIONS, RESCHEDULE_APPROVE, RESCHEDULE_DECLINE } from './ids.ts';
import { channelName, escapeMrkdwn, LIMITS, splitMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type {
  AttendanceSummaryData,
  Block,
  ClientMessageData,
  DeliveryLineData,
  DecidedData,
  DocumentUploadedData,
  RescheduleRequestedData,
  SectionBlock,
  SlackMessage,
} from './types.ts';

/** How many sections one client message may fill before it is shortened (a message holds 50 blocks). */
export const MESSAGE_SECTIONS = 8;

export const clientMessage = (t: Translate, data: ClientMessageData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const channel = channelName(tx, data.channel);
  const body = data.body.trim();
  const { parts, cut } = body ? splitMrkdwn(escapeMrkdwn(body), LIMITS.sectionText, MESSAGE_SECTIONS) : { parts: [`_${tx.md('message.empty')}_`], cut: false };
  return {
    text: fallback(tx.md('message.fallback', { client: data.clientName, body: body || tx.plain('message.empty') })),
    blocks: [
      context(`:speech_balloon: ${tx.md('message.from', { client: data.clientName, channel })}`),
      ...parts.map(section),
      ...(cut ? [context(tx.md('message.shortened'))] : []),
    ],
  };
};

type DocumentFacts = Omit<DocumentUploadedData, 'viewUrl' | 'documentId' | 'linkValidUntil'>;

const documentFacts = (tx: Texts, d: DocumentFacts): SectionBlock[] => [
  section(`:page_facing_up: *${tx.md('document.title', { client: d.clientName })}*`),
  fields([
    [tx.md('document.request'), escapeMrkdwn(d.requestKind)],
    [tx.md('document.type'), escapeMrkdwn(d.typeLabel)],
    [tx.md('document.size'), escapeMrkdwn(d.sizeLabel)],
    [tx.md('document.channel'), escapeMrkdwn(channelName(tx, d.channel))],
  ]),
];

const documentText = (tx: Texts, d: DocumentFacts) =>
  escapeMrkdwn(
    tx.raw('staff.document_uploaded', { client: d.clientName, request: d.requestKind, channel: channelName(tx, d.channel), type: d.typeLabel, size: d.sizeLabel }),
  );

const assertUrl = (url: string) => {
  if (!/^https?:\/\//i.test(url) || url.length > LIMITS.url) throw new Error('documentUploaded: viewUrl must be an http(s) URL of at most 3000 characters');
};

export const documentUploaded = (t: Translate, data: DocumentUploadedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  assertUrl(data.viewUrl);
  const blocks: Block[] = [
    ...documentFacts(tx, data),
    {
      type: 'actions',
      block_id: DOCUMENT_ACTIONS,
      elements: [
        button({ actionId: DOCUMENT_VIEW, text: tx.plain('document.view'), url: data.viewUrl }),
        button({ actionId: DOCUMENT_ACCEPT, text: tx.plain('document.accept'), value: data.documentId, style: 'primary' }),
        button({ actionId: DOCUMENT_REJECT, text: tx.plain('document.reject'), value: data.documentId, style: 'danger' }),
      ],
    },
  ];
  if (data.linkValidUntil) blocks.push(context(tx.md('document.link_valid', { when: data.linkValidUntil })));
  return { text: fallback(documentText(tx, data)), blocks };
};

type RescheduleFacts = Omit<RescheduleRequestedData, 'appointmentId'>;

const rescheduleFacts = (tx: Texts, d: RescheduleFacts): SectionBlock[] => [
  section(`:calendar: *${tx.md('reschedule.title', { client: d.clientName })}*`),
  fields([
    [tx.md('reschedule.now'), escapeMrkdwn(d.oldWhen)],
    [tx.md('reschedule.asked'), escapeMrkdwn(d.newWhen)],
  ]),
];

const rescheduleText = (tx: Texts, d: RescheduleFacts) => tx.md('reschedule.fallback', { client: d.clientName, from: d.oldWhen, to: d.newWhen });

export const rescheduleRequested = (t: Translate, data: RescheduleRequestedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  return {
    text: fallback(rescheduleText(tx, data)),
    blocks: [
      ...rescheduleFacts(tx, data),
      {
        type: 'actions',
        block_id: RESCHEDULE_ACTIONS,
        elements: [
          button({ actionId: RESCHEDULE_APPROVE, text: tx.plain('reschedule.approve'), value: data.appointmentId, style: 'primary' }),
          button({ actionId: RESCHEDULE_DECLINE, text: tx.plain('reschedule.decline'), value: data.appointmentId, style: 'danger' }),
        ],
      },
    ],
  };
};

const POSITIVE = new Set(['approved', 'accepted']);

/** The card once decided: the same facts, no buttons, and who decided (with the reason for a no). */
export const decided = (t: Translate, data: DecidedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const reason = data.reason?.trim();
  const key = POSITIVE.has(data.decision) || !reason ? `decided.${data.decision}` : `decided.${data.decision}_reason`;
  const line = `${POSITIVE.has(data.decision) ? ':white_check_mark:' : ':x:'} ${tx.md(key, { name: data.by, reason: reason ?? '' })}`;
  const facts = data.kind === 'reschedule' ? rescheduleFacts(tx, data) : documentFacts(tx, data);
  const about = data.kind === 'reschedule' ? rescheduleText(tx, data) : tx.md('document.decided_about', { client: data.clientName, request: data.requestKind });
  return { text: fallback(`${line} · ${about}`), blocks: [...facts, context(line)] };
};

const DELIVERY_EMOJI = { sent: ':white_check_mark:', queued: ':hourglass_flowing_sand:', failed: ':warning:', internal: ':lock:' } as const;

const deliveryKey = (d: DeliveryLineData): string => {
  switch (d.status) {
    case 'sent':
      return d.channel ? `delivery.sent_${d.channel}` : 'delivery.sent';
    case 'queued':
      return d.detail ? 'delivery.queued_detail' : 'delivery.queued';
    case 'failed':
      return d.detail ? 'delivery.failed_detail' : 'delivery.failed';
    case 'internal':
      return 'delivery.internal';
  }
};

/** The small line under a caseworker's reply: delivered (and how), waiting, not delivered, or kept internal. */
export const deliveryLine = (t: Translate, data: DeliveryLineData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const line = tx.md(deliveryKey(data), { detail: data.detail?.trim() ?? '' });
  return { text: fallback(line), blocks: [context(`${DELIVERY_EMOJI[data.status]} ${line}`)] };
};

/** At most this many names of those who did not come; then "and N more". */
export const MAX_NO_SHOW_NAMES = 40;

/** After a class session: who said they would come, who came, and who did not. */
export const attendanceSummary = (t: Translate, data: AttendanceSummaryData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const names = data.noShows.slice(0, MAX_NO_SHOW_NAMES).map(escapeMrkdwn);
  const more = data.noShows.length - names.length;
  const noShows = names.length ? names.join(', ') + (more > 0 ? ` ${tx.md('attendance.more', { count: more })}` : '') : `_${tx.md('attendance.none')}_`;
  const counts = { class: data.classTitle, when: data.when, yes: data.rsvpYes, no: data.rsvpNo, checkedIn: data.checkedIn, noShows: data.noShows.length };
  return {
    text: fallback(tx.md('attendance.fallback', counts)),
    blocks: [
      section(`:clipboard: *${tx.md('attendance.title', { class: data.classTitle })}*`),
      context(escapeMrkdwn(data.when)),
      fields([
        [tx.md('attendance.rsvp_yes'), String(data.rsvpYes)],
        [tx.md('attendance.rsvp_no'), String(data.rsvpNo)],
        [tx.md('attendance.checked_in'), String(data.checkedIn)],
        [tx.md('attendance.no_shows'), String(data.noShows.length)],
      ]),
      section(`*${tx.md('attendance.no_show_names')}*\n${noShows}`),
    ],
  };
};
