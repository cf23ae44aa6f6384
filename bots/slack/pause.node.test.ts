// The pause in Slack, through the real HTTP app and a fake Slack Web API: the card in the client's
// thread with Resume messages, the press running as the pressing user's staff record on the
// thread's own client, the pause in the client summary and on the App Home, and a caseworker's
// reply to a paused client shown as not delivered, and why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { insert, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import type { FakeSlackMessage } from '../../test/fakes/slack-api.ts';
import { pauseMessages } from '../../src/usecases/safety/pause-messages.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { onAction } from './listeners/actions.ts';
import { onCommand } from './listeners/commands.ts';
import { onHomeOpened } from './listeners/home.ts';
import { PAUSE_RESUME } from './views/ids.ts';
import { buttonsOf, findButton, textsOf } from './views/inspect.ts';
import { escapeMrkdwn } from './views/text.ts';
import type { Block } from './views/types.ts';

const DANA = 'U0DANA';
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  // Monday 2 March 2026, 10:00 in New York
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  slack = await startSlack(core, w, { listeners: { onAction, onCommand, onHomeOpened } });
});
afterEach(() => slack.fake.close());

const en = (key: string, vars?: Record<string, string | number>) => escapeMrkdwn(core.t('en', key, vars));
const blocksOf = (m: FakeSlackMessage | undefined) => (m?.blocks ?? []) as Block[];
const shown = (m: FakeSlackMessage | undefined) => textsOf(blocksOf(m)).join('\n');
const ny = (at: number) => formatWhen(at, 'en', 'America/New_York');
const alice = () => core.store.clients.get(w.scope, w.alice.id);
const pauseCard = () => structuredClone(slack.fake.messages.find((m) => m.thread_ts && findButton(blocksOf(m), PAUSE_RESUME))!);
const now = (m: FakeSlackMessage) => slack.fake.messages.find((x) => x.ts === m.ts)!;

let n = 1;
const press = (card: FakeSlackMessage, o: { user?: string; value?: string } = {}) =>
  slack.interact({
    type: 'block_actions',
    user: { id: o.user ?? DANA },
    team: { id: slack.fake.teamId },
    trigger_id: slack.fake.triggerId(),
    container: { type: 'message', message_ts: card.ts, channel_id: card.channel, thread_ts: card.thread_ts },
    channel: { id: card.channel },
    message: { type: 'message', ts: card.ts, thread_ts: card.thread_ts, text: card.text, blocks: card.blocks },
    actions: [{ type: 'button', action_id: PAUSE_RESUME, value: o.value ?? findButton(blocksOf(card), PAUSE_RESUME)?.value, action_ts: `1772463600.${n++}` }],
  });

/** Alice pauses by text; her card lands in her thread. */
const pausedByText = async () => {
  await pauseMessages(core, { ...w.asAlice, door: 'sms' }, { clientId: w.alice.id });
  const at = core.clock.now();
  await slack.work();
  core.clock.advance(5 * 60_000);
  return { at, card: pauseCard() };
};

describe('the pause card', () => {
  it('says who paused and since when, and the client got the confirmation', async () => {
    const { at, card } = await pausedByText();
    expect(shown(card)).toContain(en('staff.client_paused', { client: 'Alice Moreno', when: ny(at) }));
    expect(card.text).toContain('Alice Moreno paused all messages');
    expect(findButton(blocksOf(card), PAUSE_RESUME)).toMatchObject({ value: w.alice.id, text: { text: 'Resume messages' } });
    const sms = (await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'sms');
    expect(sms.map((o) => [o.template, o.status])).toEqual([['safety.paused', 'sent']]);
  });

  it('names the caseworker who paused', async () => {
    await pauseMessages(core, w.asStaff, { clientId: w.alice.id });
    await slack.work();
    expect(shown(pauseCard())).toContain(en('staff.client_paused_by_staff', { by: 'Dana Whitfield', client: 'Alice Moreno', when: ny(core.clock.now()) }));
  });

  it('Resume turns messages back on as the pressing caseworker, and the card says so with no button', async () => {
    const { at, card } = await pausedByText();
    await press(card);
    expect(await alice()).toMatchObject({ pausedAt: null, pausedBy: null });
    expect((await core.store.audit.listForClient(w.scope, w.alice.id))[0]).toMatchObject({ action: 'safety.resume', actorId: w.staff.id, channel: 'slack' });
    const updated = now(card);
    expect(updated.edits).toBe(1);
    expect(buttonsOf(blocksOf(updated))).toEqual([]);
    expect(shown(updated)).toContain(en('staff.client_paused', { client: 'Alice Moreno', when: ny(at) }));
    expect(shown(updated)).toContain(en('staff.pause.resumed_by', { name: 'Dana Whitfield', when: ny(core.clock.now()) }));
    const line = slack.inThread(card.thread_ts!).at(-1);
    expect(shown(line)).toContain(en('staff.client_resumed_by_staff', { by: 'Dana Whitfield', client: 'Alice Moreno', when: ny(core.clock.now()) }));
    const sms = (await core.store.outbox.list(w.scope)).filter((o) => o.channel === 'sms').map((o) => [o.template, o.status]);
    expect(sms).toContainEqual(['safety.resumed', 'sent']);
    expect(slack.fake.ephemerals).toEqual([]);
    expect(slack.failures).toEqual([]);
  });

  it('tells the second press that messages are on already, and changes nothing more', async () => {
    const { card } = await pausedByText();
    await press(card);
    await press(card);
    expect(now(card).edits).toBe(1);
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([[DANA, core.t('en', 'staff.pause.already_on')]]);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.template === 'safety.resumed')).toHaveLength(1);
  });

  it('does nothing for a Slack user not on the staff, or an id that is not the thread’s client', async () => {
    const { card } = await pausedByText();
    await press(card, { user: 'U0STRANGER' });
    await press(card, { value: w.bob.id });
    expect((await alice())?.pausedAt).not.toBeNull();
    expect(now(card).edits ?? 0).toBe(0);
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([
      ['U0STRANGER', core.t('en', 'slack.action.unmapped')],
      [DANA, core.t('en', 'slack.action.not_found')],
    ]);
  });
});

describe('a paused client elsewhere in Slack', () => {
  it('shows the caseworker’s reply as not delivered, and why', async () => {
    const { card } = await pausedByText();
    await slack.writeInThread(DANA, card.thread_ts!, 'Are you OK?');
    const reply = (await core.store.outbox.list(w.scope)).find((o) => o.template.startsWith('notify.staff_reply'));
    expect(reply).toMatchObject({ status: 'cancelled', lastError: 'paused' });
    expect(shown(slack.inThread(card.thread_ts!).at(-1))).toContain(en('slack.delivery.failed_detail', { detail: 'paused' }));
  });

  it('shows the pause in the client summary and on the App Home', async () => {
    const { at } = await pausedByText();
    await slack.command({ text: 'client "Alice Moreno"', user_id: DANA });
    const summary = textsOf((slack.fake.responses.at(-1)?.body as { blocks: Block[] }).blocks).join('\n');
    expect(summary).toContain(en('staff.pause.summary', { when: ny(at) }));
    await slack.command({ text: 'client "Bob Tran"', user_id: DANA });
    expect(JSON.stringify(slack.fake.responses.at(-1)?.body)).not.toContain('paused');
    await slack.event({ type: 'app_home_opened', user: DANA, channel: 'D0HOME', tab: 'home', event_ts: '1772463600.000100' });
    const home = textsOf((slack.fake.views.at(-1)?.view.blocks ?? []) as Block[]).join('\n');
    expect(home).toContain(en('staff.pause.home_title'));
    expect(home).toContain(en('staff.pause.home_row', { client: 'Alice Moreno', when: ny(at) }));
    expect(home).not.toContain('Bob Tran: paused');
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { pausedAt: null, pausedBy: null }));
    await slack.event({ type: 'app_home_opened', user: DANA, channel: 'D0HOME', tab: 'home', event_ts: '1772463600.000200' });
    expect(textsOf((slack.fake.views.at(-1)?.view.blocks ?? []) as Block[]).join('\n')).not.toContain(en('staff.pause.home_title'));
  });
});
