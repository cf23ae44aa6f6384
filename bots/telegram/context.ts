// What every feature of the bot shares: the core, the agency it serves, and who the chat is.
import { Context } from 'grammy';
import type { Actor } from '../../src/domain/actor.ts';
import { resolveLocale } from '../../src/domain/locale.ts';
import type { Client, Locale } from '../../src/domain/types.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';

export interface BotEnv {
  core: CoreDeps;
  /** the deployment's agency; null before one exists */
  agencyId: () => Promise<string | null>;
  log: (message: string, error?: unknown) => void;
}

/** grammY's context plus the chat's client, set by the gate for the features after it. */
export class BotContext extends Context {
  agencyId = '';
  client: Client | null = null;
}

/** The bot acting for itself, as every door's webhook does. */
export const botActor = (agencyId: string): Actor => ({ type: 'system', agencyId, door: 'telegram' });

/** The client acting through their own linked chat. */
export const clientActor = (client: Client): Actor => ({ type: 'client', agencyId: client.agencyId, clientId: client.id, door: 'telegram' });

/** The language to answer in: the client's when the chat is theirs, else the Telegram app's. */
export const localeOf = (ctx: BotContext, client: Client | null = ctx.client): Locale =>
  client ? resolveLocale(client.language) : resolveLocale(ctx.from?.language_code);

/** A plain-text answer in the chat's language. Only for short answers that carry no client data. */
export const say = (env: BotEnv, ctx: BotContext, key: string, client: Client | null = ctx.client) =>
  ctx.reply(env.core.t(localeOf(ctx, client), `telegram.${key}`), { link_preview_options: { is_disabled: true } });

/** Where the chat's open question is kept. */
export const whereOf = (ctx: BotContext) => ({ agencyId: ctx.agencyId, channel: 'telegram' as const, address: String(ctx.chat!.id) });

/**
 * Answers a button press (stops its spinner). Telegram refuses to answer a press twice or late
 * ("query is too old"), which happens when an update is handled again or after a backlog: that
 * must never stop the press from doing what it asks.
 */
export const ackPress = (ctx: BotContext, answer?: { text: string; show_alert?: boolean }) =>
  ctx.answerCallbackQuery(answer).then(
    () => undefined,
    () => undefined,
  );

export const isPrivate = (ctx: BotContext) => ctx.chat?.type === 'private';
