// A caseworker appointment still open (scheduled, confirmed or moved) `missedAfterMinutes` after
// its end was not marked attended: the scheduler marks it missed, tells the caseworker in the
// client's thread (with "They came after all" to put it right), and offers the client, kindly, to
// pick a new time: on SMS "Reply 2" (the number's open question is this appointment), on Telegram
// a button. Appointments with another provider (a clinic, a court) are left alone: nobody here
// records whether the client went, so nobody could tell them apart from a real miss.
//
// One commit per appointment: the status change (guarded by the version read), its audit row, the
// staff card, the client's offer and the record of it. A second run finds the appointment missed
// already, or loses the version race and writes nothing.
import { pickDeliveryChannel } from '../../../domain/channels.ts';
import type { AgencySettings } from '../../../domain/settings.ts';
import { DAY, HOUR, MINUTE } from '../../../domain/time.ts';
import type { Appointment, Client, Millis } from '../../../domain/types.ts';
import type { Write } from '../../../ports/store.ts';
import { missedFollowupKey, outcomeWrites } from '../../appointments/mark-appointment-outcome.ts';
import type { CoreDeps } from '../../shared/deps.ts';
import { formatWhen } from '../../shared/format.ts';
import { clientNoticeWrite } from '../../shared/notify-client.ts';
import { staffNoticeWrite } from '../../shared/notify-staff.ts';
import type { SchedulerJob } from '../job.ts';
import { applied, depsAt, schedulerActor } from './context.ts';

/** How far back a missed appointment is still looked for after downtime. */
export const MISSED_LOOKBACK = 2 * DAY;
/** How long "Reply 2" keeps meaning this appointment: a night in quiet hours, then a day to answer. */
const QUESTION_WAIT = 48 * HOUR;

const missedWrites = async (deps: CoreDeps, a: Appointment, client: Client, settings: AgencySettings, now: Millis): Promise<Write[]> => {
  const actor = schedulerActor(a.agencyId);
  const scope = { agencyId: a.agencyId };
  const key = missedFollowupKey(a.id);
  const marked = outcomeWrites(deps, actor, a, 'missed', now);
  const to = pickDeliveryChannel(client, await deps.store.channels.listForClient(scope, client.id));
  const paused = client.pausedAt !== null;
  const offerId = deps.ids.newId('out');
  const offer =
    to && !paused
      ? await clientNoticeWrite(deps, client, {
          id: offerId,
          keyPrefix: 'followup',
          // the channel chosen above: decided once
          to,
          // SMS answers with a number; Telegram shows a button.
          key: to.kind === 'sms' ? 'missed' : 'missed_buttons',
          kind: 'reminder',
          vars: { when: formatWhen(a.startsAt, client.language, client.timeZone) },
          sensitive: a.sensitive,
          idempotencyKey: `${key}client`,
          // the button's words, in the client's language (Telegram's sender draws nothing without them)
          payload: {
            kind: 'appointment',
            appointmentId: a.id,
            actions: [{ kind: 'reschedule', appointmentId: a.id, label: deps.t(client.language, 'telegram.appointments.change') }],
            // by SMS, "2" answers this offer once it is on the phone (opened when sent)
            ...(to.kind === 'sms' ? { opensQuestion: { kind: 'appointment', clientId: client.id, data: { appointmentId: a.id }, untilAt: deps.clock.now() + QUESTION_WAIT } } : {}),
          },
        })
      : null;
  const record = deps.store.reminders.insertIfAbsent({
    id: deps.ids.newId('rmd'),
    agencyId: a.agencyId,
    clientId: client.id,
    staffId: a.staffId,
    kind: 'missed',
    subjectId: a.id,
    offsetKey: 'missed',
    channel: to?.kind ?? 'none',
    dueAt: a.startsAt + (a.durationMinutes + settings.missedAfterMinutes) * MINUTE,
    sendAt: now,
    status: offer ? 'queued' : 'skipped',
    reason: offer ? null : paused ? 'paused' : 'no_channel',
    outboxId: offer ? offerId : null,
    createdAt: now,
  });
  const notice = staffNoticeWrite(deps, client, {
    key: 'appointment_missed',
    staffId: a.staffId,
    vars: { when: formatWhen(a.startsAt, 'en', client.timeZone) },
    idempotencyKey: `${key}staff`,
    payload: { appointmentId: a.id, startsAt: a.startsAt, offered: offer !== null },
  });
  return [...marked.writes, notice, record, ...(offer ? [offer] : [])];
};

export const missedAppointmentsJob: SchedulerJob = {
  name: 'missed-appointments',
  async run(base, { agency, settings, now }) {
    const deps = depsAt(base, now);
    const endedBy = now - settings.missedAfterMinutes * MINUTE;
    const found = await deps.store.followupScan.openAppointmentsEndedBetween({ agencyId: agency.id }, endedBy - MISSED_LOOKBACK, endedBy);
    let done = 0;
    for (const { appointment, client } of found) {
      done += applied(await deps.store.commit(await missedWrites(deps, appointment, client, settings, now)));
    }
    return done;
  },
};
