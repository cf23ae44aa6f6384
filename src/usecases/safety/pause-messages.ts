// The pause: a client stops every message but crisis help, by texting their pause word (SMS,
// Telegram), from the portal, or their caseworker does it for them. The outbound policy then holds
// back everything else at send time (cancelled `paused`); here the pause is recorded, audited,
// shown to the caseworker in Slack (with a Resume button), and confirmed to the client on the chat
// they wrote from. Pausing a paused client changes and queues nothing.
import { safetyTarget, type SafetyInput } from './target.ts';
import type { Actor } from '../../domain/actor.ts';
import { usable, type Reachable } from '../../domain/channels.ts';
import { isPauseWord } from '../../domain/pause-word.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Client, ClientChannel, ClientChannelKind, Millis } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import { auditWrite } from '../shared/audit.ts';
import { commitWrites } from '../shared/commit.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { formatWhen } from '../shared/format.ts';
import { staffNoticeWrite } from '../shared/notify-staff.ts';
import { clientNoticeWrite } from '../shared/notify-client.ts';

type Deps = Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>;

const CLIENT_DOORS: readonly string[] = ['sms', 'telegram', 'portal'];
const CHAT_DOORS: readonly string[] = ['sms', 'telegram'];

/**
 * A message of the safety set (`safety.<key>`, `safety.<key>_neutral` when the policy says so) to
 * the client at `to`; null when there is nowhere to send it or the policy would never send it
 * there (an unsafe channel, no contact time). The whole decision is taken again at send time.
 */
export const safetyMessageWrite = (
  deps: Deps,
  client: Client,
  m: { key: 'paused' | 'resumed'; kind: 'pause_ack' | 'notice'; to: Reachable | null; idempotencyKey: string },
): Promise<Write | null> =>
  clientNoticeWrite(deps, client, {
    keyPrefix: 'safety',
    key: m.key,
    kind: m.kind,
    to: m.to,
    onlyIfSendable: true,
    // `vars` (none) lets the sender re-word it neutrally should the client ask for that meanwhile.
    vars: {},
    payload: { kind: 'safety' },
    idempotencyKey: m.idempotencyKey,
  });

/** Where the caseworker reads times: their own zone, else the agency's, else the client's. */
export const staffZone = async (deps: Pick<CoreDeps, 'store'>, client: Client): Promise<string> => {
  const staff = client.staffId ? await deps.store.staff.get(client, client.staffId) : null;
  return staff?.timeZone ?? (await deps.store.agencies.get(client.agencyId))?.timeZone ?? client.timeZone;
};

/**
 * The client's usable channel of the kind they wrote from — the very number or chat when it is
 * known (a client may have several): the confirmation goes back there, never to another phone.
 */
const chatOf = (client: Client, channels: ClientChannel[], kind: ClientChannelKind, replyTo?: string): Reachable | null => {
  const ch = channels.find((c) => c.kind === kind && kind !== 'portal' && usable(client, c) && (replyTo === undefined || c.address === replyTo));
  return ch ? { kind: ch.kind as Reachable['kind'], address: ch.address, channelId: ch.id } : null;
};

interface PauseCause {
  actor: Actor;
  at: Millis;
  /** clients.paused_by: 'client:<door>' or 'staff:<id>' */
  by: string;
  /** the staff member who paused, by name */
  staffName?: string;
  /** the number or chat the pause word came from */
  replyTo?: string;
}

/** The writes of one pause of a client who is not paused: the pause, its audit, the caseworker's card, the confirmation. */
const pauseWrites = async (deps: Deps, client: Client, cause: PauseCause): Promise<{ writes: Write[]; confirmed: boolean }> => {
  const { actor, at, by } = cause;
  const key = `safety.pause:${client.id}:${at}`;
  const door = actor.type === 'client' && CHAT_DOORS.includes(actor.door) ? (actor.door as ClientChannelKind) : null;
  const to = door ? chatOf(client, await deps.store.channels.listForClient(client, client.id), door, cause.replyTo) : null;
  const byStaff = cause.staffName !== undefined;
  const ack = await safetyMessageWrite(deps, { ...client, pausedAt: at, pausedBy: by }, { key: 'paused', kind: 'pause_ack', to, idempotencyKey: `${key}:ack` });
  const writes: (Write | null)[] = [
    deps.store.clients.setPaused(client, client.id, { pausedAt: at, pausedBy: by }),
    auditWrite(deps, actor, 'safety.pause', { type: 'client', id: client.id }, client.id),
    staffNoticeWrite(deps, client, {
      key: byStaff ? 'client_paused_by_staff' : 'client_paused',
      vars: { when: formatWhen(at, 'en', await staffZone(deps, client)), by: cause.staffName ?? '' },
      idempotencyKey: `${key}:staff`,
      payload: { clientId: client.id, pausedAt: at, pausedBy: by, ...(byStaff ? { byName: cause.staffName } : {}) },
    }),
    ack,
  ];
  return { writes: writes.filter((w): w is Write => w !== null), confirmed: ack !== null };
};

/**
 * For a client's inbound message (for record-inbound-message to commit with it): null when the body is not
 * the client's pause word; otherwise the writes that pause them, to commit with the message (an
 * empty list when they are paused already: nothing is queued twice). `channel` is the door the
 * message came by; on SMS and Telegram the client is answered there.
 */
export const pauseByWordWrites = async (
  deps: Deps,
  client: Client,
  message: { channel: ClientChannelKind; body: string; replyTo?: string | undefined },
): Promise<Write[] | null> => {
  if (!isPauseWord(client, message.body)) return null;
  // Read afresh: the caller's copy may predate a pause committed meanwhile (a retried build).
  const current = (await deps.store.clients.get(client, client.id)) ?? client;
  if (!isPauseWord(current, message.body)) return null;
  if (current.pausedAt !== null) return [];
  const actor: Actor = { type: 'client', agencyId: current.agencyId, clientId: current.id, door: message.channel };
  const cause: PauseCause = { actor, at: deps.clock.now(), by: `client:${message.channel}`, ...(message.replyTo !== undefined ? { replyTo: message.replyTo } : {}) };
  return (await pauseWrites(deps, current, cause)).writes;
};


export type PauseRefusal = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export interface Paused {
  pausedAt: Millis;
  pausedBy: string | null;
  /** the client was paused already: nothing was changed or queued */
  alreadyPaused: boolean;
  /** a confirmation was queued to the client (a pause from SMS or Telegram) */
  confirmed: boolean;
}

/**
 * Pauses a client's messages: the client themself (from the portal, SMS or Telegram) or an active
 * staff member of the agency (`forbidden` for anyone else). Pausing a paused client is fine and
 * changes nothing.
 */
export const pauseMessages = async (deps: CoreDeps, actor: Actor, raw: SafetyInput): Promise<Result<Paused, PauseRefusal>> => {
  const target = await safetyTarget(deps, actor, raw, CLIENT_DOORS);
  if (!target.ok) return target;
  const { client, staff } = target.value;
  const already = (pausedAt: Millis, pausedBy: string | null): Paused => ({ pausedAt, pausedBy, alreadyPaused: true, confirmed: false });
  if (client.pausedAt !== null) return ok(already(client.pausedAt, client.pausedBy));
  const at = deps.clock.now();
  const by = actor.type === 'staff' ? `staff:${actor.staffId}` : `client:${actor.door}`;
  const { writes, confirmed } = await pauseWrites(deps, client, { actor, at, by, ...(staff ? { staffName: staff.name } : {}) });
  const r = await commitWrites(deps, writes, { pausedAt: at, pausedBy: by, alreadyPaused: false, confirmed });
  if (r.ok) return r;
  // `conflict` (paused meanwhile) or `duplicate` (a twin pause of the same moment): the pause that
  // committed first stands, and nothing is queued twice.
  const current = await deps.store.clients.get(actor, client.id);
  return current?.pausedAt != null ? ok(already(current.pausedAt, current.pausedBy)) : fail('conflict');
};
