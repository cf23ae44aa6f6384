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
import { startDeliveryLoop } from './delivery-loop.ts';
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

/** The channel senders that reach real providers, for the channels the configuration sets up. */
const realSenders = (config: Config, base: { store: Store; clock: Clock }) => ({
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
const startTelegram = async (config: Config, core: CoreDeps): Promise<TelegramBot | null> => {
  if (!config.TELEGRAM_BOT_TOKEN) return null;
  let agency: string | null = null;
  const agencyId = async () => (agency ??= (await core.store.agencies.list())[0]?.id ?? null);
  const bot = createTelegramBot({ core, agencyId, token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT });
  try {
    await bot.init();
  } catch (e) {
    console.error(t('en', 'telegram.log_not_started'), e instanceof Error ? e.message.split(config.TELEGRAM_BOT_TOKEN).join('***') : '');
    return null;
  }
  if (config.TELEGRAM_MODE === 'polling') {
    say('telegram.log_polling');
    void bot.start().catch((e: unknown) => console.error(t('en', 'telegram.log_update_failed'), e));
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
  const base = { store: db.store, clock: systemClock(), ids: randomIds() };
  const delivery = startDeliveryLoop(
    {
      ...base,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      // A configured channel gets its real sender; the others are off, or dev in demo mode.
      senderFor: senderFor({ channels: config.channels, demo: config.DEMO }, realSenders(config, base), devSender(base)),
    },
    { intervalMs: 1000, onError: (e) => console.error(t('en', 'server.delivery_failed'), e) },
  );
  const core: CoreDeps = { ...base, t, blobs: fsBlobStore(resolve(config.BLOB_DIR)), onOutbox: delivery.kick };
  const seeded = config.DEMO ? await seedDemo(core) : null;
  const bot = await startTelegram(config, core);
  const webhook = bot && config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_SECRET ? { bot, secret: config.TELEGRAM_WEBHOOK_SECRET } : undefined;
  const app = createApp({
    core,
    demo: config.DEMO,
    publicUrl: config.PUBLIC_URL,
    telegramBotUsername: config.TELEGRAM_BOT_USERNAME ?? bot?.botInfo.username,
    telegram: webhook,
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  delivery.kick();
  return {
    seeded,
    async stop() {
      if (bot?.isRunning()) await bot.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
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
