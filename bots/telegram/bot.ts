// The grammY bot: one Composer per feature. Everything it says goes through the outbox
// (replies.ts). A feature that throws makes the whole update fail, so the inbox worker logs it and
// tries it again later (every feature is idempotent per update). Webhook and polling alike only
// store updates in the inbox (webhook.ts, polling.ts); the worker hands them to `handleUpdate`.
import { Bot, Composer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { clientForChat } from '../../src/usecases/telegram/client-for-chat.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';
import { botActor, BotContext, isPrivate, say, type BotEnv } from './context.ts';
import { repliesThroughOutbox } from './replies.ts';
import { appointmentsFeature } from './features/appointments.ts';
import { documentsFeature } from './features/documents.ts';
import { classesFeature } from './features/classes.ts';
import { pauseFeature } from './features/pause.ts';
import { gateFeature } from './features/gate.ts';
import { helpFeature } from './features/help.ts';
import { languageFeature } from './features/language.ts';
import { linkFeature } from './features/link.ts';
import { menuFeature } from './features/menu.ts';
import { relayFeature } from './features/relay.ts';
import { stopFeature } from './features/stop.ts';

export interface TelegramBotDeps {
  core: CoreDeps;
  agencyId: () => Promise<string | null>;
  token: string;
  apiRoot: string;
  /** the bot's own getMe answer; without it, call `bot.init()` before handling updates */
  botInfo?: UserFromGetMe;
  log?: (message: string, error?: unknown) => void;
}

export type TelegramBot = Bot<BotContext>;

/** Who is writing: private chats only, the agency served, and the chat's client if it is linked. */
const identify = (env: BotEnv) => {
  const step = new Composer<BotContext>();
  step.use(async (ctx, next) => {
    if (!ctx.chat) return; // inline queries and the like: not offered
    const agencyId = await env.agencyId();
    if (!agencyId) return; // no agency yet: nothing is linked, nothing to say
    ctx.agencyId = agencyId;
    if (!isPrivate(ctx)) {
      // A group or channel could be read by others: explain once per message, never link.
      if (ctx.message) await say(env, ctx, 'private_only', null);
      return;
    }
    ctx.client = await clientForChat(env.core, botActor(agencyId), ctx.chat.id);
    return next();
  });
  return step;
};

export const createTelegramBot = (deps: TelegramBotDeps): TelegramBot => {
  const env: BotEnv = { core: deps.core, agencyId: deps.agencyId, log: deps.log ?? ((m, e) => console.error(m, e ?? '')) };
  const bot = new Bot<BotContext>(deps.token, {
    ContextConstructor: BotContext,
    client: { apiRoot: deps.apiRoot.replace(/\/+$/, '') },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  const appointments = appointmentsFeature(env);
  bot.use(
    repliesThroughOutbox(env),
    identify(env),
    appointments.abandon,
    linkFeature(env),
    helpFeature(env),
    stopFeature(env),
    gateFeature(env),
    // The pause word before anything that reads text (a waiting cancel reason, a class code).
    pauseFeature(env),
    // Before language, whose catch-all answers unknown buttons; appointments before relay, so a
    // cancel reason it is waiting for is not relayed as a message.
    menuFeature(env),
    appointments.feature,
    // Before relay: it ends the chain for every photo or file, which relay would otherwise refuse.
    documentsFeature(env, { token: deps.token, apiRoot: deps.apiRoot }),
    // After appointments (a waiting cancel reason is not a code); before relay, which gets bare codes it does not take.
    classesFeature(env),
    languageFeature(env),
    relayFeature(env),
  );
  return bot;
};
