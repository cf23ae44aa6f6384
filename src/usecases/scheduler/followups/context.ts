// What the follow-up jobs share: the scheduler's moment handed to the shared helpers (which read
// `deps.clock`) so a job never reads the wall clock, the actor they act as, and the one staff
// notice that has no client (a direct message to a caseworker).
import type { Actor } from '../../../domain/actor.ts';
import type { Millis } from '../../../domain/types.ts';
import type { CommitOutcome, Write } from '../../../ports/store.ts';
import type { ReminderRecord } from '../../../ports/reminders.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { staffAddress } from '../../shared/notify-staff.ts';
import { pendingOutboxRow } from '../../shared/outbox-row.ts';

/** The deps with a clock stopped at the scheduler's `now`: every row and audit entry is stamped with it. */
export const depsAt = (deps: CoreDeps, now: Millis): CoreDeps => ({ ...deps, clock: { now: () => now } });

/** The scheduler acting for an agency. */
export const schedulerActor = (agencyId: string): Actor => ({ type: 'system', agencyId, door: 'scheduler' });

/** A staff member reading what the scheduler shows them in Slack (for the audit of each client named). */
export const staffReader = (agencyId: string, staffId: string): Actor => ({ type: 'staff', agencyId, staffId, door: 'slack' });

/**
 * One counted effect per commit that applied. `duplicate` and `conflict` mean another run did
 * it first (its unique key or the row's version stands): nothing to count, nothing to redo.
 */
export const applied = (outcome: CommitOutcome): number => (outcome === 'ok' ? 1 : 0);

export interface DirectMessage {
  agencyId: string;
  staffId: string;
  /** locale key under `staff.`: the notification text */
  key: string;
  vars: Record<string, string | number>;
  /** the data the Slack view is built from */
  payload: Record<string, unknown>;
  idempotencyKey: string;
}

/**
 * The outbox row of a direct message to a caseworker (a digest, a class summary): on the staff
 * channel to `staff:<id>`, with no client, so the Slack sender posts it to that person and not
 * into a client's thread. Staff read English for now.
 */
export const directMessageWrite = (deps: Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>, m: DirectMessage): Write =>
  deps.store.outbox.insert(
    pendingOutboxRow(deps.ids.newId('out'), deps.clock.now(), {
      agencyId: m.agencyId,
      clientId: null,
      staffId: m.staffId,
      channel: 'slack',
      toAddress: staffAddress(m.staffId),
      template: `staff.${m.key}`,
      text: deps.t('en', `staff.${m.key}`, m.vars),
      payload: JSON.stringify(m.payload),
      idempotencyKey: m.idempotencyKey,
    }),
  );

/**
 * The record that a follow-up for staff (a nudge, a flag, a digest, a summary) was queued, once per
 * (kind, subject, moment): written if absent, in the commit of the notice it stands for.
 */
export const staffFollowupRecord = (
  deps: Pick<CoreDeps, 'store' | 'ids' | 'clock'>,
  r: Pick<ReminderRecord, 'agencyId' | 'clientId' | 'staffId' | 'kind' | 'subjectId' | 'offsetKey' | 'dueAt'>,
): Write => {
  const now = deps.clock.now();
  return deps.store.reminders.insertIfAbsent({ ...r, id: deps.ids.newId('rmd'), channel: 'slack', sendAt: now, status: 'queued', reason: null, outboxId: null, createdAt: now });
};
