import { Hono, type Context } from 'hono';
import { randomToken } from '../../src/domain/secrets.ts';
import { listConversation } from '../../src/usecases/messaging/list-conversation.ts';
import { markConversationRead } from '../../src/usecases/messaging/mark-conversation-read.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { crisisResourcesFor } from '../../src/usecases/crisis/resources.ts';
import { clientOf, refusalText } from '../actor.ts';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { requireClient } from '../middleware/require-client.ts';
import { MessagesPage } from '../pages/messages.tsx';
import { notFound } from '../pages/not-found.tsx';
import { viewOf } from '../view.ts';

const DONE = new Set(['message_sent']);
/** The form's idempotency key, as this page makes it (randomToken(18) is 24 characters). */
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

const field = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** Messages: the conversation with the caseworker (opening it reads it), and writing to them. */
export const messagesRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.use('/messages', requireClient());

  /** The page, with a fresh nonce for the form; viewing it marks the conversation read. */
  const page = async (
    c: Context<PortalEnv>,
    extra: { done?: string | undefined; body?: string; error?: string; help?: Awaited<ReturnType<typeof crisisResourcesFor>> },
    status: 200 | 400 = 200,
  ) => {
    const { client, actor } = clientOf(c);
    const r = await listConversation(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    const read = await markConversationRead(deps.core, actor, { clientId: client.id });
    const previousReadAt = read.ok ? read.value.previousReadAt : null;
    const v = viewOf(c, deps);
    return c.html(<MessagesPage v={v} messages={r.value.messages} previousReadAt={previousReadAt} nonce={randomToken(18)} {...extra} />, status);
  };

  app.get('/messages', async (c) => {
    const done = c.req.query('done');
    // After a message that read like a crisis, the agency's crisis resources come first.
    const help = c.req.query('help') === '1' ? await crisisResourcesFor(deps.core, clientOf(c).actor, viewOf(c, deps).lng) : undefined;
    return page(c, { done: done && DONE.has(done) ? done : undefined, ...(help ? { help } : {}) });
  });

  app.post('/messages', async (c) => {
    const { client, actor } = clientOf(c);
    const form = await c.req.parseBody();
    const body = field(form, 'body');
    const nonce = field(form, 'nonce');
    const t = viewOf(c, deps).t;
    if (!NONCE.test(nonce)) return page(c, { body, error: t('portal.messages.stale') }, 400);
    const r = await recordInboundMessage(deps.core, actor, {
      clientId: client.id,
      channel: 'portal',
      body,
      source: 'portal',
      // one message per form, whoever else sends the same key
      externalId: `${client.id}:${nonce}`,
    });
    // The message reached the caseworker either way; a crisis also brings the crisis resources up.
    // the pause word typed here pauses too: the settings page says so, with the way back
    if (r.ok && !r.value.duplicate && r.value.paused) return c.redirect('/settings?done=paused', 303);
    if (r.ok) return c.redirect(!r.value.duplicate && r.value.crisis ? '/messages?done=message_sent&help=1' : '/messages?done=message_sent', 303);
    if (r.code === 'not_found') return notFound(c, deps);
    return page(c, { body, error: refusalText(t, r) }, 400);
  });

  return app;
};
