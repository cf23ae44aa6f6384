// `/casebridge schedule <client> <date time> <text>` through the real HTTP app: the message is
// queued for that time (or the client's next allowed minute), in the conversation, and the private
// answer says when it will leave. Bad arguments, unknown or ambiguous clients schedule nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { clientRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startSlack, type SlackHarness } from '../../test/support/slack.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { pauseMessages } from '../../src/usecases/safety/pause-messages.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { onCommand } from './listeners/commands.ts';
import { textsOf } from './views/inspect.ts';
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
  slack = await startSlack(core, w, { listeners: { onCommand } });
});
afterEach(() => slack.fake.close());

const t = createTranslator();
const en = (key: string, vars?: Record<string, string | number>) => t('en', key, vars);
const ny = (at: number) => formatWhen(at, 'en', 'America/New_York');
/** Tuesday 3 March 2026 at `hh:mm` in New York. */
const tue = (hhmm: string) => Date.parse(`2026-03-03T${hhmm}:00-05:00`);
const ask = async (text: string) => {
  const res = await slack.command({ text, user_id: DANA, team_id: slack.fake.teamId, channel_id: 'C0GENERAL' });
  expect(res.status).toBe(200);
  const body = slack.fake.responses.at(-1)?.body as { response_type: string; blocks: Block[] };
  expect(body.response_type).toBe('ephemeral');
  return textsOf(body.blocks).join('\n');
};
const toAlice = async () => (await core.store.outbox.list(w.scope)).filter((o) => o.clientId === w.alice.id && o.channel === 'sms');

describe('/casebridge schedule', () => {
  it('queues the message for that time, in the conversation, and says when it will leave', async () => {
    const shown = await ask('schedule "Alice Moreno" tomorrow 9am Remember to bring your ID.');
    expect(shown).toContain(escapeMrkdwn(en('staff.schedule.done', { client: 'Alice Moreno', when: ny(tue('09:00')) })));
    const [row, ...more] = await toAlice();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ template: 'notify.scheduled_message', text: 'Dana: Remember to bring your ID.', status: 'pending', nextAttemptAt: tue('09:00') });
    const [message] = await core.store.messages.listForClient(w.scope, w.alice.id);
    expect(message).toMatchObject({ direction: 'out', body: 'Remember to bring your ID.', status: 'queued', staffId: w.staff.id, outboxId: row?.id });
    // It leaves at 9:00, not before.
    core.clock.set(tue('08:59'));
    await slack.work();
    expect((await toAlice())[0]?.status).toBe('pending');
    core.clock.set(tue('09:00'));
    await slack.work();
    expect((await toAlice())[0]?.status).toBe('sent');
  });

  it('says when a time outside the client’s hours is moved, and when the client is paused', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { contactWindowStart: 17 * 60, contactWindowEnd: 19 * 60 }));
    await pauseMessages(core, w.asAlice, { clientId: w.alice.id });
    const shown = await ask('schedule DEMO-X tomorrow 9am Hi');
    expect(shown).toContain(escapeMrkdwn(en('slack.command.client_not_found', { query: 'DEMO-X' })));
    const moved = await ask('schedule 555-555-0101 tomorrow 9am Hi');
    expect(moved).toContain(escapeMrkdwn(en('staff.schedule.moved', { client: 'Alice Moreno', when: ny(tue('17:00')) })));
    expect(moved).toContain(escapeMrkdwn(en('staff.schedule.paused', { client: 'Alice Moreno' })));
    expect((await toAlice()).map((o) => o.nextAttemptAt)).toEqual([tue('17:00')]);
  });

  it('schedules once when the same command reaches the app twice', async () => {
    const signed = await slack.sign('form', { command: '/casebridge', text: 'schedule "Alice Moreno" tomorrow 9am Hi', user_id: DANA, trigger_id: slack.fake.triggerId(), response_url: slack.fake.responseUrl() });
    await slack.post(signed);
    await slack.post(signed);
    expect(await toAlice()).toHaveLength(1);
    expect(slack.fake.responses).toHaveLength(1);
  });

  it('schedules nothing for an unknown, ambiguous or unreachable client, a past time or bad words', async () => {
    await insert(
      core,
      core.store.clients.insert(clientRow(core, w.agency.id, { displayName: 'Alice Mora' })),
      core.store.clients.insert(clientRow(core, w.agency.id, { displayName: 'Cai Lin', staffId: w.staff.id })),
    );
    const cases: [string, string][] = [
      ['schedule alice tomorrow 9am Hi', en('slack.command.client_ambiguous', { count: 2, query: 'alice', names: 'Alice Mora and Alice Moreno' })],
      ['schedule "Zed Nobody" tomorrow 9am Hi', en('slack.command.client_not_found', { query: 'Zed Nobody' })],
      ['schedule "Alice Moreno" 2026-03-01 9am Hi', en('slack.command.in_the_past', { value: '2026-03-01 9am', timeZone: 'America/New_York' })],
      ['schedule "Alice Moreno" tomorrow 9am', en('slack.command.missing_argument', { argument: en('slack.command.argument.text') })],
      [`schedule "Alice Moreno" tomorrow 9am ${'x'.repeat(1001)}`, en('slack.command.too_long', { argument: en('slack.command.argument.text'), max: 1000 })],
      ['schedule "Cai Lin" tomorrow 9am Hi', en('staff.schedule.no_channel', { client: 'Cai Lin' })],
    ];
    for (const [text, problem] of cases) expect(await ask(text), text).toContain(escapeMrkdwn(problem));
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { contactWindowStart: 22 * 60, contactWindowEnd: 23 * 60 }));
    expect(await ask('schedule "Alice Moreno" tomorrow 9am Hi')).toContain(escapeMrkdwn(en('staff.schedule.no_contact_time', { client: 'Alice Moreno' })));
    expect(await core.store.outbox.list(w.scope)).toEqual([]);
    expect(await core.store.messages.listForClient(w.scope, w.alice.id)).toEqual([]);
  });
});
