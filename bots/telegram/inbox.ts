// The inbox worker's handler for Telegram updates: the stored update, handed to the bot.
import type { InboxHandler } from '../../src/usecases/inbox/handle-inbox.ts';
import { parseUpdate, UPDATE_SOURCE } from './webhook.ts';

export interface UpdateHandler {
  handleUpdate(update: never): Promise<void>;
}

/** `{ telegram_update: handler }` for handleInbox; a payload that is not an update is skipped. */
export const telegramInboxHandlers = (bot: UpdateHandler): Record<string, InboxHandler> => ({
  [UPDATE_SOURCE]: async (payload) => {
    const update = parseUpdate(payload);
    if (update) await bot.handleUpdate(update as never);
  },
});
