// The whole round trip, across two doors and one core: a client texts by SMS (a signed Twilio
// webhook), the text lands in the client's Slack thread, the caseworker answers in the thread,
// and the answer reaches the client's phone by SMS — fakes of Twilio and Slack on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsInboxHandlers } from '../bots/sms/inbox.ts';
import { INBOUND_PATH } from '../bots/sms/twilio/webhook.ts';
import { makeCore, type TestCore } from './support/core.ts';
import { world, type World } from './support/fixtures.ts';
import { startSlack, type SlackHarness } from './support/slack.ts';
import { startSms, type SmsHarness } from './support/sms.ts';

let core: TestCore;
let w: World;
let sms: SmsHarness;
let slack: SlackHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core, { staff: { slackUserId: 'U0DANA' } });
  sms = await startSms(core, w);
  slack = await startSlack(core, w, { clientSender: sms.sender, handlers: smsInboxHandlers(sms.env) });
});
afterEach(async () => {
  await sms.api.close();
  await slack.fake.close();
});

describe('client SMS → Slack thread → caseworker reply → SMS', () => {
  it('carries the client’s words to the thread and the caseworker’s answer back to the phone', async () => {
    const phone = w.aliceSms.address;
    expect((await sms.post(INBOUND_PATH, sms.textFields(phone, 'Is my appointment still on Monday?'))).status).toBe(200);
    await slack.work();
    const [thread] = slack.threads();
    expect(thread!.text).toContain('Alice Moreno');
    expect(slack.inThread(thread!.ts).map((m) => m.text)).toEqual([expect.stringContaining('Is my appointment still on Monday?')]);
    // The one acknowledgement by SMS, then the caseworker's answer.
    expect(sms.received(phone)).toEqual([core.t(w.alice.language, 'sms.sent')]);

    await slack.writeInThread('U0DANA', thread!.ts, 'Yes, Monday at 10. See you then!');
    expect(sms.received(phone).at(-1)).toBe(core.t(w.alice.language, 'notify.staff_reply', { name: 'Dana', text: 'Yes, Monday at 10. See you then!' }));
    // An internal note never reaches the phone.
    const before = sms.received(phone).length;
    await slack.writeInThread('U0DANA', thread!.ts, 'note: confirmed by phone too');
    expect(sms.received(phone)).toHaveLength(before);
    expect(slack.failures).toEqual([]);
  });
});
