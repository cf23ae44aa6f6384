// A client's message that reads like a crisis, from every door: the alert, the crisis resources back
// where it came from (in the client's language, whatever the hour or the pause, never on an unsafe
// channel), the outgoing message in the conversation, the loud staff alert and the audit row — all
// with the message, once.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { channelRow, clientRow, insert, staffRow, world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Client } from '../../domain/types.ts';
import { devSender } from '../../senders/dev-sender.ts';
import { recordInboundMessage } from '../messaging/record-inbound-message.ts';
import { deliverDue } from '../outbox/deliver-outbox.ts';
import { optOutNumber } from '../sms/opt-out.ts';
import { US_CRISIS_RESOURCES } from '../../domain/settings.ts';
import { countSms } from '../../domain/sms-segments.ts';
import { crisisReplyText } from './resources.ts';

const CRISIS = 'I want to kill myself';
let core: TestCore;
let w: World;
let n = 0;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core, { staff: { slackUserId: 'U0DANA' } });
});

const door = (d: 'sms' | 'telegram'): Actor => ({ type: 'system', agencyId: w.agency.id, door: d });
const bySms = (client: Client, body: string, from = '+15555550101') =>
  recordInboundMessage(core, door('sms'), { clientId: client.id, channel: 'sms', body, source: 'sms', externalId: `SM${++n}`, replyTo: from });
const outbox = async () => core.store.outbox.list(w.scope);
const toClient = async () => (await outbox()).filter((o) => o.channel !== 'slack');
const staffAlerts = async () => (await outbox()).filter((o) => o.template === 'staff.crisis_alert');
const payloadOf = (o: { payload: string }) => JSON.parse(o.payload) as Record<string, unknown>;
const reply = (locale: string) => crisisReplyText(core.t, locale, US_CRISIS_RESOURCES);
const audits = async (client: Client = w.alice) => (await core.store.audit.listForClient(w.scope, client.id)).map((a) => a.action);

describe('a crisis message by SMS', () => {
  it('raises the alert, answers with the resources on that number, records the answer, alerts the caseworker and audits it, in one commit', async () => {
    const r = await bySms(w.alice, CRISIS);
    expect(r.ok && !r.value.duplicate && r.value.crisis).toBe('self_harm');
    const [alert] = await core.store.crisis.listForClient(w.scope, w.alice.id);
    expect(alert).toMatchObject({ channel: 'sms', category: 'self_harm', level: 0, acknowledgedAt: null, createdAt: core.clock.now() });
    expect(alert!.nextEscalationAt).toBe(core.clock.now() + 10 * 60_000);

    const [answer] = await toClient();
    expect(answer).toMatchObject({ channel: 'sms', toAddress: '+15555550101', template: 'crisis.resources', text: reply('en'), idempotencyKey: `crisis:${alert!.id}:reply` });
    expect(answer!.text).toContain('call or text 988');
    expect(answer!.text).not.toContain(w.agency.name);
    expect(countSms(answer!.text).segments).toBeLessThanOrEqual(2);

    const messages = await core.store.messages.listForClient(w.scope, w.alice.id);
    expect(messages.map((m) => [m.direction, m.channel, m.status, m.body])).toEqual([
      ['in', 'sms', 'received', CRISIS],
      ['out', 'sms', 'queued', reply('en')],
    ]);
    expect(messages[1]!.outboxId).toBe(answer!.id);

    const [notice] = await staffAlerts();
    expect(notice).toMatchObject({ channel: 'slack', toAddress: `staff:${w.staff.id}`, idempotencyKey: `crisis:${alert!.id}:L0` });
    expect(payloadOf(notice!)).toMatchObject({ alertId: alert!.id, category: 'self_harm', channel: 'sms', body: CRISIS, reply: 'sent', mention: ['U0DANA'], everyone: false });
    expect(notice!.text).toContain('Alice Moreno');
    expect(await audits()).toContain('crisis.detected');
    // The conversation still waits for the caseworker: crisis help is no answer of theirs.
    expect((await core.store.conversations.forClient(w.scope, w.alice.id))?.lastOutboundAt).toBeNull();
  });

  it('answers in the client’s language', async () => {
    const ana = clientRow(core, w.agency.id, { displayName: 'Ana Ruiz', language: 'es', staffId: w.staff.id });
    await insert(core, core.store.clients.insert(ana), core.store.channels.insert(channelRow(core, ana, { address: '+15555550150' })));
    await bySms(ana, 'he said he will kill me', '+15555550150');
    const [answer] = await toClient();
    expect(answer).toMatchObject({ toAddress: '+15555550150', text: reply('es') });
    expect(payloadOf((await staffAlerts())[0]!).category).toBe('violence');
  });

  it('raises nothing for an ordinary message', async () => {
    const r = await bySms(w.alice, 'Can we meet on Friday? My son has a doctor visit on Thursday.');
    expect(r.ok && !r.value.duplicate && r.value.crisis).toBeUndefined();
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toEqual([]);
    expect((await outbox()).map((o) => o.template)).toEqual(['staff.client_message']);
  });

  it('raises it once when the same message comes twice', async () => {
    const input = { clientId: w.alice.id, channel: 'sms' as const, body: CRISIS, source: 'sms', externalId: 'SMsame' };
    await Promise.all([recordInboundMessage(core, door('sms'), input), recordInboundMessage(core, door('sms'), input)]);
    expect(await core.store.crisis.listForClient(w.scope, w.alice.id)).toHaveLength(1);
    expect(await toClient()).toHaveLength(1);
  });

  it('reaches a paused client in their quiet hours at once', async () => {
    core.clock.set('2026-03-02T08:00:00Z'); // 03:00 in New York
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { pausedAt: core.clock.now(), pausedBy: 'client:sms' }));
    const paused = (await core.store.clients.get(w.scope, w.alice.id))!;
    await bySms(paused, CRISIS);
    const counts = await deliverDue({ store: core.store, t: core.t, senderFor: () => devSender(core), maxAttempts: 3 }, core.clock.now());
    expect(counts.cancelled + counts.deferred).toBe(0);
    expect((await core.store.devOutbox.list()).map((m) => [m.to, m.text])).toContainEqual(['+15555550101', reply('en')]);
  });

  it('sends nothing on a channel the client marked unsafe, and the alert says so', async () => {
    await insert(core, core.store.clients.update(w.scope, w.alice.id, { safeChannels: JSON.stringify(['portal']) }));
    const alice = (await core.store.clients.get(w.scope, w.alice.id))!;
    await bySms(alice, CRISIS);
    expect(await toClient()).toEqual([]);
    expect(payloadOf((await staffAlerts())[0]!).reply).toBe('unsafe_channel');
    // The help waits in the portal instead.
    const shown = (await core.store.messages.listForClient(w.scope, w.alice.id)).at(-1);
    expect(shown).toMatchObject({ direction: 'out', channel: 'portal', status: 'sent', outboxId: null });
  });

  it('sends nothing by SMS to a number that opted out, and the alert says so', async () => {
    await optOutNumber(core, door('sms'), { phone: '+15555550101', source: 'keyword' });
    await bySms(w.alice, CRISIS);
    expect(await toClient()).toEqual([]);
    expect(payloadOf((await staffAlerts())[0]!).reply).toBe('opted_out');
  });
});

describe('who the alert calls out', () => {
  const mentionOf = async () => {
    await bySms(w.alice, CRISIS);
    const p = payloadOf((await staffAlerts())[0]!);
    return { mention: p.mention, everyone: p.everyone };
  };

  it('the on-call staff when the caseworker has no Slack user', async () => {
    core = await makeCore();
    w = await world(core);
    const luis = staffRow(core, w.agency.id, { name: 'Luis Ortega', slackUserId: 'U0LUIS', role: 'supervisor', onCall: true });
    await insert(core, core.store.staff.insert(luis));
    expect(await mentionOf()).toEqual({ mention: ['U0LUIS'], everyone: false });
  });

  it('the whole channel when there is no one to name', async () => {
    core = await makeCore();
    w = await world(core);
    expect(await mentionOf()).toEqual({ mention: [], everyone: true });
  });
});

describe('from Telegram and the portal', () => {
  it('answers in the chat the message came from', async () => {
    await insert(core, core.store.channels.insert(channelRow(core, w.bob, { kind: 'telegram', address: '4242' })));
    await recordInboundMessage(core, door('telegram'), { clientId: w.bob.id, channel: 'telegram', body: 'my boyfriend hits my son', source: 'telegram', externalId: '4242:7', replyTo: '4242' });
    const [answer] = await toClient();
    expect(answer).toMatchObject({ channel: 'telegram', toAddress: '4242', text: reply('vi') });
    expect(payloadOf((await staffAlerts())[0]!)).toMatchObject({ category: 'child_danger', channel: 'telegram', reply: 'sent' });
  });

  it('pushes nothing from the portal: the page shows the help, and the conversation keeps it', async () => {
    const r = await recordInboundMessage(core, w.asAlice, { clientId: w.alice.id, channel: 'portal', body: CRISIS, source: 'portal', externalId: `${w.alice.id}:n1` });
    expect(r.ok && !r.value.duplicate && r.value.crisis).toBe('self_harm');
    expect(await toClient()).toEqual([]);
    expect(payloadOf((await staffAlerts())[0]!)).toMatchObject({ channel: 'portal', reply: 'portal' });
    const shown = (await core.store.messages.listForClient(w.scope, w.alice.id)).at(-1);
    expect(shown).toMatchObject({ direction: 'out', channel: 'portal', status: 'sent', body: reply('en') });
  });
});
