// The pause in a client's thread: the card that says the client (or a caseworker) paused all
// messages, with a Resume button; the same card once resumed (no button, who resumed); and the
// line that says messages are back on. The texts are the staff notices' own (`staff.*`).
import type { Translate } from '../../../src/ports/translator.ts';
import { button, context, fallback, section } from './blocks.ts';
import { PAUSE_ACTIONS, PAUSE_RESUME } from './ids.ts';
import { escapeMrkdwn, STAFF_LOCALE, texts, type Texts } from './text.ts';
import type { SlackMessage } from './types.ts';

export interface PausedData {
  clientId: string;
  clientName: string;
  /** when the pause began, as the caseworker reads it */
  when: string;
  /** the staff member who paused, by name; absent when the client did */
  byStaff?: string | undefined;
}

export interface ResumedData {
  clientName: string;
  /** when messages went back on, as the caseworker reads it */
  when: string;
  /** the staff member who resumed, by name; absent when the client did */
  byStaff?: string | undefined;
}

const pausedText = (tx: Texts, d: Omit<PausedData, 'clientId'>) =>
  d.byStaff === undefined
    ? tx.raw('staff.client_paused', { client: d.clientName, when: d.when })
    : tx.raw('staff.client_paused_by_staff', { client: d.clientName, when: d.when, by: d.byStaff });

const pausedFacts = (tx: Texts, d: Omit<PausedData, 'clientId'>) => section(`:double_vertical_bar: *${escapeMrkdwn(pausedText(tx, d))}*`);

/** `staff.client_paused` / `staff.client_paused_by_staff`: what happened, and the Resume button. */
export const clientPaused = (t: Translate, data: PausedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  return {
    text: fallback(escapeMrkdwn(pausedText(tx, data))),
    blocks: [
      pausedFacts(tx, data),
      {
        type: 'actions',
        block_id: PAUSE_ACTIONS,
        elements: [button({ actionId: PAUSE_RESUME, text: tx.raw('staff.pause.resume'), value: data.clientId, style: 'primary' })],
      },
    ],
  };
};

/** The pause card once a caseworker pressed Resume: the same fact, no button, who turned messages back on. */
export const pauseLifted = (t: Translate, data: Omit<PausedData, 'clientId'> & { name: string; resumedWhen: string }, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const line = `:arrow_forward: ${escapeMrkdwn(tx.raw('staff.pause.resumed_by', { name: data.name, when: data.resumedWhen }))}`;
  return { text: fallback(`${line} · ${escapeMrkdwn(pausedText(tx, data))}`), blocks: [pausedFacts(tx, data), context(line)] };
};

/** `staff.client_resumed` / `staff.client_resumed_by_staff`: messages are back on. */
export const clientResumed = (t: Translate, data: ResumedData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const text = escapeMrkdwn(
    data.byStaff === undefined
      ? tx.raw('staff.client_resumed', { client: data.clientName, when: data.when })
      : tx.raw('staff.client_resumed_by_staff', { client: data.clientName, when: data.when, by: data.byStaff }),
  );
  return { text: fallback(text), blocks: [context(`:arrow_forward: ${text}`)] };
};

/** The pause or resume card of a staff notice, from its template and payload; null for any other template. */
export const pauseCardOf = (
  t: Translate,
  template: string,
  payload: Record<string, unknown>,
  o: { clientId: string; clientName: string; when: (at: number) => string },
): SlackMessage | null => {
  const at = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const byStaff = typeof payload.byName === 'string' ? payload.byName : undefined;
  if (template === 'staff.client_paused' || template === 'staff.client_paused_by_staff') {
    const pausedAt = at(payload.pausedAt);
    return pausedAt === null ? null : clientPaused(t, { clientId: o.clientId, clientName: o.clientName, when: o.when(pausedAt), byStaff });
  }
  if (template === 'staff.client_resumed' || template === 'staff.client_resumed_by_staff') {
    const resumedAt = at(payload.resumedAt);
    return resumedAt === null ? null : clientResumed(t, { clientName: o.clientName, when: o.when(resumedAt), byStaff });
  }
  return null;
};
