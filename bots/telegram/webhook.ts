// POST /webhooks/telegram: verify the secret header, parse, keep the update in the inbox, answer
// at once. The inbox worker hands it to the bot (inbox.ts), so a slow download or a busy database
// never keeps Telegram waiting, and nothing accepted is lost:
//   1. the secret is checked before the body is even read (wrong or missing: 401, nothing stored);
//   2. the update is stored once per update_id — Telegram's retry of it is answered 200 and
//      nothing else happens;
//   3. the worker handles it, retries it with backoff if the bot throws, and clears its payload
//      once done. A crash mid-way hands it out again, which every feature survives: a relayed
//      message is stored once per (chat, message_id), a link token is used once, /stop and
//      /language are idempotent, and replies are queued under keys made from the update.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { constantTimeEqual } from '../../src/domain/secrets.ts';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';

export interface TelegramWebhookDeps {
  core: Pick<CoreDeps, 'store' | 'clock' | 'ids' | 'onInbox'>;
  agencyId: () => Promise<string | null>;
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
    const raw = await c.req.text();
    const update = parseUpdate(raw);
    if (!update) return c.json({ ok: false }, 400);
    const agencyId = await deps.agencyId();
    // No agency yet: ask Telegram to try again later rather than drop the update.
    if (!agencyId) return c.json({ ok: false }, 503);
    const { store, clock, ids } = deps.core;
    const outcome = await store.commit([
      store.inbox.insert({ id: ids.newId('inb'), agencyId, source: UPDATE_SOURCE, externalId: String(update.update_id), payload: raw, receivedAt: clock.now() }),
    ]);
    // 'duplicate': Telegram sent it again; it is stored (and handled, or about to be) already.
    if (outcome === 'ok') deps.core.onInbox?.();
    return c.json({ ok: true });
  });
  return app;
};
