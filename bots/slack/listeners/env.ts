// What every Slack listener gets: the core, the Web API, the app's own identity (to ignore its
// own messages) and where client threads live. Listeners are plain functions over this, so the
// same ones serve the HTTP endpoint (through the inbox) and any other transport.
import type { CoreDeps } from '../../../src/usecases/shared/deps.ts';
import type { SlackWebApi } from '../web-api.ts';

export interface SlackEnv {
  core: CoreDeps;
  api: SlackWebApi;
  agencyId: string;
  /** SLACK_CHANNEL: where client threads open unless their caseworker has a channel of their own */
  channel: string;
  /** the app's bot user (auth.test), whose messages are never taken as a caseworker's */
  botUserId: string | null;
  publicUrl: string;
  linkSecret: string;
  /** posts to a slash command's response_url (only Slack's own hosts); false when it could not */
  /** the Telegram bot's username, when there is one: invitations then carry a Telegram link */
  telegramBotUsername?: string | undefined;
  respond: (responseUrl: string, body: { text: string; blocks?: unknown[]; response_type?: 'ephemeral' }) => Promise<boolean>;
}

export { obj, str } from '../fields.ts';
