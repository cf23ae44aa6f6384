// The inbox handlers for what Slack sent: each kept item goes to its listener.
import type { InboxHandler } from '../../../src/usecases/inbox/handle-inbox.ts';
import { SLACK_ACTION_SOURCE, SLACK_COMMAND_SOURCE, SLACK_EVENT_SOURCE } from '../events.ts';
import type { SlackEnv } from './env.ts';
import { obj, str } from './env.ts';
import { onMessage } from './message.ts';

export interface SlackListeners {
  /** `block_actions` and `view_submission` payloads */
  onAction?: (env: SlackEnv, payload: Record<string, unknown>) => Promise<void>;
  /** a slash command's form fields */
  onCommand?: (env: SlackEnv, fields: Record<string, string>) => Promise<void>;
  /** `app_home_opened` */
  onHomeOpened?: (env: SlackEnv, event: Record<string, unknown>) => Promise<void>;
}

export const slackInboxHandlers = (env: () => Promise<SlackEnv | null>, more: SlackListeners = {}): Record<string, InboxHandler> => {
  const withEnv = (run: (e: SlackEnv, payload: string) => Promise<void>): InboxHandler => async (payload) => {
    const e = await env();
    if (!e) throw new Error('slack: not ready');
    await run(e, payload);
  };
  return {
    [SLACK_EVENT_SOURCE]: withEnv(async (e, payload) => {
      const event = obj(obj(JSON.parse(payload)).event);
      const type = str(event.type);
      if (type === 'message') return onMessage(e, event);
      if (type === 'app_home_opened' && more.onHomeOpened) return more.onHomeOpened(e, event);
    }),
    [SLACK_ACTION_SOURCE]: withEnv(async (e, payload) => {
      if (more.onAction) await more.onAction(e, obj(JSON.parse(payload)));
    }),
    [SLACK_COMMAND_SOURCE]: withEnv(async (e, payload) => {
      if (more.onCommand) await more.onCommand(e, JSON.parse(payload) as Record<string, string>);
    }),
  };
};
