// The crisis alert in Slack, through the real HTTP app and a fake Slack Web API: a loud card in
// the client's thread, also shown in the channel, naming the caseworker; escalations that call the
// on-call staff, then everyone; Acknowledge updating the card in place and stopping it all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { insert, staffRow, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { FakeSlackMessage } from '../../test/fakes/slack-api.ts';
import { MINUTE } from '../../src/domain/time.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { runScheduler } from '../../src/usecases/scheduler/run-scheduler.ts';
import { onAction } from './listeners/actions.ts';
import { CRISIS_ACKNOWLEDGE } from './views/ids.ts';
import { buttonsOf, findButton, textsOf } from './views/inspect.ts';
import type { Block } from './views/types.ts';

const DANA = 'U0DANA';
const LUIS = 'U0LUIS';
let core: TestCore;
let w: World;
let slack: SlackHarness;
let start: number;
let presses = 0;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  await insert(core, core.store.staff.insert(staffRow(core, w.agency.id, { name: 'Luis Ortega', slackUserId: LUIS, role: 'supervisor', onCall: true })));
  slack = await startSlack(core, w, { listeners: { onAction } });
  start = core.clock.now();
});
afterEach(() => slack.fake.close());

const crisis = async (body = 'I want to kill myself') => {
  const r = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId: w.alice.id, channel: 'sms', body, source: 'sms', externalId: 'SM1', replyTo: '+15555550101' });
  expect(r.ok).toBe(true);
  await slack.work();
  return (await core.store.crisis.listForClient(w.scope, w.alice.id))[0]!;
};
const blocksOf = (m: FakeSlackMessage) => (m.blocks ?? []) as Block[];
const shown = (m: FakeSlackMessage) => textsOf(blocksOf(m)).join('\n');
const cards = () => slack.fake.messages.filter((m) => findButton(blocksOf(m), CRISIS_ACKNOWLEDGE) || /Possible crisis|Still not acknowledged/.test(shown(m)));
const tick = async (minutes: number) => {
  core.clock.set(start + minutes * MINUTE);
  await runScheduler(core, core.clock.now());
  await slack.work();
};
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
    actions: [{ type: 'button', action_id: CRISIS_ACKNOWLEDGE, value: findButton(blocksOf(card), CRISIS_ACKNOWLEDGE)?.value, action_ts: `1772463600.${String(++presses).padStart(6, '0')}` }],
  });

describe('the crisis alert', () => {
  it('lands in the client’s thread and in the channel, loud, naming the caseworker, with what was written and sent', async () => {
    const alert = await crisis();
    const [card] = cards();
    expect(card!.thread_ts).toBe(slack.threads()[0]!.ts);
    const posted = slack.fake.calls.find((c) => c.method === 'chat.postMessage' && c.params.ts === undefined && String(c.params.text).includes('<@U0DANA>'));
    expect(posted?.params.reply_broadcast).toBe(true);
    const text = shown(card!);
    expect(text).toContain('🚨 Possible crisis — Alice Moreno');
    expect(text).toContain('<@U0DANA>: please check on Alice Moreno now.');
    expect(text).toContain('Self-harm or suicide');
    expect(text).toContain('I want to kill myself');
    expect(text).toContain('Crisis resources sent to the client by SMS');
    expect(text).toContain('call or text 988');
    expect(card!.text).toContain('<@U0DANA>');
    expect(findButton(blocksOf(card!), CRISIS_ACKNOWLEDGE)?.value).toBe(alert.id);
    expect(await core.store.crisis.get(w.scope, alert.id)).toMatchObject({ slackChannel: card!.channel, slackTs: card!.ts });
    expect(slack.failures).toEqual([]);
  });

  it('tells the caseworker not to reply by SMS when the client marked it unsafe', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { safeChannels: JSON.stringify(['portal']) }));
    await crisis();
    expect(shown(cards()[0]!)).toContain('do not reply by SMS: the client marked it unsafe');
  });

  it('escalates to the on-call staff after 10 minutes, to everyone after 20, and again after that', async () => {
    await crisis();
    await tick(10);
    const first = cards()[1]!;
    expect(shown(first)).toContain('Still not acknowledged — Alice Moreno');
    expect(shown(first)).toContain('<@U0DANA> <@U0LUIS>: nobody has acknowledged this alert for 10 minutes.');
    expect(shown(first)).not.toContain('<!channel>');
    await tick(20);
    expect(shown(cards()[2]!)).toContain('<!channel> <@U0DANA> <@U0LUIS>');
    await tick(30);
    expect(cards()).toHaveLength(4);
  });

  it('Acknowledge updates the card in place, stops the escalation, and a second press is told it was done', async () => {
    const alert = await crisis();
    const card = structuredClone(cards()[0]!);
    core.clock.set(start + 4 * MINUTE);
    await press(card);
    const now = slack.fake.messages.find((m) => m.ts === card.ts)!;
    expect(now.edits).toBe(1);
    expect(buttonsOf(blocksOf(now))).toEqual([]);
    expect(shown(now)).toContain('Acknowledged by Dana Whitfield at');
    expect(await core.store.crisis.get(w.scope, alert.id)).toMatchObject({ acknowledgedBy: w.staff.id });
    await tick(10);
    await tick(20);
    expect(cards()).toHaveLength(1);

    await press(card, DANA);
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([[DANA, core.t('en', 'staff.crisis.already_acknowledged')]]);
    expect(now.edits).toBe(1);
  });

  it('Acknowledge on an escalation updates it and the first card', async () => {
    await crisis();
    await tick(10);
    const [first, escalation] = cards().map((c) => structuredClone(c));
    await press(escalation!, LUIS);
    for (const c of [first!, escalation!]) {
      const now = slack.fake.messages.find((m) => m.ts === c.ts)!;
      expect(buttonsOf(blocksOf(now))).toEqual([]);
      expect(shown(now)).toContain('Acknowledged by Luis Ortega at');
    }
  });

  it('an unmapped Slack user cannot acknowledge', async () => {
    const alert = await crisis();
    await press(cards()[0]!, 'U0STRANGER');
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([['U0STRANGER', core.t('en', 'slack.action.unmapped')]]);
    expect((await core.store.crisis.get(w.scope, alert.id))?.acknowledgedAt).toBeNull();
    expect(buttonsOf(blocksOf(cards()[0]!))).toHaveLength(1);
  });
});
