import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], {
    error: 'must be one of on/off, true/false, 1/0, yes/no',
  })
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const url = (what: string) =>
  z.url({ error: `must be a ${what} URL, like https://example.org` }).refine((u) => /^https?:\/\//.test(u), {
    error: `must start with http:// or https://`,
  });

const optionalSecret = z.string().trim().min(1).optional();

/**
 * Every setting of Casebridge, parsed once at start-up. With no environment at all the product
 * runs: a local demo on port 8787 with a SQLite file under ./data.
 */
export const configSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535').default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url('http(s)').default('http://localhost:8787'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must be file:PATH, or a libsql://, http(s):// or ws(s):// URL')
    .default('file:./data/casebridge.db'),
  DATABASE_AUTH_TOKEN: optionalSecret,
  BLOB_DIR: z.string().min(1).default('./data/blobs'),
  DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** how many delivery attempts before an outgoing message is marked dead */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** the in-process scheduler (reminders, follow-ups, crisis escalation) every minute; off when another process or a cron runs it */
  SCHEDULER: bool.default(true),

  TELEGRAM_BOT_TOKEN: optionalSecret,
  TELEGRAM_WEBHOOK_SECRET: optionalSecret,
  /** webhook: Telegram calls POST /webhooks/telegram; polling: the server asks (no public URL needed) */
  TELEGRAM_MODE: z.enum(['webhook', 'polling'], { error: 'must be webhook or polling' }).default('webhook'),
  TELEGRAM_API_ROOT: url('Telegram Bot API').default('https://api.telegram.org'),
  /** the bot's @username without the @, for "Connect Telegram" links (t.me/<username>) */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_]{5,32}$/, "must be the bot's username without @: 5 to 32 letters, digits or _")
    .optional(),

  TWILIO_ACCOUNT_SID: optionalSecret,
  TWILIO_AUTH_TOKEN: optionalSecret,
  TWILIO_FROM: optionalSecret,
  TWILIO_API_BASE: url('Twilio API').default('https://api.twilio.com'),
  /** texts per second from our Twilio number (a long code takes about 1) */
  SMS_SEND_RATE: z.coerce.number().min(0.1).max(100).default(1),

  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_API_URL: url('Slack Web API').default('https://slack.com/api/'),
  SLACK_CHANNEL: optionalSecret,
  /** signs short-lived links (a Slack card's "View file"); required with Slack (see load.ts) */
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type Config = z.infer<typeof configSchema> & {
  channels: { telegram: boolean; sms: boolean; slack: boolean };
};
