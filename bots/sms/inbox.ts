// The inbox worker's handler for texts Twilio delivered: the stored text, through the conversation.
import type { InboxHandler } from '../../src/usecases/inbox/handle-inbox.ts';
import { handleText } from './conversation/handle.ts';
import type { InboundText, SmsEnv } from './conversation/turn.ts';
import { SMS_SOURCE } from './twilio/webhook.ts';

export const smsInboxHandlers = (env: SmsEnv): Record<string, InboxHandler> => ({
  [SMS_SOURCE]: async (payload) => handleText(env, JSON.parse(payload) as InboundText),
});
