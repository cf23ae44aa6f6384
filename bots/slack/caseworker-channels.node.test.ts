// Per-caseworker Slack channels, through the real HTTP app and a fake Slack Web API: a client's
// thread opens in their caseworker's own channel (else SLACK_CHANNEL), everything for that client
// follows it there, replies in it reach the client; threads opened before keep working.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, staffRow, world, type World } from '../../test/support/fixtures.ts';
import { CLIENT_CHANNEL, startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { FakeSlackMessage } from '../../test/fakes/slack-api.ts';
import { chooseRescheduleSlot } from '../../src/usecases/appointments/choose-reschedule-slot.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { SENT_REACTION } from './delivery-marks.ts';
import { onAction } from './listeners/actions.ts';
import { QUEUED_REACTION } from './listeners/message.ts';
import { CRISIS_ACKNOWLEDGE, RESCHEDULE_APPROVE } from './views/ids.ts';
import { findButton } from './views/inspect.ts';
import type { Block } from './views/types.ts';

const DANA = 'U0DANA';
const SAM = 'U0SAM';
const DANAS_CHANNEL = 'C0DANA';
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA, slackChannel: DANAS_CHANNEL } });
  // Bob's caseworker has no channel of their own.
  const sam = staffRow(core, w.agency.id, { name: 'Sam Okafor', slackUserId: SAM });
  await insert(core, core.store.staff.insert(sam), core.store.clients.update(w.scope, w.bob.id, { staffId: sam.id }));
  slack = await startSlack(core, w, { listeners: { onAction } });
});
afterEach(() => slack.fake.close());

let nextSms = 1;
const clientTexts = async (body: string, clientId = w.alice.id) => {
  const r = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId, channel: 'sms', body, source: 'twilio', externalId: `SM${nextSms++}` });
  expect(r.ok).toBe(true);
  await slack.work();
};
const conversationOf = (clientId = w.alice.id) => core.store.conversations.forClient(w.scope, clientId);
const repliesTo = async (clientId = w.alice.id) =>
  (await core.store.messages.listForClient(w.scope, clientId)).filter((m) => m.direction === 'out').map((m) => [m.body, m.status]);
const blocksOf = (m: FakeSlackMessage) => (m.blocks ?? []) as Block[];
const cardWith = (actionId: string) => structuredClone(slack.fake.messages.find((m) => m.thread_ts && findButton(blocksOf(m), actionId))!);
const press = (card: FakeSlackMessage, actionId: string) =>
  slack.interact({
    type: 'block_actions',
    user: { id: DANA, team_id: slack.fake.teamId },
    team: { id: slack.fake.teamId },
    trigger_id: slack.fake.triggerId(),
    container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false, thread_ts: card.thread_ts },
    channel: { id: card.channel },
    message: { type: 'message', ts: card.ts, thread_ts: card.thread_ts, text: card.text, blocks: card.blocks },
    actions: [{ type: 'button', action_id: actionId, value: findButton(blocksOf(card), actionId)?.value, action_ts: '1772031600.000001' }],
  });

describe("a caseworker's own channel", () => {
  it("opens the client's thread there and keeps everything for that client in it: messages, cards, crisis alerts", async () => {
    await clientTexts('Hello, is Monday still on?');
    await clientTexts('Also, can I bring my daughter?');
    expect(slack.threads()).toEqual([]);
    const [parent, ...more] = slack.threads(DANAS_CHANNEL);
    expect(more).toEqual([]);
    expect(parent!.text).toContain('Alice Moreno');
    expect(await conversationOf()).toMatchObject({ slackThreadTs: parent!.ts, slackChannel: DANAS_CHANNEL });

    const a = appointmentRow(core, w.alice, { status: 'confirmed' });
    await insert(core, core.store.appointments.insert(a));
    expect((await chooseRescheduleSlot(core, w.asAlice, { clientId: w.alice.id, appointmentId: a.id, slotStartsAt: Date.parse('2026-03-09T13:00:00Z') })).ok).toBe(true);
    await slack.work();
    await clientTexts('I want to kill myself');
    const posts = slack.fake.calls.filter((c) => c.method === 'chat.postMessage').map((c) => [c.params.channel, c.params.thread_ts ?? null]);
    // everything in the thread, and the crisis alert also at the top of SLACK_CHANNEL, where the
    // on-call staff and supervisors it may escalate to are
    expect(posts.filter(([c]) => c === CLIENT_CHANNEL)).toEqual([[CLIENT_CHANNEL, null]]);
    const inDanas = posts.filter(([c]) => c !== CLIENT_CHANNEL);
    expect(inDanas).toEqual([[DANAS_CHANNEL, null], ...Array(inDanas.length - 1).fill([DANAS_CHANNEL, parent!.ts])]);
    const alert = cardWith(CRISIS_ACKNOWLEDGE);
    expect(alert).toMatchObject({ channel: DANAS_CHANNEL, thread_ts: parent!.ts });

    // The buttons work there: the card is found in its own channel's thread, and updated in place.
    const card = cardWith(RESCHEDULE_APPROVE);
    await press(card, RESCHEDULE_APPROVE);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('rescheduled');
    expect(slack.fake.messages.find((m) => m.ts === card.ts)).toMatchObject({ channel: DANAS_CHANNEL, edits: 1 });
    expect(slack.fake.ephemerals).toEqual([]);
    expect(slack.failures).toEqual([]);
  });

  it('delivers a reply written in that thread to the client, and marks it there', async () => {
    await clientTexts('Can we talk?');
    const thread = slack.threads(DANAS_CHANNEL)[0]!.ts;
    const ts = await slack.writeInThread(DANA, thread, 'Yes, I will call you at 3pm.', DANAS_CHANNEL);
    expect(await repliesTo()).toEqual([['Yes, I will call you at 3pm.', 'sent']]);
    const marks = slack.fake.reactions.filter((r) => r.timestamp === ts).map((r) => [r.channel, r.name]);
    expect(marks).toEqual([
      [DANAS_CHANNEL, QUEUED_REACTION],
      [DANAS_CHANNEL, SENT_REACTION],
    ]);
    // The same thread ts in another channel is not that client's thread: nothing sent, nobody told.
    await slack.writeInThread(DANA, thread, 'Wrong place', CLIENT_CHANNEL);
    expect(await repliesTo()).toHaveLength(1);
    expect(slack.fake.ephemerals).toEqual([]);
  });

  it('opens the thread in SLACK_CHANNEL when the app is not in the caseworker’s channel', async () => {
    slack.fake.fail({ kind: 'error', error: 'not_in_channel' }, { method: 'chat.postMessage', times: 1 });
    await clientTexts('Hello?');
    const [parent] = slack.threads();
    expect(slack.inThread(parent!.ts).map((m) => m.channel)).toEqual([CLIENT_CHANNEL]);
    expect(await conversationOf()).toMatchObject({ slackThreadTs: parent!.ts, slackChannel: CLIENT_CHANNEL });
    await slack.writeInThread(DANA, parent!.ts, 'Hi Alice');
    expect(await repliesTo()).toEqual([['Hi Alice', 'sent']]);
  });
});

describe('SLACK_CHANNEL', () => {
  it('holds the threads of clients whose caseworker has no channel of their own, and replies there reach them', async () => {
    await clientTexts('Hi from Bob', w.bob.id);
    const [parent] = slack.threads();
    expect(slack.threads(DANAS_CHANNEL)).toEqual([]);
    expect(await conversationOf(w.bob.id)).toMatchObject({ slackThreadTs: parent!.ts, slackChannel: CLIENT_CHANNEL });
    await slack.writeInThread(SAM, parent!.ts, 'Hello Bob');
    expect(await repliesTo(w.bob.id)).toEqual([['Hello Bob', 'sent']]);
  });

  it('keeps a thread opened before per-caseworker channels (no channel recorded) where it is', async () => {
    const old = slack.fake.userMessage({ channel: CLIENT_CHANNEL, user: slack.fake.botUserId, text: 'Alice Moreno · en · SMS' });
    const at = core.clock.now();
    await insert(core, core.store.conversations.insert({ id: core.ids.newId('cnv'), agencyId: w.agency.id, clientId: w.alice.id, staffId: w.staff.id, slackThreadTs: old.ts, slackChannel: null, lastInboundAt: null, lastOutboundAt: null, clientReadAt: null, createdAt: at }));
    await clientTexts('Still there?');
    expect(slack.threads(DANAS_CHANNEL)).toEqual([]);
    expect(slack.inThread(old.ts).map((m) => [m.channel, m.text])).toEqual([[CLIENT_CHANNEL, expect.stringContaining('Still there?')]]);
    await slack.writeInThread(DANA, old.ts, 'Yes, here', CLIENT_CHANNEL);
    expect(await repliesTo()).toEqual([['Yes, here', 'sent']]);
    // Only in SLACK_CHANNEL: the same ts in the caseworker's channel is another thread.
    await slack.writeInThread(DANA, old.ts, 'Elsewhere', DANAS_CHANNEL);
    expect(await repliesTo()).toHaveLength(1);
    expect(slack.failures).toEqual([]);
  });

  it("moves out of a caseworker's own channel once the client is someone else's", async () => {
    await clientTexts('Hello');
    const [first] = slack.threads(DANAS_CHANNEL);
    const sam = await core.store.staff.findBySlackUser(w.scope, SAM);
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { staffId: sam!.id }));
    await clientTexts('Hello again');
    // Sam has no channel of his own: a new thread in SLACK_CHANNEL; Dana's channel gets nothing more
    const [moved] = slack.threads();
    expect(moved!.text).toContain('Alice Moreno');
    expect(slack.inThread(moved!.ts).map((m) => m.text)).toEqual([expect.stringContaining('Hello again')]);
    expect(slack.inThread(first!.ts)).toHaveLength(1);
    expect(await conversationOf()).toMatchObject({ slackThreadTs: moved!.ts, slackChannel: CLIENT_CHANNEL });
    await slack.writeInThread(SAM, moved!.ts, 'Hi, I am Sam');
    expect(await repliesTo()).toEqual([['Hi, I am Sam', 'sent']]);
  });

  it("moves to SLACK_CHANNEL when the caseworker's channel can no longer be used, rather than lose the notice", async () => {
    await clientTexts('Hello');
    slack.fake.fail({ kind: 'error', error: 'is_archived' }, { times: 1 });
    await clientTexts('I want to kill myself');
    const [moved] = slack.threads();
    expect(moved!.text).toContain('Alice Moreno');
    expect(slack.inThread(moved!.ts).map((m) => m.text).join('\n')).toContain('I want to kill myself');
    expect(await conversationOf()).toMatchObject({ slackThreadTs: moved!.ts, slackChannel: CLIENT_CHANNEL });
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.status === 'dead')).toEqual([]);
  });
});
