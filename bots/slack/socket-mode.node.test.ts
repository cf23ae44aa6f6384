// Socket Mode with Bolt against a fake Slack WebSocket on 127.0.0.1: what arrives is acknowledged
// and kept in the inbox exactly as the HTTP endpoint keeps it; a redelivery changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { world, type World } from '../../test/support/fixtures.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../../test/fakes/slack-socket.ts';
import { createTranslator } from '../../src/i18n/translator.ts';
import { SLACK_ACTION_SOURCE, SLACK_COMMAND_SOURCE, SLACK_EVENT_SOURCE } from './events.ts';
import { startSocketMode } from './socket-mode.ts';
import { validateSubmission } from './listeners/validate.ts';
import { reasonModal } from './views/modals.ts';

let core: TestCore;
let w: World;
let fake: FakeSocketMode;
let socket: { stop(): Promise<void> } | null = null;
const errors: unknown[] = [];

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  fake = await startFakeSocketMode();
  errors.length = 0;
  socket = await startSocketMode({
    core,
    agencyId: async () => w.agency.id,
    botToken: fake.botToken,
    appToken: fake.appToken,
    apiUrl: fake.apiUrl,
    validateSubmission: validateSubmission(createTranslator()),
    onError: (e) => errors.push(e),
  });
  await fake.connected();
});
afterEach(async () => {
  await socket?.stop();
  await fake.close();
});

describe('Socket Mode', () => {
  it('acknowledges an event and keeps it once in the inbox, even when Slack sends it again', async () => {
    const event = { type: 'event_callback', event_id: 'Ev-socket-1', event: { type: 'message', text: 'hi', user: 'U1', ts: '1.1', channel: 'C1' } };
    await fake.push('events_api', event);
    await fake.push('events_api', event);
    const kept = await core.store.inbox.get(SLACK_EVENT_SOURCE, 'Ev-socket-1');
    expect(kept?.status).toBe('pending');
    expect(JSON.parse(kept!.payload)).toMatchObject({ event_id: 'Ev-socket-1' });
    expect(errors).toEqual([]);
  });

  it('acknowledges a slash command and a button press, keeping each for the worker', async () => {
    await fake.push('slash_commands', { command: '/casebridge', text: 'help', user_id: 'U1', trigger_id: 'trig-1', response_url: 'https://hooks.slack.com/x' });
    expect((await core.store.inbox.get(SLACK_COMMAND_SOURCE, 'trig-1'))?.status).toBe('pending');
    await fake.push('interactive', { type: 'block_actions', user: { id: 'U1' }, container: { message_ts: '5.5' }, actions: [{ action_id: 'reschedule.approve', action_ts: '6.6', value: 'apt1' }] });
    expect((await core.store.inbox.get(SLACK_ACTION_SOURCE, '5.5:reschedule.approve:6.6'))?.status).toBe('pending');
  });

  it('keeps a reason modal open when its reason is blank, as over HTTP', async () => {
    const t = createTranslator();
    const view = reasonModal(t, { kind: 'decline_reschedule', id: 'apt1', privateMetadata: '{}' });
    const answer = await fake.push('interactive', { type: 'view_submission', user: { id: 'U1' }, view: { ...view, id: 'V1', hash: 'h1', state: { values: {} } } });
    expect(answer).toMatchObject({ response_action: 'errors' });
    expect(await core.store.inbox.get(SLACK_ACTION_SOURCE, 'view:V1:h1')).toBeNull();
  });

  it('does not acknowledge a press it could not keep, so it is not lost silently', async () => {
    await socket?.stop();
    const broken = { ...core, store: { ...core.store, commit: () => Promise.reject(new Error('disk I/O error')) } };
    socket = await startSocketMode({ core: broken, agencyId: async () => w.agency.id, botToken: fake.botToken, appToken: fake.appToken, apiUrl: fake.apiUrl, onError: (e) => errors.push(e) });
    await fake.connected();
    void fake.push('interactive', { type: 'block_actions', user: { id: 'U1' }, container: { message_ts: '7.7' }, actions: [{ action_id: 'reschedule.approve', action_ts: '8.8', value: 'apt1' }] });
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(errors).toHaveLength(1);
    expect([...fake.acks.keys()]).toEqual([]);
  });
});
