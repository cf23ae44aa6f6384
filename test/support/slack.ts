// Drives the Slack app the way Slack does: signed requests to the real HTTP app's /slack/events,
// the listeners and the staff notices talking to a fake Slack Web API on 127.0.0.1. After each
// request the harness runs what the server runs in the background: the inbox worker, then the
// delivery worker (client messages through the dev sender unless a test passes its own).
import { expect } from 'vitest';
import { markDelivery } from '../../bots/slack/delivery-marks.ts';
import type { SlackEnv } from '../../bots/slack/listeners/env.ts';
import { slackInboxHandlers, type SlackListeners } from '../../bots/slack/listeners/index.ts';
import { slackSender } from '../../bots/slack/send.ts';
import { slackWebApi } from '../../bots/slack/web-api.ts';
import { createApp } from '../../src/http/app.ts';
import type { ChannelSender } from '../../src/ports/channel-sender.ts';
import { devSender } from '../../src/senders/dev-sender.ts';
import { handleInbox, type InboxHandler } from '../../src/usecases/inbox/handle-inbox.ts';
import { channelGone } from '../../src/usecases/outbox/channel-gone.ts';
import { deliverDue } from '../../src/usecases/outbox/deliver-outbox.ts';
import { signedSlackRequest, startFakeSlack } from '../fakes/slack-api.ts';
import type { TestCore } from './core.ts';
import type { World } from './fixtures.ts';

export const SIGNING_SECRET = 'slack-signing-secret-for-tests';
export const LINK_SECRET = 'link-secret-for-tests-0123456789';
export const CLIENT_CHANNEL = 'C0CLIENTS';
export const PUBLIC_URL = 'https://casebridge.example.org';

export interface SlackHarnessOptions {
  listeners?: SlackListeners;
  /** senders for the client channels (default: the dev sender) */
  clientSender?: ChannelSender;
  /** more inbox handlers (e.g. SMS), run by the same worker */
  handlers?: Record<string, InboxHandler>;
}

export const startSlack = async (core: TestCore, w: World, opts: SlackHarnessOptions = {}) => {
  const fake = await startFakeSlack();
  const api = slackWebApi({ token: fake.token, apiUrl: fake.apiUrl });
  const env: SlackEnv = {
    core,
    api,
    agencyId: w.agency.id,
    channel: CLIENT_CHANNEL,
    botUserId: fake.botUserId,
    publicUrl: PUBLIC_URL,
    linkSecret: LINK_SECRET,
    respond: async (url, body) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).ok,
  };
  const app = createApp({ core, demo: false, publicUrl: PUBLIC_URL, slack: { signingSecret: SIGNING_SECRET }, linkSecret: LINK_SECRET });
  const staffSender = slackSender({ core, api, channel: CLIENT_CHANNEL, publicUrl: PUBLIC_URL, linkSecret: LINK_SECRET });
  const clientSender = opts.clientSender ?? devSender(core);
  const handlers = { ...slackInboxHandlers(async () => env, opts.listeners), ...opts.handlers };
  const failures: unknown[] = [];

  /** The background work: handle what was stored, then deliver what got queued. */
  const work = async () => {
    while ((await handleInbox({ store: core.store, handlers, maxAttempts: 3, onFailure: (_i, e) => failures.push(e) }, core.clock.now())).done > 0);
    const deliver = () =>
      deliverDue(
        {
          store: core.store,
          t: core.t,
          senderFor: (ch) => (ch === 'slack' ? staffSender : clientSender),
          maxAttempts: 5,
          onGone: (row, gone) => channelGone(core, row, gone),
          onSettled: (row, outcome) => markDelivery(api, core.t, row, outcome),
        },
        core.clock.now(),
      );
    while ((await deliver()).sent > 0);
  };

  let nextEvent = 1;
  /** Posts a signed request as Slack would; `work` runs after it unless told not to. */
  const post = async (signed: { headers: Record<string, string>; body: string }, run = true) => {
    const res = await app.request('/slack/events', { method: 'POST', headers: signed.headers, body: signed.body });
    if (run) await work();
    return res;
  };
  const sign = (contentType: 'json' | 'payload' | 'form', body: unknown, extra: { timestamp?: number; retryNum?: number } = {}) =>
    signedSlackRequest({
      signingSecret: SIGNING_SECRET,
      contentType,
      body: body as never,
      timestamp: extra.timestamp ?? Math.floor(core.clock.now() / 1000),
      ...(extra.retryNum !== undefined ? { retryNum: extra.retryNum } : {}),
    });
  /** An Events API callback around `event`, with a fresh event_id unless given. */
  const event = async (e: Record<string, unknown>, o: { eventId?: string; retryNum?: number } = {}) => {
    const body = { type: 'event_callback', team_id: fake.teamId, api_app_id: fake.appId, event_id: o.eventId ?? `Ev${String(nextEvent++).padStart(8, '0')}`, event: e };
    const res = await post(await sign('json', body, o));
    expect(res.status).toBe(200);
    return res;
  };
  /** A caseworker (Slack user `user`) writes `text` in a thread (of SLACK_CHANNEL unless told), as Slack would deliver it. */
  const writeInThread = async (user: string, threadTs: string, text: string, channel = CLIENT_CHANNEL) => {
    const m = fake.userMessage({ channel, user, text, thread_ts: threadTs });
    await event({ type: 'message', channel, channel_type: 'channel', user, text, ts: m.ts, thread_ts: threadTs });
    return m.ts;
  };
  /** An interactivity payload (block_actions, view_submission). */
  const interact = async (payload: Record<string, unknown>) => post(await sign('payload', payload));
  /** A slash command's fields. */
  const command = async (fields: Record<string, string>) => post(await sign('form', { command: '/casebridge', trigger_id: fake.triggerId(), response_url: fake.responseUrl(), ...fields }));
  /** The thread parents posted in the client channel (or in `channel`), oldest first. */
  const threads = (channel = CLIENT_CHANNEL) => fake.messages.filter((m) => m.channel === channel && !m.thread_ts);
  const inThread = (threadTs: string) => fake.messages.filter((m) => m.thread_ts === threadTs);

  return { fake, api, env, app, work, failures, post, sign, event, writeInThread, interact, command, threads, inThread };
};

export type SlackHarness = Awaited<ReturnType<typeof startSlack>>;
