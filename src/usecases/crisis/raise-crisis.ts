// A client's message that reads like a crisis (self-harm, being hurt or threatened, a child in
// danger). Everything it causes is written in the same commit as the message itself:
//   - the alert (level 0), escalating after `crisisEscalationMinutes` until someone acknowledges it;
//   - the crisis resources, in the client's language, back where the message came from (the
//     number, the chat) — at once, whatever the quiet hours or the pause, but never on a channel
//     the client marked unsafe — and the same words as an outgoing message in the conversation;
//   - the urgent staff alert for Slack, naming who must look now;
//   - the audit row.
import { detectCrisis, type CrisisCategory } from '../../domain/crisis/detect.ts';
import { decideOutbound } from '../../domain/outbound-policy.ts';
import { mustBeNeutral } from '../../domain/wording.ts';
import { MINUTE } from '../../domain/time.ts';
import type { Client, ClientChannelKind, Message, Millis } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { pendingOutboxRow } from '../shared/outbox-row.ts';
import { loadSettings } from '../shared/settings.ts';
import { mayText } from '../sms/opt-out.ts';
import { crisisMentions } from './mentions.ts';
import { CRISIS_REPLY, CRISIS_REPLY_NEUTRAL, crisisReplyText, resourceLines } from './resources.ts';

export interface CrisisInput {
  client: Client;
  conversationId: string;
  /** the client's message */
  messageId: string;
  text: string;
  /** the message as it came, when what is kept of it (`text`) was cut: read whole for crisis words */
  whole?: string | undefined;
  channel: ClientChannelKind;
  /** the address it came from (the number, the chat id), when the door knows it */
  replyTo?: string | null | undefined;
  at: Millis;
}

/**
 * What became of the resources: `sent` (queued on the channel the message came from), `portal`
 * (the portal page shows them), or why nothing was sent.
 */
export type CrisisReply = 'sent' | 'portal' | 'unsafe_channel' | 'opted_out' | 'no_channel';

export interface RaisedCrisis {
  alertId: string;
  category: CrisisCategory;
  reply: CrisisReply;
  writes: Write[];
}

type Deps = Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>;

/** The client's address on that channel: the one the message came from if it is theirs. */
const replyAddress = async (deps: Deps, input: CrisisInput): Promise<string | null> => {
  const mine = (await deps.store.channels.listForClient(input.client, input.client.id)).filter((c) => c.kind === input.channel);
  const from = mine.find((c) => c.address === input.replyTo) ?? mine.find((c) => c.verified) ?? mine[0];
  return from?.address ?? null;
};

const replyOf = async (deps: Deps, input: CrisisInput, settings: Parameters<typeof decideOutbound>[0]['settings']) => {
  if (input.channel === 'portal') return { reply: 'portal' as const, to: null };
  const to = await replyAddress(deps, input);
  if (!to) return { reply: 'no_channel' as const, to: null };
  const decision = decideOutbound({ kind: 'crisis', channel: input.channel, client: input.client, settings, now: input.at });
  if (!decision.send) return { reply: 'unsafe_channel' as const, to: null };
  if (input.channel === 'sms' && !(await mayText(deps, input.client, to))) return { reply: 'opted_out' as const, to: null };
  return { reply: 'sent' as const, to: { kind: input.channel, address: to } };
};

/** Null when the text reads like no crisis; else the writes to commit with the message. */
export const raiseCrisis = async (deps: Deps, input: CrisisInput): Promise<RaisedCrisis | null> => {
  const found = detectCrisis(input.whole ?? input.text);
  if (!found) return null;
  const { client, at } = input;
  const scope = { agencyId: client.agencyId };
  const settings = await loadSettings(deps, client.agencyId);
  const alertId = deps.ids.newId('crs');
  const { reply, to } = await replyOf(deps, input, settings);
  const neutral = mustBeNeutral(client);
  const words = crisisReplyText(deps.t, client.language, settings.crisisResources, neutral);
  const outboxId = deps.ids.newId('out');
  const answer =
    to &&
    deps.store.outbox.insert(
      pendingOutboxRow(outboxId, at, {
        agencyId: client.agencyId,
        clientId: client.id,
        staffId: null,
        channel: to.kind,
        toAddress: to.address,
        template: neutral ? CRISIS_REPLY_NEUTRAL : CRISIS_REPLY,
        text: words,
        payload: JSON.stringify({ alertId }),
        idempotencyKey: `crisis:${alertId}:reply`,
      }),
    );
  // What the client was given, in the conversation: pushed (queued, then sent), or else waiting
  // in the portal. It is not a caseworker's answer: the conversation still waits for one.
  const shown: Message = {
    id: deps.ids.newId('msg'),
    agencyId: client.agencyId,
    conversationId: input.conversationId,
    clientId: client.id,
    direction: 'out',
    channel: to ? to.kind : 'portal',
    body: words,
    status: to ? 'queued' : 'sent',
    externalId: null,
    internal: false,
    staffId: null,
    outboxId: to ? outboxId : null,
    createdAt: at,
  };
  const mention = crisisMentions(await deps.store.staff.list(scope), client, 0);
  const alert = staffNoticeWrite(deps, client, {
    key: 'crisis_alert',
    vars: { channel: deps.t('en', `slack.channels.${input.channel}`), body: input.text },
    idempotencyKey: `crisis:${alertId}:L0`,
    payload: {
      alertId,
      category: found.category,
      channel: input.channel,
      body: input.text,
      reply,
      resources: resourceLines(deps.t, 'en', settings.crisisResources).map((l) => l.text),
      mention: mention.slackUserIds,
      everyone: mention.everyone,
    },
  });
  const writes = [
    deps.store.crisis.insert({
      id: alertId,
      agencyId: client.agencyId,
      clientId: client.id,
      messageId: input.messageId,
      channel: input.channel,
      category: found.category,
      level: 0,
      nextEscalationAt: at + settings.crisisEscalationMinutes * MINUTE,
      acknowledgedAt: null,
      acknowledgedBy: null,
      slackChannel: null,
      slackTs: null,
      createdAt: at,
    }),
    ...(answer ? [answer] : []),
    deps.store.messages.insert(shown),
    alert,
    auditWrite(deps, { type: 'system', agencyId: client.agencyId, door: input.channel }, 'crisis.detected', { type: 'crisis_alert', id: alertId }, client.id),
  ];
  return { alertId, category: found.category, reply, writes };
};
