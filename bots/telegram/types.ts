// The few shapes of the Telegram Bot API (https://core.telegram.org/bots/api) that the outbound
// sender speaks. The bot's own updates and replies are grammY's types.

export interface InlineKeyboardButton {
  text: string;
  /** 1–64 bytes, given back in the callback query when the button is pressed */
  callback_data: string;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

/** The body of `sendMessage` as we send it: plain text, no parse_mode, no link previews. */
export interface SendMessageParams {
  chat_id: string | number;
  text: string;
  disable_web_page_preview: true;
  reply_markup?: InlineKeyboardMarkup;
}

export interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
}

export interface SentMessage {
  message_id: number;
  chat: Chat;
  date: number;
  text?: string;
}

/** Every Bot API answer: `ok` with a result, or an error code with a description. */
export type ApiResponse<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      error_code: number;
      description: string;
      /** `retry_after` in seconds on a 429; `migrate_to_chat_id` when a group became a supergroup */
      parameters?: { retry_after?: number; migrate_to_chat_id?: number };
    };

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Telegram's limit on a message's text, in characters (after entity parsing; we send plain text). */
export const MESSAGE_TEXT_MAX_CHARS = 4096;
