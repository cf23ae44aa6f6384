// The Slack app through the real HTTP app and a fake Slack Web API: a thread per client, the
// caseworker's reply reaching the client, internal notes, unmapped users, retries, signatures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { documentRequestRow, insert, sampleFile, world, type World } from '../../test/support/fixtures.ts';
import { CLIENT_CHANNEL, startSlack, type SlackHarness } from '../../test/support/slack.ts';
import { recordInboundMessage } from '../../src/usecases/messaging/record-inbound-message.ts';
import { uploadDocument } from '../../src/usecases/documents/upload-document.ts';
import { SLACK_EVENT_SOURCE } from './events.ts';
import { SENT_REACTION } from './delivery-marks.ts';
import { NOTE_REACTION, QUEUED_REACTION } from './listeners/message.ts';
import { buttonsOf } from './views/inspect.ts';

const DANA = 'U0DANA';
let core: TestCore;
let w: World;
let slack: SlackHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core, { staff: { slackUserId: DANA } });
  slack = await startSlack(core, w);
});
afterEach(() => slack.fake.close());

let nextSms = 1;
const clientTexts = async (body: string, clientId = w.alice.id) => {
  const r = await recordInboundMessage(core, { type: 'system', agencyId: w.agency.id, door: 'sms' }, { clientId, channel: 'sms', body, source: 'twilio', externalId: `SM${nextSms++}` });
  expect(r.ok).toBe(true);
  await slack.work();
};
const messagesOf = async (clientId = w.alice.id) => core.store.messages.listForClient(w.scope, clientId, { includeInternal: true });

describe('a thread per client', () => {
  it('opens the client’s thread with a header on their first message, and keeps the next ones in it', async () => {
    await clientTexts('Hello, is Monday still on?');
    await clientTexts('Also, can I bring my daughter?');
    const [parent, ...more] = slack.threads();
    expect(more).toEqual([]);
    expect(parent!.text).toContain('Alice Moreno');
    expect(slack.inThread(parent!.ts).map((m) => m.text)).toEqual([
      expect.stringContaining('Hello, is Monday still on?'),
      expect.stringContaining('Also, can I bring my daughter?'),
    ]);
    expect((await core.store.conversations.forClient(w.scope, w.alice.id))?.slackThreadTs).toBe(parent!.ts);
    // Another client gets their own thread.
    await clientTexts('Hi from Bob', w.bob.id);
    expect(slack.threads()).toHaveLength(2);
  });

  it('puts a file the client sent in the thread with a link that opens it for the caseworker, for a while', async () => {
    const req = documentRequestRow(core, w.alice, { staffId: w.staff.id, kind: 'Pay stub' });
    await insert(core, core.store.documents.insertRequest(req));
    const bytes = sampleFile('pdf', 2048);
    const up = await uploadDocument(core, w.asAlice, { clientId: w.alice.id, requestId: req.id, bytes, channel: 'portal' });
    expect(up.ok).toBe(true);
    await slack.work();
    const card = slack.fake.messages.find((m) => m.thread_ts && m.text.includes('Pay stub'))!;
    const view = buttonsOf(card.blocks as never).find((b) => b.url);
    expect(view?.url).toMatch(/^https:\/\/casebridge\.example\.org\/staff\/files\?/);
    const path = view!.url!.replace('https://casebridge.example.org', '');
    const res = await slack.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const audit = await core.store.audit.listForClient(w.scope, w.alice.id);
    expect(audit.some((a) => a.actorId === w.staff.id && a.channel === 'slack')).toBe(true);
    core.clock.advance(25 * 3600_000);
    expect((await slack.app.request(path)).status).toBe(403);
    expect((await slack.app.request(path.replace(/sig=[0-9a-f]+/, `sig=${'0'.repeat(64)}`))).status).toBe(403);
  });
});

describe('the caseworker writes in the thread', () => {
  const threadTs = async () => {
    await clientTexts('Can we talk?');
    return slack.threads()[0]!.ts;
  };

  it('sends a reply to the client on their channel and shows on the Slack message that it went', async () => {
    const thread = await threadTs();
    const ts = await slack.writeInThread(DANA, thread, 'Yes, I will call you at 3pm.');
    const out = (await messagesOf()).filter((m) => m.direction === 'out');
    expect(out.map((m) => [m.body, m.status, m.staffId])).toEqual([['Yes, I will call you at 3pm.', 'sent', w.staff.id]]);
    const sent = (await core.store.outbox.list(w.scope)).find((o) => o.template.startsWith('notify.staff_reply'));
    expect(sent).toMatchObject({ status: 'sent', channel: 'sms', toAddress: w.aliceSms.address });
    const marks = slack.fake.reactions.filter((r) => r.timestamp === ts).map((r) => r.name);
    expect(marks).toEqual([QUEUED_REACTION, SENT_REACTION]);
  });

  it('keeps a `note:` internal: stored as a note, never sent', async () => {
    const thread = await threadTs();
    const ts = await slack.writeInThread(DANA, thread, 'note: she sounded worried, call back tomorrow');
    const notes = (await messagesOf()).filter((m) => m.internal);
    expect(notes.map((m) => m.body)).toEqual(['she sounded worried, call back tomorrow']);
    expect((await core.store.outbox.list(w.scope)).filter((o) => o.staffId === null)).toEqual([]);
    expect(slack.fake.reactions.filter((r) => r.timestamp === ts).map((r) => r.name)).toEqual([NOTE_REACTION]);
  });

  it('sends nothing for a Slack user who is not on the staff, and tells only them why', async () => {
    const thread = await threadTs();
    await slack.writeInThread('U0STRANGER', thread, 'Hi Alice!');
    expect((await messagesOf()).filter((m) => m.direction === 'out')).toEqual([]);
    expect(slack.fake.ephemerals.map((e) => [e.user, e.text])).toEqual([['U0STRANGER', core.t('en', 'slack.reply.unmapped')]]);
  });

  it('does nothing twice for a retried or repeated event, and ignores its own messages', async () => {
    const thread = await threadTs();
    const m = slack.fake.userMessage({ channel: CLIENT_CHANNEL, user: DANA, text: 'See you soon', thread_ts: thread });
    const e = { type: 'message', channel: CLIENT_CHANNEL, user: DANA, text: 'See you soon', ts: m.ts, thread_ts: thread };
    await slack.event(e, { eventId: 'Ev-once' });
    await slack.event(e, { eventId: 'Ev-once', retryNum: 1 });
    await slack.event(e, { eventId: 'Ev-other-delivery' });
    expect((await messagesOf()).filter((x) => x.direction === 'out')).toHaveLength(1);
    await slack.event({ type: 'message', channel: CLIENT_CHANNEL, user: slack.fake.botUserId, bot_id: slack.fake.botId, text: 'echo', ts: '1700000999.000100', thread_ts: thread });
    expect((await messagesOf()).filter((x) => x.direction === 'out')).toHaveLength(1);
    expect(slack.failures).toEqual([]);
  });
});

describe('POST /slack/events', () => {
  it('answers Slack’s url_verification challenge', async () => {
    const res = await slack.post(await slack.sign('json', { type: 'url_verification', challenge: 'abc123' }));
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses a bad, stale or future signature with 401 and keeps nothing', async () => {
    const body = { type: 'event_callback', event_id: 'Ev-bad', event: { type: 'message', text: 'x' } };
    const now = Math.floor(core.clock.now() / 1000);
    const good = await slack.sign('json', body);
    const tampered = { headers: good.headers, body: good.body.replace('"x"', '"y"') };
    for (const signed of [tampered, await slack.sign('json', body, { timestamp: now - 301 }), await slack.sign('json', body, { timestamp: now + 301 })]) {
      expect((await slack.post(signed)).status).toBe(401);
    }
    const unsigned = { headers: { 'content-type': 'application/json' }, body: good.body };
    expect((await slack.post(unsigned)).status).toBe(401);
    expect(await core.store.inbox.get(SLACK_EVENT_SOURCE, 'Ev-bad')).toBeNull();
  });
});

describe('what a caseworker meant', () => {
  const threadOf = async () => {
    await clientTexts('Hello?');
    return slack.threads()[0]!.ts;
  };
  const sentToClient = async () => (await messagesOf()).filter((m) => m.direction === 'out' && !m.internal);

  it.each(['*Note:* she disclosed abuse by her partner', '_note -_ call back', 'NOTES: second visit', 'NB: keep an eye'])('keeps %s internal', async (text) => {
    const thread = await threadOf();
    await slack.writeInThread(DANA, thread, text);
    expect(await sentToClient()).toEqual([]);
    expect((await messagesOf()).filter((m) => m.internal)).toHaveLength(1);
  });

  it('sends nothing for a message that only looks like a note, and asks which it is', async () => {
    const thread = await threadOf();
    await slack.writeInThread(DANA, thread, 'Note to self check her file');
    expect(await sentToClient()).toEqual([]);
    expect((await messagesOf()).filter((m) => m.internal)).toEqual([]);
    expect(slack.fake.ephemerals.at(-1)?.text).toBe(core.t('en', 'slack.reply.unclear_note'));
  });

  it('sends the words, not Slack’s markup: no user ids, links as their labels, & < > as typed', async () => {
    const thread = await threadOf();
    await slack.writeInThread(DANA, thread, 'Tom &amp; me &lt;3 see <https://example.org|example.org> <@U0BOSS>');
    expect((await sentToClient()).map((m) => m.body)).toEqual(['Tom & me <3 see example.org']);
  });

  it('takes "also send to channel" replies as replies', async () => {
    const thread = await threadOf();
    const m = slack.fake.userMessage({ channel: CLIENT_CHANNEL, user: DANA, text: 'See you Monday', thread_ts: thread });
    await slack.event({ type: 'message', subtype: 'thread_broadcast', channel: CLIENT_CHANNEL, user: DANA, text: 'See you Monday', ts: m.ts, thread_ts: thread });
    expect((await sentToClient()).map((x) => x.body)).toEqual(['See you Monday']);
  });
});
