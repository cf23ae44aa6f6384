import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../../test/fakes/telegram-bot-api.ts';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import type { OutboundMessage, SendResult } from '../../src/ports/channel-sender.ts';
import { keyboardOf, telegramSender } from './send.ts';
import { rsvpData } from './features/classes-view.ts';
import { pickData } from './features/documents-view.ts';
import { keyedThrottle } from '../../src/runtime/throttle.ts';

let core: TestCore;
let api: FakeBotApi;
let n = 0;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  api = await startFakeBotApi();
});
afterEach(() => api.close());

/** The sender against the fake server; its throttle sleeps on the test clock, never for real. */
const sender = (over: { token?: string; apiRoot?: string; timeoutMs?: number } = {}) =>
  telegramSender({
    token: over.token ?? api.token,
    apiRoot: over.apiRoot ?? api.apiRoot,
    deliveries: core.store.deliveries,
    clock: core.clock,
    throttle: keyedThrottle({ clock: core.clock, sleep: async (ms) => core.clock.advance(ms) }),
    ...(over.timeoutMs ? { timeoutMs: over.timeoutMs } : {}),
  });

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => {
  n += 1;
  return {
    outboxId: `out-${n}`,
    idempotencyKey: `test:out-${n}`,
    agencyId: 'agy-1',
    clientId: 'cli-1',
    channel: 'telegram',
    to: '4242',
    template: 'notify.staff_reply',
    text: 'Dana: See you Monday. <b>not bold</b> *not bold*',
    payload: {},
    ...over,
  };
};

const noToken = (r: SendResult) => {
  if (!r.ok) expect(r.error).not.toContain(api.token.split(':')[1]);
};

describe('sending to Telegram', () => {
  it('sends the text as plain text, without link previews, and records the delivery', async () => {
    const m = message();
    const r = await sender().send(m);
    expect(r).toEqual({ ok: true, externalId: '1' });
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]).toMatchObject({ chat_id: '4242', text: m.text, reply_markup: undefined });
    expect(api.sent[0]!.params).toMatchObject({ disable_web_page_preview: true });
    expect(api.sent[0]!.params).not.toHaveProperty('parse_mode');
    expect(await core.store.deliveries.find(m.idempotencyKey)).toEqual({ externalId: '1' });
  });

  it('renders reply options as callback buttons, one per row', async () => {
    const options = [
      { label: 'Confirm', data: 'apt:confirm:k1' },
      { label: 'Reschedule', data: 'apt:reschedule:k1' },
    ];
    expect((await sender().send(message({ payload: { kind: 'appointment', options } }))).ok).toBe(true);
    expect(api.sent[0]!.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Confirm', callback_data: 'apt:confirm:k1' }], [{ text: 'Reschedule', callback_data: 'apt:reschedule:k1' }]],
    });
  });

  it('sends nothing when the options are malformed (callback data over 64 bytes)', async () => {
    const r = await sender().send(message({ payload: { options: [{ label: 'Go', data: 'x'.repeat(65) }] } }));
    expect(r).toEqual({ ok: false, retryable: false, error: 'telegram_bad_options' });
    expect(api.calls).toHaveLength(0);
  });

  it("renders a reminder's actions as the buttons the bot's features answer, in one row", async () => {
    const actions = [
      { kind: 'confirm', appointmentId: 'apt_k1', label: 'Confirm' },
      { kind: 'reschedule', appointmentId: 'apt_k1', label: 'Change time' },
      { kind: 'cancel', appointmentId: 'apt_k1', label: 'Cancel' },
    ];
    expect((await sender().send(message({ template: 'reminder.appointment.telegram', payload: { kind: 'appointment', actions } }))).ok).toBe(true);
    expect(api.sent[0]!.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Confirm', callback_data: 'appt:c:apt_k1' },
          { text: 'Change time', callback_data: 'appt:r:apt_k1' },
          { text: 'Cancel', callback_data: 'appt:x:apt_k1' },
        ],
      ],
    });
    expect(
      keyboardOf({
        actions: [
          { kind: 'rsvp_yes', sessionId: 'ses_1', label: "I'll be there" },
          { kind: 'rsvp_no', sessionId: 'ses_1', label: "I can't come" },
        ],
      }),
    ).toEqual({
      inline_keyboard: [
        [
          { text: "I'll be there", callback_data: rsvpData('ses_1', 'yes') },
          { text: "I can't come", callback_data: rsvpData('ses_1', 'no') },
        ],
      ],
    });
    expect(keyboardOf({ actions: [{ kind: 'send_document', requestId: 'drq_1', label: 'Send a file for this' }] })).toEqual({
      inline_keyboard: [[{ text: 'Send a file for this', callback_data: pickData('drq_1') }]],
    });
  });

  it('sends nothing when the actions are malformed (unknown kind, an id the bot would not take, no label)', async () => {
    for (const actions of [
      [{ kind: 'delete', appointmentId: 'apt_1', label: 'Delete' }],
      [{ kind: 'confirm', appointmentId: 'apt:1', label: 'Confirm' }],
      [{ kind: 'confirm', appointmentId: 'apt_1', label: ' ' }],
      [],
    ]) {
      expect(keyboardOf({ actions })).toBeNull();
    }
    const r = await sender().send(message({ payload: { actions: [{ kind: 'rsvp_yes', sessionId: 'x'.repeat(49), label: 'Yes' }] } }));
    expect(r).toEqual({ ok: false, retryable: false, error: 'telegram_bad_options' });
    expect(api.calls).toHaveLength(0);
  });

  it('does not call Telegram again for a key it already delivered', async () => {
    const m = message();
    const s = sender();
    expect(await s.send(m)).toEqual({ ok: true, externalId: '1' });
    expect(await s.send(m)).toEqual({ ok: true, externalId: '1' });
    expect(api.calls).toHaveLength(1);
  });

  it('passes on a 429 as retryable with its retry_after', async () => {
    api.fail({ kind: 'rate_limited', retryAfter: 7 });
    const m = message();
    const r = await sender().send(m);
    expect(r).toEqual({ ok: false, retryable: true, retryAfterMs: 7000, error: 'telegram_rate_limited' });
    expect(await core.store.deliveries.find(m.idempotencyKey)).toBeNull();
    expect(await sender().send(m)).toEqual({ ok: true, externalId: '1' });
  });

  it('treats a 5xx as retryable', async () => {
    api.fail({ kind: 'server_error', status: 502 });
    const r = await sender().send(message());
    expect(r).toMatchObject({ ok: false, retryable: true });
    expect(r.ok ? '' : r.error).toMatch(/^telegram_unavailable_502/);
    noToken(r);
  });

  it.each([
    ['blocked', 'telegram_blocked', 'opted_out'],
    ['deactivated', 'telegram_user_deactivated', 'unreachable'],
    ['chat_not_found', 'telegram_chat_not_found', 'unreachable'],
  ] as const)('gives up on a chat that cannot receive (%s), saying it is gone', async (kind, error, gone) => {
    api.fail({ kind });
    expect(await sender().send(message())).toEqual({ ok: false, retryable: false, error, gone });
  });

  it('gives up on any other refusal, keeping the description but never the token', async () => {
    const r = await sender().send(message({ text: '   ' }));
    expect(r).toEqual({ ok: false, retryable: false, error: 'telegram_rejected_400: Bad Request: message text is empty' });
  });

  it('gives up on a wrong token, without saying the token', async () => {
    const wrong = '999:WRONG-secret-token';
    const r = await sender({ token: wrong }).send(message());
    expect(r).toEqual({ ok: false, retryable: false, error: 'telegram_unauthorized' });
    expect(JSON.stringify(r)).not.toContain('WRONG-secret-token');
  });

  it('treats a time-out as retryable', async () => {
    api.fail({ kind: 'hang' });
    const r = await sender({ timeoutMs: 200 }).send(message());
    expect(r).toEqual({ ok: false, retryable: true, error: 'telegram_timeout' });
    expect(api.calls).toHaveLength(1);
  });

  it('treats an unreachable server as retryable, without saying the address or token', async () => {
    const gone = await startFakeBotApi();
    await gone.close();
    const r = await sender({ apiRoot: gone.apiRoot }).send(message());
    expect(r).toEqual({ ok: false, retryable: true, error: 'telegram_network_error' });
  });

  it('waits its turn: one message a second to the same chat', async () => {
    const s = sender();
    const t0 = core.clock.now();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await s.send(message());
      times.push(core.clock.now() - t0);
    }
    await s.send(message({ to: '5151' }));
    times.push(core.clock.now() - t0);
    expect(times).toEqual([0, 1000, 2000, 2040]);
    expect(api.sent.map((m) => m.chat_id)).toEqual(['4242', '4242', '4242', '5151']);
  });
});
