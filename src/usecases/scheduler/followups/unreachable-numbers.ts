// A number or chat that keeps failing: when the last `unreachableAfterFailures` messages to one of
// a client's channels all failed (given up, or reported undelivered by the carrier), the client's
// caseworker is told in the client's thread, once per failure streak, with the channel and the
// last error. The delivery worker also flags at once an address the provider says is gone
// (src/usecases/outbox/channel-gone.ts), under the same streak, so it is never told twice.
import { DAY, MINUTE } from '../../../domain/time.ts';
import type { Client, ClientChannel, Millis, OutboxItem } from '../../../domain/types.ts';
import type { Scope, Write } from '../../../ports/store.ts';
import { auditWrite } from '../../shared/audit.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { staffNoticeWrite } from '../../shared/notify-staff.ts';
import type { SchedulerJob } from '../job.ts';
import { applied, depsAt, schedulerActor, staffFollowupRecord } from './context.ts';
import { byAddress, failureStreak, stillOpen, type FailureStreak } from './streaks.ts';

/** How far back deliveries are read: older ones neither start nor break a streak. */
export const UNREACHABLE_WINDOW = 14 * DAY;
/**
 * The scan reads two weeks of deliveries, so it runs every quarter of an hour, not every minute:
 * nobody is in danger for a number found unreachable a few minutes later.
 */
export const UNREACHABLE_EVERY_MINUTES = 15;

type NoticeDeps = Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>;

export interface Unreachable {
  clientId: string;
  channel: ClientChannel;
  streak: FailureStreak;
}

/** The client channels whose last `failures` deliveries all failed, that the client still lets us use. */
export const unreachableChannels = async (deps: Pick<CoreDeps, 'store'>, s: Scope, now: Millis, failures: number): Promise<Unreachable[]> => {
  const deliveries = await deps.store.followupScan.clientDeliveries(s, now - UNREACHABLE_WINDOW);
  return byAddress(deliveries).flatMap((history) => {
    const last = history.at(-1)!;
    const streak = failureStreak(history);
    return streak && streak.count >= failures && stillOpen(last.clientChannel) ? [{ clientId: last.clientId, channel: last.clientChannel, streak }] : [];
  });
};

/** What tells a client's caseworker that one of the client's channels keeps failing. */
export const unreachableWrites = (deps: NoticeDeps, client: Client, channel: ClientChannel, streak: FailureStreak, now: Millis): Write[] => {
  const vars = { channel: deps.t('en', `slack.channels.${channel.kind}`), count: streak.count, error: streak.lastError };
  return [
    staffFollowupRecord(deps, {
      agencyId: client.agencyId,
      clientId: client.id,
      staffId: client.staffId,
      kind: 'unreachable',
      subjectId: channel.id,
      offsetKey: streak.startId,
      dueAt: now,
    }),
    staffNoticeWrite(deps, client, {
      key: 'client_unreachable',
      vars,
      idempotencyKey: `followup:unreachable:${channel.id}:${streak.startId}`,
      payload: { channel: channel.kind, count: streak.count, error: streak.lastError },
    }),
    auditWrite(deps, schedulerActor(client.agencyId), 'followup.unreachable', { type: 'channel', id: channel.id }, client.id),
  ];
};

export const unreachableNumbersJob: SchedulerJob = {
  name: 'unreachable-numbers',
  async run(base, { agency, settings, now }) {
    if (Math.floor(now / MINUTE) % UNREACHABLE_EVERY_MINUTES !== 0) return 0;
    const deps = depsAt(base, now);
    const scope = { agencyId: agency.id };
    const found = await unreachableChannels(deps, scope, now, settings.unreachableAfterFailures);
    if (found.length === 0) return 0;
    const told = new Set(
      (await deps.store.reminders.listForSubjects(scope, 'unreachable', found.map((f) => f.channel.id))).map((r) => `${r.subjectId}|${r.offsetKey}`),
    );
    let done = 0;
    for (const f of found) {
      if (told.has(`${f.channel.id}|${f.streak.startId}`)) continue;
      const client = await deps.store.clients.get(scope, f.clientId);
      if (client) done += applied(await deps.store.commit(unreachableWrites(deps, client, f.channel, f.streak, now)));
    }
    return done;
  },
};

/**
 * The delivery worker was told by the provider that an address is gone (a Telegram chat deleted, a
 * number that cannot take messages): the client's caseworker is told at once, whatever the count,
 * as the streak this failure ends. `row` is the message that failed (not marked dead yet).
 */
export const flagGoneAddress = async (deps: NoticeDeps, row: OutboxItem): Promise<void> => {
  if (!row.clientId || (row.channel !== 'sms' && row.channel !== 'telegram')) return;
  const scope = { agencyId: row.agencyId };
  const now = deps.clock.now();
  const [client, channel] = await Promise.all([deps.store.clients.get(scope, row.clientId), deps.store.channels.findByAddress(scope, row.channel, row.toAddress)]);
  if (!client || !channel || channel.clientId !== client.id) return;
  const earlier = await deps.store.followupScan.clientDeliveries(scope, now - UNREACHABLE_WINDOW, { channel: row.channel, address: row.toAddress });
  const failed = { outboxId: row.id, clientId: client.id, channel: row.channel, toAddress: row.toAddress, status: 'dead' as const, lastError: row.lastError ?? 'unreachable', providerStatus: null, providerError: null, at: now, clientChannel: channel };
  const streak = failureStreak([...earlier.filter((d) => d.outboxId !== row.id && d.clientId === client.id), failed]);
  if (streak) await deps.store.commit(unreachableWrites(deps, client, channel, streak, now));
};
