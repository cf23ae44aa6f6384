// The embedded default: one Node process with a SQLite (libsql) file, documents on disk and an
// in-process delivery worker. The only place (with the CLI) that builds concrete Node parts.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { openLibsql } from '../db/libsql.ts';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_CLIENTS } from '../demo/people.ts';
import { createApp } from '../http/app.ts';
import { createTranslator } from '../i18n/translator.ts';
import { fsBlobStore } from '../runtime/fs-blob-store.ts';
import { randomIds } from '../runtime/random-ids.ts';
import { systemClock } from '../runtime/system-clock.ts';
import { devSender } from '../senders/dev-sender.ts';
import { senderFor } from '../senders/route.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';
import { runScheduler } from '../usecases/scheduler/run-scheduler.ts';
import { startWorkLoop, type WorkLoop } from './work-loop.ts';
import { deliverDue } from '../usecases/outbox/deliver-outbox.ts';
import { channelGone } from '../usecases/outbox/channel-gone.ts';
import { handleInbox, INBOX_MAX_ATTEMPTS } from '../usecases/inbox/handle-inbox.ts';
import { telegramInboxHandlers } from '../../bots/telegram/inbox.ts';
import { startPolling } from '../../bots/telegram/polling.ts';
import { slackWebApi } from '../../bots/slack/web-api.ts';
import { slackSender } from '../../bots/slack/send.ts';
import { slackInboxHandlers, type SlackListeners } from '../../bots/slack/listeners/index.ts';
import { onAction } from '../../bots/slack/listeners/actions.ts';
import { onCommand } from '../../bots/slack/listeners/commands.ts';
import { onHomeOpened } from '../../bots/slack/listeners/home.ts';
import { startSocketMode } from '../../bots/slack/socket-mode.ts';
import { validateSubmission } from '../../bots/slack/listeners/validate.ts';
import { markDelivery } from '../../bots/slack/delivery-marks.ts';
import type { SlackEnv } from '../../bots/slack/listeners/env.ts';
import { smsInboxHandlers } from '../../bots/sms/inbox.ts';
import { twilioSender, smsPacing } from '../../bots/sms/twilio/send.ts';
import { deleteTwilioMedia, fetchTwilioMedia, TWILIO_MEDIA_HOSTS } from '../../bots/sms/twilio/media.ts';
import { STATUS_PATH } from '../../bots/sms/twilio/webhook.ts';
import { keyedThrottle } from '../runtime/throttle.ts';
import { randomToken } from '../domain/secrets.ts';
import { safeError } from '../usecases/shared/safe-error.ts';
import { telegramSender } from '../../bots/telegram/send.ts';
import { createTelegramBot, type TelegramBot } from '../../bots/telegram/bot.ts';
import type { Clock } from '../ports/clock.ts';
import type { Store } from '../ports/store.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const t = createTranslator();
const say = (key: string, vars?: Record<string, string | number>) => console.log(t('en', key, vars));

const readConfig = (): Config => {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(t('en', 'server.config_problem'));
      for (const p of e.problems) console.error(`  - ${p}`);
      process.exit(1);
    }
    throw e;
  }
};

interface SlackParts {
  api: ReturnType<typeof slackWebApi>;
  sender: ReturnType<typeof slackSender>;
  env: () => Promise<SlackEnv | null>;
}

/** The Slack listeners beyond thread messages: buttons and modals, App Home, /casebridge. */
const SLACK_LISTENERS: SlackListeners = { onAction, onCommand, onHomeOpened };

/** Slack's hosts answer slash commands' response_urls; anything else in one is not followed. */
const SLACK_RESPONSE_HOSTS = new Set(['hooks.slack.com']);

/**
 * The Slack app when its bot token and channel are set: the Web API client, the staff channel's
 * sender (client threads and cards) and the listeners' environment (which learns the bot's own
 * user id once, so its messages are never taken for a caseworker's).
 */
const slackParts = (config: Config, core: CoreDeps, linkSecret: string, telegramBotUsername: () => string | undefined): SlackParts | null => {
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_CHANNEL) return null;
  const api = slackWebApi({ token: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL });
  const channel = config.SLACK_CHANNEL;
  const agencyId = agencyOf(core);
  let botUserId: string | null | undefined;
  const env = async (): Promise<SlackEnv | null> => {
    const agency = await agencyId();
    if (!agency) return null;
    if (botUserId === undefined) {
      const me = await api.authTest();
      if (!me.ok) throw new Error(`slack auth.test: ${me.error}`);
      botUserId = me.value.user_id ?? null;
    }
    return {
      core,
      api,
      agencyId: agency,
      channel,
      botUserId,
      publicUrl: config.PUBLIC_URL,
      linkSecret,
      telegramBotUsername: telegramBotUsername(),
      respond: async (url, body) => {
        const host = URL.canParse(url) ? new URL(url).host : '';
        if (!SLACK_RESPONSE_HOSTS.has(host) && host !== new URL(config.SLACK_API_URL).host) return false;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
        return res.ok;
      },
    };
  };
  return { api, env, sender: slackSender({ core, api, channel, publicUrl: config.PUBLIC_URL, linkSecret }) };
};

/** One agency per deployment for now: the first (and only) one in the database, once it exists. */
const agencyOf = (core: CoreDeps) => {
  let agency: string | null = null;
  return async () => (agency ??= (await core.store.agencies.list())[0]?.id ?? null);
};

/** The channel senders that reach real providers, for the channels the configuration sets up. */
const realSenders = (config: Config, base: { store: Store; clock: Clock }, slack: SlackParts | null) => ({
  ...(slack ? { slack: slack.sender } : {}),
  ...(config.channels.sms
    ? {
        sms: twilioSender({
          accountSid: config.TWILIO_ACCOUNT_SID!,
          authToken: config.TWILIO_AUTH_TOKEN!,
          from: config.TWILIO_FROM!,
          apiBase: config.TWILIO_API_BASE,
          statusCallbackUrl: `${config.PUBLIC_URL.replace(/\/+$/, '')}${STATUS_PATH}`,
          deliveries: base.store.deliveries,
          clock: base.clock,
          throttle: keyedThrottle({ clock: base.clock, ...smsPacing(config.SMS_SEND_RATE) }),
        }),
      }
    : {}),
  ...(config.TELEGRAM_BOT_TOKEN
    ? {
        telegram: telegramSender({
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          deliveries: base.store.deliveries,
          clock: base.clock,
        }),
      }
    : {}),
});

/**
 * The Telegram bot when a token is set: it learns its own name from the Bot API, then either waits
 * for the webhook (TELEGRAM_MODE=webhook) or asks for updates itself (polling). Null when off or
 * when the Bot API cannot be reached (the rest of Casebridge still runs).
 */
/**
 * Twilio's account for the SMS webhooks: the configured one, or in demo mode a pair made up at
 * start (so /dev/phone signs its texts exactly as Twilio would, and no one else can). Media are
 * fetched from Twilio's hosts only — in the demo, from this server's own sample files.
 */
const smsAccount = (config: Config) => {
  if (config.channels.sms) {
    const account = { accountSid: config.TWILIO_ACCOUNT_SID!, authToken: config.TWILIO_AUTH_TOKEN! };
    return { ...account, mediaHosts: TWILIO_MEDIA_HOSTS };
  }
  if (!config.DEMO) return null;
  return { accountSid: `AC${'de'.repeat(16)}`, authToken: randomToken(), mediaHosts: [`127.0.0.1:${config.PORT}`, `localhost:${config.PORT}`] };
};

const startTelegram = async (config: Config, core: CoreDeps): Promise<TelegramBot | null> => {
  if (!config.TELEGRAM_BOT_TOKEN) return null;
  const bot = createTelegramBot({ core, agencyId: agencyOf(core), token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT });
  try {
    await bot.init();
  } catch (e) {
    console.error(t('en', 'telegram.log_not_started'), e instanceof Error ? e.message.split(config.TELEGRAM_BOT_TOKEN).join('***') : '');
    return null;
  }
  return bot;
};

export const start = async (config: Config) => {
  if (config.DATABASE_URL.startsWith('file:')) {
    mkdirSync(dirname(resolve(config.DATABASE_URL.slice('file:'.length))), { recursive: true });
  }
  const db = await openLibsql({
    url: config.DATABASE_URL,
    ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}),
    migrationsFolder: resolve(root, 'migrations'),
  });
  const base = { store: db.store, clock: systemClock(), ids: randomIds(), t };
  const onError = (key: string) => (e: unknown) => console.error(t('en', key), e);
  // A configured channel gets its real sender; the others are off, or dev in demo mode.
  const linkSecret = config.LINK_SECRET ?? randomToken();
  // The loops are started once the senders exist; the core only needs to be able to kick them.
  let delivery: WorkLoop | null = null;
  let inbox: WorkLoop | null = null;
  const core: CoreDeps = { ...base, t, blobs: fsBlobStore(resolve(config.BLOB_DIR)), onOutbox: () => delivery?.kick(), onInbox: () => inbox?.kick() };
  let telegramUsername: string | undefined = config.TELEGRAM_BOT_USERNAME;
  const slack = slackParts(config, core, linkSecret, () => telegramUsername);
  const route = senderFor({ channels: config.channels, demo: config.DEMO }, realSenders(config, base, slack), devSender(base));
  delivery = startWorkLoop(
    async () => {
      const c = await deliverDue(
        {
          ...base,
          maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
          senderFor: route,
          onGone: (row, gone) => channelGone(base, row, gone),
          ...(slack ? { onSettled: (row, outcome) => markDelivery(slack.api, t, row, outcome) } : {}),
        },
        base.clock.now(),
      );
      return c.sent + c.retried + c.dead + c.cancelled + c.deferred;
    },
    { intervalMs: 1000, batchSize: 20, onError: onError('server.delivery_failed') },
  );
  // Reminders, follow-ups, digests and crisis escalations: once a minute, with the real time.
  const scheduler = config.SCHEDULER
    ? startWorkLoop(
        async () => {
          const report = await runScheduler(core, base.clock.now());
          for (const f of report.failed) console.error(t('en', 'server.scheduler_job_failed', { job: f.job, agency: f.agencyId }), f.error);
          return 0;
        },
        { intervalMs: 60_000, batchSize: 1, onError: onError('server.scheduler_failed') },
      )
    : null;
  const seeded = config.DEMO ? await seedDemo(core) : null;
  const bot = await startTelegram(config, core);
  telegramUsername ??= bot?.botInfo.username;
  const sms = smsAccount(config);
  const media = (url: string) => ({ url, accountSid: sms!.accountSid, authToken: sms!.authToken, allowedHosts: sms!.mediaHosts });
  // What the webhooks accepted, handled in the background: the bot's updates and the texts.
  const handlers = {
    ...(bot ? telegramInboxHandlers(bot) : {}),
    ...(slack ? slackInboxHandlers(slack.env, SLACK_LISTENERS) : {}),
    ...(sms
      ? smsInboxHandlers({
          core,
          agencyId: agencyOf(core),
          publicUrl: config.PUBLIC_URL,
          fetchMedia: (url, maxBytes) => fetchTwilioMedia({ ...media(url), maxBytes }),
          ...(config.channels.sms ? { deleteMedia: (url: string) => deleteTwilioMedia(media(url)) } : {}),
        })
      : {}),
  };
  inbox = startWorkLoop(
    async () => {
      const c = await handleInbox(
        {
          store: base.store,
          handlers,
          maxAttempts: INBOX_MAX_ATTEMPTS,
          onFailure: (item, e) => console.error(t('en', 'server.inbox_failed', { source: item.source, id: item.externalId, attempt: item.attempts }), safeError(e)),
        },
        base.clock.now(),
      );
      return c.done + c.retried + c.dead;
    },
    { intervalMs: 1000, batchSize: 20, onError: onError('server.inbox_loop_failed') },
  );
  // Polling: the server asks Telegram for updates and stores them in the inbox, as the webhook would.
  const polling =
    bot && config.TELEGRAM_MODE === 'polling'
      ? startPolling({ api: bot.api, core, agencyId: agencyOf(core), onError: onError('telegram.log_update_failed') })
      : null;
  if (polling) say('telegram.log_polling');
  // Slack without a public URL: Socket Mode (Bolt) keeps what arrives in the same inbox.
  const socket =
    slack && config.SLACK_APP_TOKEN
      ? await startSocketMode({
          core,
          agencyId: agencyOf(core),
          botToken: config.SLACK_BOT_TOKEN!,
          appToken: config.SLACK_APP_TOKEN,
          apiUrl: config.SLACK_API_URL,
          validateSubmission: validateSubmission(t),
          onError: onError('slack.log_socket_failed'),
        }).catch((e: unknown) => {
          console.error(t('en', 'slack.log_socket_failed'), e instanceof Error ? e.message : e);
          return null;
        })
      : null;
  const webhook = bot && config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_SECRET ? { secret: config.TELEGRAM_WEBHOOK_SECRET } : undefined;
  const app = createApp({
    core,
    demo: config.DEMO,
    publicUrl: config.PUBLIC_URL,
    telegramBotUsername: config.TELEGRAM_BOT_USERNAME ?? bot?.botInfo.username,
    telegram: webhook,
    slack: slack && config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : undefined,
    linkSecret,
    sms: sms ? { accountSid: sms.accountSid, authToken: sms.authToken, simulated: !config.channels.sms } : undefined,
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  delivery.kick();
  inbox.kick();
  scheduler?.kick();
  return {
    seeded,
    async stop() {
      await polling?.stop();
      await socket?.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      await scheduler?.stop();
      await inbox?.stop();
      await delivery.stop();
      db.close();
    },
  };
};

const main = async () => {
  const config = readConfig();
  const running = await start(config);
  say('server.listening', { url: config.PUBLIC_URL });
  if (running.seeded) say('server.seeded');
  // Without Slack nobody is told of a client in crisis: say so loudly, every start.
  if (!config.DEMO && !config.channels.slack) console.error(t('en', 'server.no_slack'));
  if (config.DEMO) {
    say('server.demo_intro', { url: config.PUBLIC_URL });
    say('server.demo_clients');
    for (const c of DEMO_CLIENTS) say('server.demo_client', { phone: c.phone, name: c.name, language: c.language });
    say('server.demo_sign_in', { url: config.PUBLIC_URL });
  }
  const shutdown = () => {
    say('server.stopping');
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
