import type { CoreDeps } from '../usecases/shared/deps.ts';

/** What the HTTP app needs: the core, and the few settings that change what it serves. */
export interface HttpDeps {
  core: CoreDeps;
  demo: boolean;
  publicUrl: string;
  /** the Telegram bot's @username without @: the portal offers "Connect Telegram" only when set */
  telegramBotUsername?: string | undefined;
  /** the Telegram webhook's secret: POST /webhooks/telegram is served only when set (the inbox worker runs the bot) */
  telegram?: { secret: string } | undefined;
  /**
   * Twilio's account and auth token: POST /webhooks/sms/twilio(/status) are served only when set.
   * In demo mode without Twilio, the server's own demo pair, so /dev/phone signs like Twilio does.
   */
  sms?: { accountSid: string; authToken: string; /** the demo's own pair: /dev/phone may text */ simulated?: boolean } | undefined;
  /** the Slack app's signing secret: POST /slack/events is served only when set (the inbox worker runs the listeners) */
  slack?: { signingSecret: string } | undefined;
  /** signs short-lived links (a Slack card's "View file"); /staff/files is served only when set */
  linkSecret?: string | undefined;
  /** where unexpected errors are reported (console.error by default) */
  logError?: (message: string, error: unknown) => void;
}

export type AppEnv = { Variables: { locale: string } };
