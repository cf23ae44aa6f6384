import type { Client } from '../../domain/types.ts';
import type { Write } from '../../ports/store.ts';
import type { CoreDeps } from './deps.ts';
import { pendingOutboxRow } from './outbox-row.ts';

export interface StaffNotice {
  /** locale key under `staff.` */
  key: string;
  vars?: Record<string, string | number>;
  /** one notice per cause: the same cause never queues twice */
  idempotencyKey: string;
  /** what the staff channel needs to build its card (ids, kinds); never shown as is */
  payload?: Record<string, unknown>;
  /** who to tell, when not the client's caseworker (e.g. whoever asked for the document) */
  staffId?: string | null;
}

/** Where notices about a client without a caseworker go. */
export const UNASSIGNED = 'unassigned';

/** The address of a caseworker on the staff channel; the Slack adapter resolves it to a thread. */
export const staffAddress = (staffId: string) => `staff:${staffId}`;

/**
 * The outbox row that tells a client's caseworker something happened (a file arrived, …), on the
 * staff channel (Slack). Null when the client has no caseworker. Staff read it inside the
 * agency's own tools, so it names the client; the text is in English until staff have a language.
 */
export const staffNoticeWrite = (deps: Pick<CoreDeps, 'ids' | 'clock' | 't' | 'store'>, client: Client, notice: StaffNotice): Write => {
  // A client without a caseworker still reaches the agency: the notice goes to the unassigned
  // queue (the client channel's thread, no one named), never nowhere.
  const staffId = notice.staffId ?? client.staffId ?? null;
  const key = `staff.${notice.key}`;
  const now = deps.clock.now();
  return deps.store.outbox.insert(
    pendingOutboxRow(deps.ids.newId('out'), now, {
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: staffId,
      channel: 'slack',
      toAddress: staffAddress(staffId ?? UNASSIGNED),
      template: key,
      text: deps.t('en', key, { client: client.displayName, ...notice.vars }),
      payload: JSON.stringify(notice.payload ?? {}),
      idempotencyKey: notice.idempotencyKey,
    }),
  );
};
