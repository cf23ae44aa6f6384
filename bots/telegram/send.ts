// The outbound Telegram sender: one outbox row becomes one `sendMessage`, at most once per
// idempotency key. Plain text only (no parse_mode): the core renders the text, so there is nothing
// to escape and nothing a client's own words could inject.
import { z } from 'zod';
import type { ChannelSender, OutboundMessage, SendResult } from '../../src/ports/channel-sender.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { DeliveryLogRepo } from '../../src/ports/delivery-log.ts';
import { keyedThrottle, type Throttle } from '../../src/runtime/throttle.ts';
import {
  CALLBACK_DATA_MAX_BYTES,
  type ApiResponse,
  type InlineKeyboardMarkup,
  type SendMessageParams,
  type SentMessage,
} from './types.ts';

export interface TelegramSenderDeps {
  token: string;
  /** e.g. https://api.telegram.org; tests point it at a fake Bot API server */
  apiRoot: string;
  deliveries: DeliveryLogRepo;
  clock: Clock;
  fetch?: typeof fetch;
  /** defaults to Telegram's limits, paced on `clock` with real sleeps */
  throttle?: Throttle;
  /** how long one call may take before it counts as a (retryable) time-out */
  timeoutMs?: number;
}

const bytes = (s: string) => new TextEncoder().encode(s).length;
const callbackData = z.string().min(1).refine((d) => bytes(d) <= CALLBACK_DATA_MAX_BYTES, 'callback data over 64 bytes');

/** Reply options the core may put in a payload: one callback button each, one per row. */
const optionsSchema = z
  .array(
    z.object({
      label: z.string().trim().min(1),
      data: callbackData,
    }),
  )
  .min(1);

/** A bot reply's own keyboard (rows of callback buttons), as the bot built it. */
const markupSchema = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string().trim().min(1), callback_data: callbackData }))),
});

/** An id as the bot's button handlers take it (features/*.ts). */
const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,48}$/);
const label = z.string().trim().min(1);

/**
 * The core's channel-neutral actions (a reminder's), as the callback data the bot's features
 * already answer: appointments.ts `appt:c|r|x:<id>`, classes.ts `cls:y|n:<id>`, documents.ts `doc:p:<id>`.
 */
const actionSchema = z.union([
  z.object({ kind: z.enum(['confirm', 'reschedule', 'cancel']), appointmentId: recordId, label }).transform((a) => ({
    text: a.label,
    data: `appt:${a.kind === 'confirm' ? 'c' : a.kind === 'reschedule' ? 'r' : 'x'}:${a.appointmentId}`,
  })),
  z.object({ kind: z.enum(['rsvp_yes', 'rsvp_no']), sessionId: recordId, label }).transform((a) => ({
    text: a.label,
    data: `cls:${a.kind === 'rsvp_yes' ? 'y' : 'n'}:${a.sessionId}`,
  })),
  z.object({ kind: z.literal('send_document'), requestId: recordId, label }).transform((a) => ({ text: a.label, data: `doc:p:${a.requestId}` })),
]);

/**
 * The inline keyboard of a payload: a bot reply's `replyMarkup`, the core's `actions` (one row,
 * as the bot shows its own), or the core's `options` (one button per row); undefined when there
 * is none; null when it is malformed.
 */
export const keyboardOf = (payload: Record<string, unknown>): InlineKeyboardMarkup | undefined | null => {
  if (payload.replyMarkup !== undefined) {
    const parsed = markupSchema.safeParse(payload.replyMarkup);
    if (!parsed.success) return null;
    // grammY's keyboard builder can leave an empty last row.
    const rows = parsed.data.inline_keyboard.filter((row) => row.length > 0);
    return rows.length > 0 ? { inline_keyboard: rows } : null;
  }
  if (payload.actions !== undefined) {
    const parsed = z.array(actionSchema).min(1).safeParse(payload.actions);
    if (!parsed.success || parsed.data.some((b) => !callbackData.safeParse(b.data).success)) return null;
    return { inline_keyboard: [parsed.data.map((b) => ({ text: b.text, callback_data: b.data }))] };
  }
  if (payload.options === undefined) return undefined;
  const parsed = optionsSchema.safeParse(payload.options);
  if (!parsed.success) return null;
  return { inline_keyboard: parsed.data.map((o) => [{ text: o.label, callback_data: o.data }]) };
};

/**
 * What Telegram's refusal means for us: a stable code, whether trying again can help, and whether
 * the code says it all (else Telegram's description is kept beside it, for whoever reads the error).
 */
export const classifyRefusal = (
  status: number,
  description: string,
): { retryable: boolean; error: string; known: boolean; gone?: 'opted_out' | 'unreachable' } => {
  const d = description.toLowerCase();
  const known = (error: string, retryable = false) => ({ retryable, error, known: true });
  if (status === 429) return known('telegram_rate_limited', true);
  if (status >= 500) return { retryable: true, error: `telegram_unavailable_${status}`, known: false };
  // The client blocked the bot, or their account or chat is gone: the chat is withdrawn.
  if (d.includes('bot was blocked by the user')) return { ...known('telegram_blocked'), gone: 'opted_out' };
  if (d.includes('user is deactivated')) return { ...known('telegram_user_deactivated'), gone: 'unreachable' };
  if (d.includes('chat not found')) return { ...known('telegram_chat_not_found'), gone: 'unreachable' };
  if (d.includes("can't initiate conversation")) return known('telegram_chat_not_started');
  if (d.includes('message is too long')) return known('telegram_message_too_long');
  if (status === 401) return known('telegram_unauthorized');
  return { retryable: false, error: `telegram_rejected_${status}`, known: false };
};

const isTimeout = (e: unknown) => e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

export const telegramSender = (deps: TelegramSenderDeps): ChannelSender => {
  const doFetch = deps.fetch ?? fetch;
  const throttle = deps.throttle ?? keyedThrottle({ clock: deps.clock });
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const endpoint = `${deps.apiRoot.replace(/\/+$/, '')}/bot${deps.token}/sendMessage`;
  // Belt and braces: nothing we return may carry the token, whatever a provider echoes back.
  const clean = (s: string) => s.split(deps.token).join('***');

  const call = async (body: SendMessageParams): Promise<SendResult> => {
    let res: Response;
    let answer: ApiResponse<SentMessage> | null = null;
    try {
      res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = (await res.json().catch(() => null)) as ApiResponse<SentMessage> | null;
    } catch (e) {
      return { ok: false, retryable: true, error: isTimeout(e) ? 'telegram_timeout' : 'telegram_network_error' };
    }
    if (res.ok && answer?.ok && typeof answer.result?.message_id === 'number') {
      return { ok: true, externalId: String(answer.result.message_id) };
    }
    if (res.ok) return { ok: false, retryable: true, error: 'telegram_bad_response' };
    const description = answer && !answer.ok ? String(answer.description ?? '') : '';
    const refusal = classifyRefusal(res.status, description);
    const retryAfter = answer && !answer.ok ? answer.parameters?.retry_after : undefined;
    return {
      ok: false,
      retryable: refusal.retryable,
      ...(res.status === 429 && typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}),
      error: refusal.known || !description ? refusal.error : clean(`${refusal.error}: ${description.slice(0, 200)}`),
      ...(refusal.gone ? { gone: refusal.gone } : {}),
    };
  };

  return {
    name: 'telegram',
    async send(message: OutboundMessage): Promise<SendResult> {
      // Accepted before (we crashed before the outbox row was marked): the client has it already.
      const done = await deps.deliveries.find(message.idempotencyKey);
      if (done) return { ok: true, externalId: done.externalId };
      const keyboard = keyboardOf(message.payload);
      if (keyboard === null) return { ok: false, retryable: false, error: 'telegram_bad_options' };
      await throttle.wait(message.to);
      const result = await call({
        chat_id: message.to,
        text: message.text,
        disable_web_page_preview: true,
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      if (result.ok) {
        try {
          await deps.deliveries.record({
            idempotencyKey: message.idempotencyKey,
            channel: 'telegram',
            externalId: result.externalId,
            sentAt: deps.clock.now(),
          });
        } catch {
          // Telegram has the message: report it sent, so the outbox row is marked and not resent.
        }
      }
      return result;
    },
  };
};
