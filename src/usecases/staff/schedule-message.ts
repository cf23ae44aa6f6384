// `/casebridge schedule <client> <date time> <text>`: a caseworker writes now what the client should
// get later ("Bring your ID tomorrow"). It is queued now, in the client's conversation, and leaves
// at that time, or at the first minute after it that the agency's quiet hours and the client's
// contact window allow. The outbound policy is applied again when it leaves: a client who paused
// (or marked the channel unsafe) by then does not get it, and the row says why.
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { pickDeliveryChannel } from '../../domain/channels.ts';
import { decideOutbound } from '../../domain/outbound-policy.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Message, Millis } from '../../domain/types.ts';
import { commitOnce } from '../messaging/commit-once.ts';
import { openConversation } from '../messaging/conversation.ts';
import { staffMessage, staffWrite, type StaffWriteInput } from '../messaging/staff.ts';
import { auditWrite } from '../shared/audit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';
import { loadSettings } from '../shared/settings.ts';

/** The longest scheduled message, in characters (code points): the slash command's own limit. */
export const MAX_SCHEDULED_CHARS = 1000;

/** What a reply has (client, text, the cause — a slash command's trigger_id), and when it is to leave. */
const inputSchema = z.object({ sendAt: z.number().int().positive() });
type ScheduleInput = StaffWriteInput & z.input<typeof inputSchema>;

/**
 * - `in_the_past`: `sendAt` is not after now.
 * - `empty_message`, `message_too_long` (detail `{ max }`): the text.
 * - `no_channel`: the client has no channel we may send to (nothing is scheduled: the portal
 *   would show it at once, not later).
 * - `no_contact_time`: the client's contact window lies wholly inside the quiet hours.
 * - `duplicate`: this cause scheduled its message already.
 */
export type ScheduleRefusal =
  | 'invalid'
  | 'forbidden'
  | 'not_found'
  | 'in_the_past'
  | 'empty_message'
  | 'message_too_long'
  | 'no_channel'
  | 'no_contact_time'
  | 'duplicate';

export interface ScheduledMessage {
  message: Message;
  /** when it will leave: `sendAt`, or the first allowed minute after it */
  leavesAt: Millis;
  /** the client is paused now: it leaves only if messages are back on by then */
  paused: boolean;
}

/**
 * Schedules a caseworker's message (an admin's, unsigned) to a client of the agency. The message
 * (status `queued`), its outbox row due at `leavesAt` and the audit row are one commit.
 */
export const scheduleMessage = async (
  deps: CoreDeps,
  actor: Actor,
  raw: ScheduleInput,
): Promise<Result<ScheduledMessage, ScheduleRefusal>> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const { sendAt } = parsed.data;
  // What every caseworker's message checks: the writer, the text, the client (as a reply does).
  const checked = await staffWrite(deps, actor, { clientId: raw.clientId, text: raw.text, idempotencyKey: raw.idempotencyKey });
  if (!checked.ok) return checked;
  const { who, client, text, idempotencyKey } = checked.value;
  if (Array.from(text).length > MAX_SCHEDULED_CHARS) return fail('message_too_long', { max: MAX_SCHEDULED_CHARS });
  const now = deps.clock.now();
  if (sendAt <= now) return fail('in_the_past');
  const to = pickDeliveryChannel(client, await deps.store.channels.listForClient(actor, client.id));
  if (!to) return fail('no_channel');
  // Worded and timed as for a client who is not paused: whether they are is decided when it leaves.
  const open = { ...client, pausedAt: null, pausedBy: null };
  const settings = await loadSettings(deps, client.agencyId);
  const decision = decideOutbound({ kind: 'reply', channel: to.kind, client: open, settings, now: sendAt });
  if (!decision.send) return fail('no_contact_time');

  const key = { source: 'scheduled_message', externalId: `${client.id}:${idempotencyKey}` };
  const outcome = await commitOnce(deps, key, async () => {
    const { conversation, create } = await openConversation(deps, client, now);
    const messageId = deps.ids.newId('msg');
    const outboxId = deps.ids.newId('out');
    // The notice is decided as of the moment it is to leave: its row is due then (or later).
    const notice = await clientNoticeWrite({ ...deps, clock: { now: () => sendAt } }, open, {
      id: outboxId,
      key: 'scheduled_message',
      // the channel chosen above: decided once
      to,
      kind: 'reply',
      vars: { name: who.firstName ?? '', text: text },
      // no name to sign with (an admin): the neutral wording carries the text alone
      sensitive: who.firstName === null,
      idempotencyKey: `scheduled:${key.externalId}`,
      payload: { kind: 'message', messageId, scheduledFor: sendAt },
    });
    const message = staffMessage({
      id: messageId,
      client,
      conversationId: conversation.id,
      channel: to.kind,
      body: text,
      // (no row only if the client's channels changed since they were read: nothing will leave)
      status: notice ? 'queued' : 'failed',
      staffId: who.staffId,
      outboxId: notice ? outboxId : null,
      at: now,
    });
    const writes = [
      deps.store.inbound.insert({ id: deps.ids.newId('inb'), agencyId: client.agencyId, ...key, receivedAt: now }),
      create,
      notice,
      deps.store.messages.insert(message),
      auditWrite(deps, actor, 'message.schedule', { type: 'message', id: message.id }, client.id),
    ];
    return { writes, value: message };
  });
  if (outcome.duplicate) return fail('duplicate');
  return ok({ message: outcome.value, leavesAt: decision.notBefore, paused: client.pausedAt !== null });
};
