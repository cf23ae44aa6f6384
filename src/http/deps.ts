import type { TelegramUpdateHandler } from '../../bots/telegram/webhook.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';

/** What the HTTP app needs: the core, and the few settings that change what it serves. */
export interface HttpDeps {
  core: CoreDeps;
  demo: boolean;
  publicUrl: string;
  /** the Telegram bot's @username without @: the portal offers "Connect Telegram" only when set */
  telegramBotUsername?: string | undefined;
  /** the Telegram bot and its webhook secret: POST /webhooks/telegram is served only when set */
  telegram?: { bot: TelegramUpdateHandler; secret: string } | undefined;
  /** where unexpected errors are reported (console.error by default) */
  logError?: (message: string, error: unknown) => void;
}

export type AppEnv = { Variables: { locale: string } };
