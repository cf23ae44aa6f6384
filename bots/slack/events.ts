// POST /slack/events: events, interactivity and slash commands, all at one URL (as the manifest
// sets). Verified on the raw body (v0 HMAC-SHA256, at most 5 minutes off) before anything else;
// then acknowledged at once and kept in the inbox once per Slack id, so Slack's retries
// (X-Slack-Retry-Num) and repeated event_ids do nothing twice; the inbox worker runs the
// listeners (listeners/index.ts).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CoreDeps } from '../../src/usecases/shared/deps.ts';
import { SLACK_SIGNATURE_HEADER, SLACK_TIMESTAMP_HEADER, verifySlackRequest } from './verify.ts';

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

type Kept = { source: string; externalId: string; payload: string };

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What to keep of an interactivity payload, under which id; null for what we do not act on. */
const actionToKeep = (payload: Record<string, unknown>): Kept | null => {
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
      if (body.type !== 'event_callback' || !str(body.event_id)) return c.body(null, 200);
      kept = { source: SLACK_EVENT_SOURCE, externalId: str(body.event_id), payload: rawBody };
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
        const trigger = form.get('trigger_id') ?? '';
        if (!trigger) return c.text('no trigger_id', 400);
        kept = { source: SLACK_COMMAND_SOURCE, externalId: trigger, payload: JSON.stringify(Object.fromEntries(form)) };
        // The answer comes by response_url once the worker has it; Slack shows nothing meanwhile.
        answer = c.body(null, 200);
      } else {
        return c.text('unknown request', 400);
      }
    }
    if (!kept) return c.body(null, 200);
    const agencyId = await deps.agencyId();
    if (!agencyId) return c.text('not ready', 503);
    const { store, ids, clock } = deps.core;
    const outcome = await store.commit([store.inbox.insert({ id: ids.newId('inb'), agencyId, ...kept, receivedAt: clock.now() })]);
    // 'duplicate': a retry (X-Slack-Retry-Num) or the same event again — kept once already.
    if (outcome === 'ok') deps.core.onInbox?.();
    return answer ?? c.body(null, 200);
  });
  return app;
};
