// One inbound text and what the conversation knows about it: who wrote (the client, if the
// number is theirs), in which language to answer, whether to word it neutrally, and how to
// answer. Every answer is an outbox row (paced, retried, sent once) keyed by the inbound message
// and its rank, so a text handled twice is answered once.
import { mustBeNeutral } from '../../../src/domain/wording.ts';
import { resolveLocale } from '../../../src/domain/locale.ts';
import type { Actor } from '../../../src/domain/actor.ts';
import type { Agency, Client, Locale } from '../../../src/domain/types.ts';
import type { CoreDeps } from '../../../src/usecases/shared/deps.ts';
import type { Where } from '../../../src/usecases/shared/conversation-state.ts';
import type { MediaFetchResult } from '../twilio/media.ts';
import { queueAnswer } from '../../../src/usecases/shared/queue-answer.ts';

export interface SmsEnv {
  core: CoreDeps;
  agencyId: () => Promise<string | null>;
  /** the portal's address, given when a file cannot come by text */
  publicUrl: string;
  /** downloads one inbound media (the provider's credentials, its hosts only, the size capped) */
  fetchMedia: (url: string, maxBytes: number) => Promise<MediaFetchResult>;
  /** deletes a media from the provider once it is stored; best effort */
  deleteMedia?: (url: string) => Promise<boolean>;
}

export interface InboundText {
  /** the provider's message id: the idempotency of everything this text causes */
  messageId: string;
  /** E.164 */
  from: string;
  body: string;
  media: { url: string; contentType: string }[];
  receivedAt: number;
}

export interface Turn {
  env: SmsEnv;
  agency: Agency;
  text: InboundText;
  client: Client | null;
  locale: Locale;
  neutral: boolean;
  where: Where;
  /** the answers queued so far */
  rank: number;
}

export const systemActor = (agencyId: string): Actor => ({ type: 'system', agencyId, door: 'sms' });
export const clientActor = (c: Client): Actor => ({ type: 'client', agencyId: c.agencyId, clientId: c.id, door: 'sms' });

export const startTurn = (env: SmsEnv, agency: Agency, text: InboundText, client: Client | null): Turn => ({
  env,
  agency,
  text,
  client,
  locale: resolveLocale(client?.language),
  neutral: client ? mustBeNeutral(client) : false,
  where: { agencyId: agency.id, channel: 'sms', address: text.from },
  rank: 0,
});

/** The key to use: `<key>_neutral` when the client asked for neutral wording and `hasNeutral`. */
export const keyFor = (turn: Turn, key: string, hasNeutral = false) => `sms.${key}${hasNeutral && turn.neutral ? '_neutral' : ''}`;

export const tr = (turn: Turn, key: string, vars?: Record<string, string | number>) => turn.env.core.t(turn.locale, key, vars);

/** Queues one answer to the number the text came from. `key` is a full locale key. */
export const answer = async (turn: Turn, key: string, vars?: Record<string, string | number>): Promise<void> => {
  turn.rank += 1;
  await queueAnswer(turn.env.core, {
    agencyId: turn.agency.id,
    clientId: turn.client?.id ?? null,
    staffId: null,
    channel: 'sms',
    toAddress: turn.text.from,
    template: key,
    text: tr(turn, key, vars),
    payload: '{}',
    idempotencyKey: `sms-reply:${turn.text.messageId}:${turn.rank}`,
  });
};

/** Says `sms.<key>` (or its neutral variant). */
export const say = (turn: Turn, key: string, vars?: Record<string, string | number>, hasNeutral = false) => answer(turn, keyFor(turn, key, hasNeutral), vars);

/** A use case's refusal, in the client's words (errors.<code>). */
export const refuse = (turn: Turn, r: { code: string; detail?: Record<string, string | number> | undefined }) =>
  r.code === 'not_found' ? say(turn, 'gone') : answer(turn, `errors.${r.code}`, r.detail);
