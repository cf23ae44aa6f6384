import { pickDeliveryChannel, type Reachable } from '../../domain/channels.ts';
import type { Client } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';
import { pendingOutboxRow } from './outbox-row.ts';
import { mustBeNeutral } from '../../domain/wording.ts';
import { decideOutbound } from '../../domain/outbound-policy.ts';
import { parseAgencySettings } from '../../domain/settings.ts';

export interface ClientNotice {
  /** locale key under `notify.` (or `keyPrefix`); `<key>_neutral` is used when the notice must be neutral */
  key: string;
  /** the locale namespace: `notify` unless said (reminders use `reminder`, follow-ups `followup`) */
  keyPrefix?: 'notify' | 'reminder' | 'followup' | 'safety';
  vars?: Record<string, string | number>;
  /** the record is sensitive, or there is nothing safe to name: neutral wording whatever the client chose */
  sensitive?: boolean;
  /** the outbox row's id, when the caller must point another row at it */
  id?: string;
  /** one notice per key: the same cause never queues twice */
  idempotencyKey: string;
  /** a row with this key already there is left as it is (the commit is still `ok`): for jobs that may run twice */
  ifAbsent?: boolean;
  payload?: Record<string, unknown>;
  /** what kind of message it is, for the outbound policy: news (default), a caseworker's words, a reminder */
  kind?: 'notice' | 'reply' | 'reminder' | 'auth' | 'pause_ack';
  /** where it goes, when not the client's usual channel (the very chat a pause word came from); null: nowhere */
  to?: Reachable | null;
  /** not even queued when the policy would never send it there (an unsafe channel, no contact time) */
  onlyIfSendable?: boolean;
}

/**
 * The outbox row that tells a client something, in their language, on their safe channel, worded
 * neutrally where the client asked for it or the record is sensitive. Null when the client has no
 * usable push channel: the news then waits in the portal.
 */
export const clientNoticeWrite = async (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>,
  client: Client,
  notice: ClientNotice,
): Promise<Write | null> => {
  const to = notice.to !== undefined ? notice.to : pickDeliveryChannel(client, await deps.store.channels.listForClient({ agencyId: client.agencyId }, client.id));
  if (!to) return null;
  const now = deps.clock.now();
  const agency = await deps.store.agencies.get(client.agencyId);
  // The outbound policy picks the wording and the first moment it may leave; whether it leaves at
  // all (paused, unsafe channel) is decided again at send time, where a refusal is shown.
  const decision = decideOutbound({
    kind: notice.kind ?? 'notice',
    channel: to.kind,
    client,
    settings: parseAgencySettings(agency?.settings),
    now,
    recordSensitive: notice.sensitive === true,
  });
  if (!decision.send && notice.onlyIfSendable) return null;
  const neutral = decision.send ? decision.neutral : mustBeNeutral(client, notice.sensitive === true);
  const key = `${notice.keyPrefix ?? 'notify'}.${notice.key}${neutral ? '_neutral' : ''}`;
  return (notice.ifAbsent ? deps.store.outbox.insertIfAbsent : deps.store.outbox.insert)(
    pendingOutboxRow(notice.id ?? deps.ids.newId('out'), now, {
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: null,
      channel: to.kind,
      toAddress: to.address,
      template: key,
      text: deps.t(client.language, key, notice.vars),
      // The words' values travel with the row, so it can be worded neutrally at send time if the
      // client asks for that in the meantime.
      payload: JSON.stringify({ ...notice.payload, ...(notice.vars ? { vars: notice.vars } : {}), ...(notice.sensitive ? { sensitive: true } : {}) }),
      idempotencyKey: notice.idempotencyKey,
    }, decision.send ? decision.notBefore : now),
  );
};
