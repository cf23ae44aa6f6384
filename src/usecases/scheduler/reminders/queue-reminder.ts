// The writes for reminders that are due (or will never be): the record that makes each moment
// happen once, the client's outbox row, and for SMS the question its numbered options answer.
// Everything is written "if absent", so two runs at once, or a run after a crash, add nothing.
import { pickDeliveryChannel, type Reachable } from '../../../domain/channels.ts';
import { contactRulesOf } from '../../../domain/outbound-policy.ts';
import { DAY, MINUTE } from '../../../domain/time.ts';
import type { Client, ClientChannel, Millis } from '../../../domain/types.ts';
import type { Store, Write } from '../../../ports/store.ts';
import type { QuestionOnSend } from '../../shared/conversation-state.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { clientNoticeWrite } from '../../shared/notify-client.ts';
import type { JobContext } from '../job.ts';
import { planReminder, type ReminderPlan } from './plan.ts';

export type ReminderKind = 'appointment' | 'session' | 'document';

/** What a reminder offers, whatever the channel; the Telegram sender makes them buttons. */
export type ReminderAction =
  | { kind: 'confirm' | 'reschedule' | 'cancel'; appointmentId: string; label: string }
  | { kind: 'rsvp_yes' | 'rsvp_no'; sessionId: string; label: string }
  | { kind: 'send_document'; requestId: string; label: string };

export interface ReminderMessage {
  /** the locale key under `reminder.` (`_neutral` is added when the wording must be neutral) */
  key: string;
  vars: Record<string, string | number>;
  sensitive: boolean;
  payload: Record<string, unknown> & { actions: ReminderAction[] };
  /** the open question of the SMS number, so that "1", "2" or "3" answer this reminder */
  question?: { kind: 'appointment'; data: { appointmentId: string } } | { kind: 'session'; data: { sessionId: string } };
}

export interface ReminderCandidate {
  kind: ReminderKind;
  /** the appointment or request; `<sessionId>:<clientId>` for a class session */
  subjectId: string;
  /** which moment of it: 'm1440@<startsAt>', 'due-3d@<dueAt>', 'overdue-2@<dueAt>'… */
  offsetKey: string;
  client: Client;
  channels: ClientChannel[];
  /** the moment it is meant for, and the event after which it is pointless */
  nominal: Millis;
  eventAt: Millis;
  /** its words, in the client's language, for the channel it goes to (made only when it goes) */
  message(channel: Reachable['kind']): ReminderMessage;
}

/** How many reminders one commit holds: each write is "if absent", so a partial run is safe. */
export const REMINDER_BATCH = 100;

export const reminderIdempotencyKey = (c: Pick<ReminderCandidate, 'kind' | 'subjectId' | 'offsetKey'>, channel: string): string =>
  `rem:${c.kind}:${c.subjectId}:${c.offsetKey}:${channel}`;

type TickDeps = Pick<CoreDeps, 'store' | 'ids' | 'clock' | 't'>;

/**
 * The deps of one tick: the clock stands at the tick's now (a job never reads the real clock), and
 * the agency, read once for the tick, is not read again for each reminder. (The clients' channels
 * came with the scan: each reminder names its destination.)
 */
const tickDeps = (deps: CoreDeps, ctx: JobContext): TickDeps => {
  const store: Store = {
    ...deps.store,
    agencies: { ...deps.store.agencies, get: async (id) => (id === ctx.agency.id ? ctx.agency : deps.store.agencies.get(id)) },
  };
  return { store, ids: deps.ids, t: deps.t, clock: { now: () => ctx.now } };
};

/** The writes for one reminder whose plan is `due` or `skip`. */
export const reminderWrites = async (deps: TickDeps, c: ReminderCandidate, plan: Exclude<ReminderPlan, { status: 'wait' }>): Promise<Write[]> => {
  const now = deps.clock.now();
  const to = pickDeliveryChannel(c.client, c.channels);
  const record = (channel: string, r: { reason: string } | { outboxId: string }) =>
    deps.store.reminders.insertIfAbsent({
      id: deps.ids.newId('rem'),
      agencyId: c.client.agencyId,
      clientId: c.client.id,
      staffId: null,
      kind: c.kind,
      subjectId: c.subjectId,
      offsetKey: c.offsetKey,
      channel,
      dueAt: c.nominal,
      sendAt: plan.sendAt,
      status: 'reason' in r ? 'skipped' : 'queued',
      reason: 'reason' in r ? r.reason : null,
      outboxId: 'outboxId' in r ? r.outboxId : null,
      createdAt: now,
    });
  if (plan.status === 'skip') return [record(to?.kind ?? 'none', { reason: plan.reason })];
  // A paused client gets nothing but crisis help; one with no push channel sees it on the portal.
  if (c.client.pausedAt !== null) return [record(to?.kind ?? 'none', { reason: 'paused' })];
  if (!to) return [record('none', { reason: 'no_channel' })];
  const m = c.message(to.kind);
  const outboxId = deps.ids.newId('out');
  // By SMS the numbered answers need the number's open question: opened when the text is sent (see
  // QuestionOnSend), open until the event (a day at most).
  const opensQuestion: QuestionOnSend | null =
    to.kind === 'sms' && m.question ? { kind: m.question.kind, clientId: c.client.id, data: m.question.data, untilAt: Math.min(c.eventAt, now + DAY) } : null;
  const notice = await clientNoticeWrite(deps, c.client, {
    key: m.key,
    keyPrefix: 'reminder',
    kind: 'reminder',
    to,
    vars: m.vars,
    sensitive: m.sensitive,
    payload: opensQuestion ? { ...m.payload, opensQuestion } : m.payload,
    id: outboxId,
    idempotencyKey: reminderIdempotencyKey(c, to.kind),
    ifAbsent: true,
  });
  if (!notice) return [record('none', { reason: 'no_channel' })];
  return [record(to.kind, { outboxId }), notice];
};

/**
 * Plans every candidate at the tick's now and writes those that are due or skipped, `batchSize`
 * reminders a commit. Answers how many it recorded (queued or skipped).
 */
export const queueReminders = async (
  deps: CoreDeps,
  ctx: JobContext,
  candidates: ReminderCandidate[],
  batchSize = REMINDER_BATCH,
): Promise<number> => {
  const at = tickDeps(deps, ctx);
  let writes: Write[] = [];
  let inBatch = 0;
  let done = 0;
  const flush = async () => {
    if (writes.length === 0) return;
    const outcome = await deps.store.commit(writes);
    // Every write is "if absent" or an upsert: anything but ok is a bug, and the tick reports it.
    if (outcome !== 'ok') throw new Error(`reminder_commit_${outcome}`);
    done += inBatch;
    writes = [];
    inBatch = 0;
  };
  for (const c of candidates) {
    const plan = planReminder({
      nominal: c.nominal,
      eventAt: c.eventAt,
      now: ctx.now,
      graceMinutes: ctx.settings.reminderGraceMinutes,
      rules: contactRulesOf(c.client, ctx.settings),
    });
    if (plan.status === 'wait') continue;
    writes.push(...(await reminderWrites(at, c, plan)));
    inBatch += 1;
    if (inBatch >= batchSize) await flush();
  }
  await flush();
  return done;
};
