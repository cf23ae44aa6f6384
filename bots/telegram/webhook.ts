// POST /webhooks/telegram: verify the secret header, parse, deduplicate on update_id, hand the
// update to the bot.
//
// Order, so that a crash at any line loses nothing and sends nothing twice:
//   1. the secret is checked before the body is even read (wrong or missing: 401, nothing stored);
//   2. an update_id already recorded is answered 200 and nothing else happens;
//   3. the bot handles the update;
//   4. only then is the update_id recorded (a unique row; a concurrent twin's insert is a no-op).
// Recording first would lose the update if we crashed before handling it (Telegram's retry would
// be taken for a duplicate). Handling first means a crash before step 4 lets Telegram's retry be
// handled again, which is safe: a relayed message is itself stored once per (chat, message_id) and
// confirmed only the first time; a link token is used once; /stop and /language are idempotent.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { constantTimeEqual } from '../../src/domain/secrets.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';

/** What the route needs of the bot (a grammY Bot is one). */
export interface TelegramUpdateHandler {
  handleUpdate(update: never): Promise<void>;
}

export interface TelegramWebhookDeps {
  core: Pick<CoreDeps, 'store' | 'clock' | 'ids'>;
  agencyId: () => Promise<string | null>;
  bot: TelegramUpdateHandler;
  /** TELEGRAM_WEBHOOK_SECRET, given to setWebhook as secret_token */
  secret: string;
}

export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
export const UPDATE_SOURCE = 'telegram_update';

const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/** The raw body as a Telegram update, or null when it is not one. */
export const parseUpdate = (raw: string): z.infer<typeof updateSchema> | null => {
  try {
    const parsed = updateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const telegramWebhookRoutes = (deps: TelegramWebhookDeps) => {
  const app = new Hono();
  // Telegram's updates are small; anything past 1 MB is not one of them (413, nothing read).
  const limit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ ok: false }, 413) });
  app.post('/webhooks/telegram', limit, async (c) => {
    const given = c.req.header(SECRET_HEADER) ?? '';
    if (!constantTimeEqual(given, deps.secret)) return c.json({ ok: false }, 401);
    const update = parseUpdate(await c.req.text());
    if (!update) return c.json({ ok: false }, 400);
    const agencyId = await deps.agencyId();
    // No agency yet: ask Telegram to try again later rather than drop the update.
    if (!agencyId) return c.json({ ok: false }, 503);
    const { store, clock, ids } = deps.core;
    const externalId = String(update.update_id);
    if (await store.inbound.seen(UPDATE_SOURCE, externalId)) return c.json({ ok: true });
    await deps.bot.handleUpdate(update as never);
    // 'duplicate' means a twin got here first: the update is recorded either way.
    await store.commit([store.inbound.insert({ id: ids.newId('inb'), agencyId, source: UPDATE_SOURCE, externalId, receivedAt: clock.now() })]);
    return c.json({ ok: true });
  });
  return app;
};
