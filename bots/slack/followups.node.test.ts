// The follow-ups as a caseworker sees them in Slack, through the real sender and listeners and a
// fake Slack Web API: the morning digest and a class summary as direct messages, the missed
// appointment card in the client's thread with "They came after all", the nudge and the
// unreachable card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, attendanceRow, classRow, enrollmentRow, insert, outboxRow, sessionRow, staffRow, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness, CLIENT_CHANNEL } from '../../test/support/slack.ts';
import type { FakeSlackMessage } from '../../test/fakes/slack-api.ts';
import { parseAgencySettings } from '../../src/domain/settings.ts';
import type { SchedulerJob } from '../../src/usecases/scheduler/job.ts';
import { attendanceSummariesJob } from '../../src/usecases/scheduler/followups/attendance-summaries.ts';
import { dailyDigestJob } from '../../src/usecases/scheduler/followups/daily-digest.ts';
import { directMessageWrite } from '../../src/usecases/scheduler/followups/context.ts';
import { missedAppointmentsJob } from '../../src/usecases/scheduler/followups/missed-appointments.ts';
import { unreachableNumbersJob } from '../../src/usecases/scheduler/followups/unreachable-numbers.ts';
import { onAction } from './listeners/actions.ts';
import { MISSED_ATTENDED } from './views/ids.ts';
import { buttonsOf, findButton, textsOf } from './views/inspect.ts';
import { messageProblems } from './views/limits.ts';
import type { Block, SlackMessage } from './views/types.ts';

const DANA = 'U0DANA';
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  core = await makeCore('2026-03-02T12:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  slack = await startSlack(core, w, { listeners: { onAction } });
});
afterEach(() => slack.fake.close());

/** The scheduler runs one job at `at` (the clock moved there too), then the workers deliver. */
const run = async (job: SchedulerJob, at: string) => {
  core.clock.set(at);
  const n = await job.run(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: core.clock.now() });
  await slack.work();
  return n;
};

const blocksOf = (m: FakeSlackMessage | undefined) => (m?.blocks ?? []) as Block[];
const shown = (m: FakeSlackMessage | undefined) => textsOf(blocksOf(m)).join('\n');
const asMessage = (m: FakeSlackMessage): SlackMessage => ({ text: m.text, blocks: blocksOf(m) });
const dms = () => slack.fake.messages.filter((m) => m.channel === DANA);

describe('direct messages to a caseworker', () => {
  it('posts the morning digest to the caseworker’s own Slack user, outside any client thread', async () => {
    const a = appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-02T15:00:00Z'), status: 'confirmed' });
    await insert(core, core.store.appointments.insert(a));
    expect(await run(dailyDigestJob, '2026-03-02T14:00:00Z')).toBe(1);
    const [digest] = dms();
    expect(digest).toMatchObject({ channel: DANA, thread_ts: undefined });
    expect(messageProblems(asMessage(digest!))).toEqual([]);
    expect(shown(digest)).toContain('Your day, Monday, March 2');
    expect(shown(digest)).toMatch(/10:00\sAM · Alice Moreno · confirmed/);
    expect(shown(digest)).toContain(core.t('en', 'staff.digest.documents_empty'));
    // Nothing about it landed in the clients' channel.
    expect(slack.fake.messages.filter((m) => m.channel === CLIENT_CHANNEL)).toEqual([]);
    expect((await core.store.outbox.list(w.scope)).map((o) => o.status)).toEqual(['sent']);
    expect(slack.failures).toEqual([]);
  });

  it('posts a class’s attendance to its caseworker', async () => {
    const series = classRow(core, w.agency.id, { staffId: w.staff.id, title: 'Job Club' });
    const session = sessionRow(core, series, { startsAt: Date.parse('2026-03-02T21:00:00Z'), endsAt: Date.parse('2026-03-02T23:00:00Z') });
    await insert(
      core,
      core.store.classes.insertSeries(series),
      core.store.classes.insertSession(session),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.alice)),
      core.store.classes.insertEnrollment(enrollmentRow(core, series, w.bob)),
      core.store.classes.upsertAttendance(attendanceRow(core, session, w.alice, { rsvp: 'yes', rsvpAt: session.startsAt })),
    );
    expect(await run(attendanceSummariesJob, '2026-03-02T23:15:00Z')).toBe(1);
    const [summary] = dms();
    expect(messageProblems(asMessage(summary!))).toEqual([]);
    expect(shown(summary)).toContain('Attendance: Job Club');
    expect(shown(summary)).toContain('Alice Moreno');
  });

  it('gives up a direct message to someone Slack cannot reach', async () => {
    const noSlack = staffRow(core, w.agency.id, { name: 'No Slack' });
    await insert(core, core.store.staff.insert(noSlack));
    await insert(core, directMessageWrite(core, { agencyId: w.agency.id, staffId: noSlack.id, key: 'daily_digest', vars: {}, payload: {}, idempotencyKey: 'dm:test' }));
    await slack.work();
    expect((await core.store.outbox.list(w.scope))[0]).toMatchObject({ status: 'dead', lastError: 'slack_no_user' });
    expect(slack.fake.messages).toEqual([]);
  });
});

describe('follow-up cards in a client’s thread', () => {
  /** Alice's 19:30 appointment, missed at 21:30: her offer waits for the morning, the card is posted now. */
  const missedCard = async () => {
    const a = appointmentRow(core, w.alice, { startsAt: Date.parse('2026-03-03T00:30:00Z') });
    await insert(core, core.store.appointments.insert(a));
    expect(await run(missedAppointmentsJob, '2026-03-03T02:30:00Z')).toBe(1);
    const card = slack.fake.messages.find((m) => m.thread_ts && findButton(blocksOf(m), MISSED_ATTENDED))!;
    return { a, card };
  };

  let presses = 0;
  const press = (card: FakeSlackMessage, user = DANA) =>
    slack.interact({
      type: 'block_actions',
      user: { id: user, team_id: slack.fake.teamId },
      team: { id: slack.fake.teamId },
      api_app_id: slack.fake.appId,
      trigger_id: slack.fake.triggerId(),
      container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false, thread_ts: card.thread_ts },
      channel: { id: card.channel },
      message: { type: 'message', ts: card.ts, thread_ts: card.thread_ts, text: card.text, blocks: card.blocks },
      actions: [{ type: 'button', action_id: MISSED_ATTENDED, value: findButton(blocksOf(card), MISSED_ATTENDED)?.value, action_ts: `1772031600.${String(++presses).padStart(6, '0')}` }],
    });

  it('shows a missed appointment with "They came after all", which marks it attended and withdraws the offer', async () => {
    const { a, card } = await missedCard();
    expect(messageProblems(asMessage(card))).toEqual([]);
    expect(shown(card)).toContain('Missed appointment: Alice Moreno');
    expect(shown(card)).toContain(core.t('en', 'staff.followup.missed_offered', { client: 'Alice Moreno' }));
    await press(card);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('attended');
    const offer = (await core.store.outbox.list(w.scope)).find((o) => o.template === 'followup.missed');
    expect(offer).toMatchObject({ status: 'cancelled', lastError: 'attended' });
    const updated = slack.fake.messages.find((m) => m.ts === card.ts)!;
    expect(buttonsOf(blocksOf(updated))).toEqual([]);
    expect(shown(updated)).toContain('Marked attended by Dana Whitfield.');
    expect(slack.fake.ephemerals).toEqual([]);
    expect(slack.failures).toEqual([]);
  });

  it('changes nothing for someone who is not on the staff, or once the client asked for a new time', async () => {
    const { a, card } = await missedCard();
    await press(card, 'U0STRANGER');
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('missed');
    const current = (await core.store.appointments.get(w.scope, a.id))!;
    await insert(core, core.store.appointments.update(w.scope, a.id, current.version, { status: 'reschedule_requested', statusBeforeRequest: 'missed', requestedStartsAt: Date.parse('2026-03-09T13:00:00Z') }, core.clock.now()));
    await press(card);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('reschedule_requested');
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([
      ['U0STRANGER', core.t('en', 'slack.action.unmapped')],
      [DANA, core.t('en', 'staff.followup.not_missed')],
    ]);
  });

  it('tells of a number that keeps failing, with the channel and the last error', async () => {
    for (const m of [1, 2, 3]) {
      await insert(core, core.store.outbox.insert(outboxRow(core, w.alice, { status: 'dead', lastError: 'twilio_30003', nextAttemptAt: core.clock.now() + m * 60_000 })));
    }
    expect(await run(unreachableNumbersJob, '2026-03-02T12:15:00Z')).toBe(1);
    const card = slack.fake.messages.find((m) => m.thread_ts && shown(m).includes('Cannot reach'))!;
    expect(messageProblems(asMessage(card))).toEqual([]);
    expect(shown(card)).toContain('Cannot reach Alice Moreno by SMS');
    expect(shown(card)).toContain('twilio_30003');
  });
});
