import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, Message, MessageStatus, Millis } from '../../domain/types.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { cleanBody, type BodyRefusal } from './body.ts';

export interface ReplyingStaff {
  /** null for an admin acting without a staff record */
  staffId: string | null;
  /** what the client sees as the sender; null when there is no staff record to take it from */
  firstName: string | null;
}

/**
 * Who on the agency side writes: a staff actor must be an active caseworker of the agency; an
 * admin writes as the agency, unnamed. Anyone else, or a staff id that is not (or no longer) on
 * the staff, gets null.
 */
export const replyingStaff = async (deps: Pick<CoreDeps, 'store'>, actor: Actor): Promise<ReplyingStaff | null> => {
  if (actor.type === 'admin') return { staffId: null, firstName: null };
  if (actor.type !== 'staff') return null;
  const staff = await deps.store.staff.get(actor, actor.staffId);
  if (!staff || !staff.active) return null;
  return { staffId: staff.id, firstName: staff.name.trim().split(/\s+/)[0] ?? staff.name };
};

const staffWriteSchema = z.object({
  clientId: z.string().min(1),
  text: z.string().max(100_000),
  /** the cause of the write (a Slack event id, a form's key): a retry never stores it twice */
  idempotencyKey: z.string().min(1).max(256),
  /** the Slack message it was written as, so its delivery can be shown there */
  slackMessage: z.object({ channel: z.string().min(1).max(64), ts: z.string().min(1).max(64), threadTs: z.string().min(1).max(64) }).optional(),
});
export type StaffWriteInput = z.input<typeof staffWriteSchema>;
export type StaffWriteRefusal = 'invalid' | 'forbidden' | 'not_found' | BodyRefusal;

/**
 * What a caseworker's reply and note both check first: an agency-side writer on the staff, a
 * valid input, a body that is not empty or too long, and a client of the agency.
 */
export const staffWrite = async (
  deps: Pick<CoreDeps, 'store'>,
  actor: Actor,
  raw: StaffWriteInput,
): Promise<
  Result<{ who: ReplyingStaff; client: Client; text: string; idempotencyKey: string; slackMessage?: { channel: string; ts: string; threadTs: string } | undefined }, StaffWriteRefusal>
> => {
  if (actor.type !== 'staff' && actor.type !== 'admin') return fail('forbidden');
  const parsed = staffWriteSchema.safeParse(raw);
  if (!parsed.success) return fail('invalid');
  const text = cleanBody(parsed.data.text);
  if (!text.ok) return text;
  const who = await replyingStaff(deps, actor);
  if (!who) return fail('forbidden');
  const client = await deps.store.clients.get(actor, parsed.data.clientId);
  if (!client) return fail('not_found');
  return ok({ who, client, text: text.value, idempotencyKey: parsed.data.idempotencyKey, slackMessage: parsed.data.slackMessage });
};

/** A caseworker's message to a client, as the conversation keeps it (a reply, or one scheduled). */
export const staffMessage = (f: {
  id: string;
  client: Client;
  conversationId: string;
  channel: string;
  body: string;
  status: MessageStatus;
  staffId: string | null;
  outboxId: string | null;
  at: Millis;
}): Message => ({
  id: f.id,
  agencyId: f.client.agencyId,
  conversationId: f.conversationId,
  clientId: f.client.id,
  direction: 'out',
  channel: f.channel,
  body: f.body,
  status: f.status,
  externalId: null,
  internal: false,
  staffId: f.staffId,
  outboxId: f.outboxId,
  createdAt: f.at,
});
