import { pickDeliveryChannel } from '../../domain/channels.ts';
import type { Client } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';
import { pendingOutboxRow } from './outbox-row.ts';
import { mustBeNeutral } from '../../domain/wording.ts';

export interface ClientNotice {
  /** locale key under `notify.`; `<key>_neutral` is used when the notice must be neutral */
  key: string;
  vars?: Record<string, string | number>;
  /** the record is sensitive, or there is nothing safe to name: neutral wording whatever the client chose */
  sensitive?: boolean;
  /** the outbox row's id, when the caller must point another row at it */
  id?: string;
  /** one notice per key: the same cause never queues twice */
  idempotencyKey: string;
  payload?: Record<string, unknown>;
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
  const channels = await deps.store.channels.listForClient({ agencyId: client.agencyId }, client.id);
  const to = pickDeliveryChannel(client, channels);
  if (!to) return null;
  const neutral = mustBeNeutral(client, notice.sensitive === true);
  const key = `notify.${notice.key}${neutral ? '_neutral' : ''}`;
  const now = deps.clock.now();
  return deps.store.outbox.insert(
    pendingOutboxRow(notice.id ?? deps.ids.newId('out'), now, {
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: null,
      channel: to.kind,
      toAddress: to.address,
      template: key,
      text: deps.t(client.language, key, notice.vars),
      payload: JSON.stringify(notice.payload ?? {}),
      idempotencyKey: notice.idempotencyKey,
    }),
  );
};
