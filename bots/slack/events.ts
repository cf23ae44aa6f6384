// POST /slack/events: events, interactivity and slash commands, all at one URL (as the manifest
// sets). Verified on the raw body (v0 HMAC-SHA256, at most 5 minutes off) before anything else;
// then acknowledged at once and kept in the inbox once per Slack id, so Slack's retries
// (X-Slack-Retry-Num) and repeated event_ids do nothing twice; the inbox worker runs the
// listeners (listeners/index.ts).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';
import { SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER, verifySlackRequest } from './verify.ts';
import { obj, str } from './fields.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_EVENT_SOURCE = 'slack_event';
export const SLACK_ACTION_SOURCE = 'slack_action';
export const SLACK_COMMAND_SOURCE = 'slack_command';

export interface SlackEventsDeps {
  core: Pick<CoreDeps, 'store' | 'clock' | 'ids' | 'onInbox'>;
  agencyId: () => Promise<string | null>;
  signingSecret: string;
  /** checks a view submission before Slack closes the modal (a blank reason): the errors to show, or null */
  validateSubmission?: (payload: Record<string, unknown>) => Record<string, unknown> | null;
}

/** What is kept in the inbox for the worker: the source, Slack's id for it, the payload. */
export type Kept = { source: string; externalId: string; payload: string };


/** What to keep of an interactivity payload, under which id; null for what we do not act on. */
export const actionToKeep = (payload: Record<string, unknown>): Kept | null => {
  const type = str(payload.type);
  const raw = JSON.stringify(payload);
  if (type === 'block_actions') {
    const action = obj((payload.actions as unknown[] | undefined)?.[0]);
    const id = `${str(obj(payload.container).message_ts) || str(obj(payload.view).id)}:${str(action.action_id)}:${str(action.action_ts)}`;
    return { source: SLACK_ACTION_SOURCE, externalId: id, payload: raw };
  }
  if (type === 'view_submission') {
    const view = obj(payload.view);
    return { source: SLACK_ACTION_SOURCE, externalId: `view:${str(view.id)}:${str(view.hash)}`, payload: raw };
  }
  return null;
};

/** An Events API callback, kept once per event_id; null for anything else. */
export const eventToKeep = (body: Record<string, unknown>, raw: string): Kept | null =>
  body.type === 'event_callback' && str(body.event_id) ? { source: SLACK_EVENT_SOURCE, externalId: str(body.event_id), payload: raw } : null;

/** A slash command's fields, kept once per trigger_id. */
export const commandToKeep = (fields: Record<string, string>): Kept | null =>
  fields.command && fields.trigger_id ? { source: SLACK_COMMAND_SOURCE, externalId: fields.trigger_id, payload: JSON.stringify(fields) } : null;

/** Stores what Slack sent in the inbox (a repeat is a no-op) and wakes the worker. */
export const keepInInbox = async (core: SlackEventsDeps['core'], agencyId: string, kept: Kept): Promise<void> => {
  const outcome = await core.store.commit([core.store.inbox.insert({ id: core.ids.newId('inb'), agencyId, ...kept, receivedAt: core.clock.now() })]);
  // 'duplicate': a retry (X-Slack-Retry-Num) or the same event again — kept once already.
  if (outcome === 'ok') core.onInbox?.();
};

export const slackEventRoutes = (deps: SlackEventsDeps) => {
  const app = new Hono();
  // Slack's payloads are small; a large view submission is still far below 1 MB.
  const limit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.text('payload too large', 413) });

  app.post(SLACK_EVENTS_PATH, limit, async (c) => {
    const rawBody = await c.req.text();
    const verified = await verifySlackRequest({
      signingSecret: deps.signingSecret,
      rawBody,
      timestampHeader: c.req.header(SLACK_TIMESTAMP_HEADER) ?? null,
      signatureHeader: c.req.header(SLACK_SIGNATURE_HEADER) ?? null,
      now: deps.core.clock.now(),
    });
    if (!verified.ok) return c.text(`invalid request: ${verified.reason}`, 401);

    let kept: Kept | null = null;
    let answer: Response | null = null;
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      let body: Record<string, unknown>;
      try {
        body = obj(JSON.parse(rawBody));
      } catch {
        return c.text('not JSON', 400);
      }
      if (body.type === 'url_verification') return c.json({ challenge: str(body.challenge) });
      kept = eventToKeep(body, rawBody);
    } else {
      const form = new URLSearchParams(rawBody);
      if (form.has('payload')) {
        let payload: Record<string, unknown>;
        try {
          payload = obj(JSON.parse(form.get('payload') ?? ''));
        } catch {
          return c.text('bad payload', 400);
        }
        const errors = payload.type === 'view_submission' ? (deps.validateSubmission?.(payload) ?? null) : null;
        if (errors) return c.json(errors);
        kept = actionToKeep(payload);
      } else if (form.get('command')) {
        kept = commandToKeep(Object.fromEntries(form));
        if (!kept) return c.text('no trigger_id', 400);
        // The answer comes by response_url once the worker has it; Slack shows nothing meanwhile.
        answer = c.body(null, 200);
      } else {
        return c.text('unknown request', 400);
      }
    }
    if (!kept) return c.body(null, 200);
    const agencyId = await deps.agencyId();
    if (!agencyId) return c.text('not ready', 503);
    await keepInInbox(deps.core, agencyId, kept);
    return answer ?? c.body(null, 200);
  });
  return app;
};
