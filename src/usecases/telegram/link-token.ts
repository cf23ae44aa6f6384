import { z } from 'zod';
import { MINUTE } from '../../domain/time.ts';

/** How long a "Connect Telegram" link may be used. */
export const TELEGRAM_LINK_TTL_MS = 15 * MINUTE;

/**
 * A link token as Telegram carries it in `/start <token>`: the start parameter allows only
 * A-Za-z0-9_- and at most 64 characters. `randomToken(32)` is 43 base64url characters.
 */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/);

/** The bot's @username without the @: 5–32 letters, digits or underscores. */
export const botUsernameSchema = z.string().regex(/^[A-Za-z0-9_]{5,32}$/);

/**
 * A private chat's id (the Telegram user's id): a positive integer. Group and channel ids are
 * negative and are refused: a client's data must never go to a chat others can read.
 */
export const chatIdSchema = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9]\d{0,15}$/)]).transform(String);

/** The deep link that opens the bot with the token as its start parameter. */
export const deepLink = (botUsername: string, token: string): string => `https://t.me/${botUsername}?start=${token}`;
