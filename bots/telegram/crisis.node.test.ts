// A crisis in Telegram, through the real HTTP app and a fake Bot API: the chat gets the crisis help
// in the client's language (no "sent"), the alert is raised, and a waiting cancel does not take
// the text as its reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { US_CRISIS_RESOURCES } from '../../src/domain/settings.ts';
import { crisisReplyText } from '../../src/usecases/crisis/resources.ts';

const CHAT = 5150;
let core: TestCore;
let w: World;
let tg: TelegramHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  tg = await startTelegram(core, w);
  await tg.link(w.bob.id, CHAT);
});
afterEach(() => tg.api.close());

const texts = () => tg.api.sent.filter((m) => Number(m.chat_id) === CHAT).map((m) => m.text);
const help = () => crisisReplyText(core.t, w.bob.language, US_CRISIS_RESOURCES);
const alerts = () => core.store.crisis.listForClient(w.scope, w.bob.id);

describe('a crisis in Telegram', () => {
  it('answers in the chat with the crisis help in the client’s language, instead of "sent", and raises the alert', async () => {
    const before = texts().length;
    await tg.text('my boyfriend hits my son', CHAT);
    expect(texts().slice(before)).toEqual([help()]);
    expect(await alerts()).toMatchObject([{ channel: 'telegram', category: 'child_danger', level: 0 }]);
    const answer = (await core.store.outbox.list(w.scope)).find((o) => o.template === 'crisis.resources');
    expect(answer).toMatchObject({ channel: 'telegram', toAddress: String(CHAT), status: 'sent' });
  });

  it('leaves an ordinary message as it was', async () => {
    await tg.text('I will be late tomorrow', CHAT);
    expect(texts().at(-1)).toBe(core.t(w.bob.language, 'telegram.sent'));
    expect(await alerts()).toEqual([]);
  });

  it('is not taken as the reason of a waiting cancel', async () => {
    const a = appointmentRow(core, w.bob);
    await insert(core, core.store.appointments.insert(a));
    await tg.press(`appt:x:${a.id}`, CHAT);
    expect(texts().at(-1)).toBe(core.t(w.bob.language, 'telegram.appointments.cancel_reason'));
    await tg.text('I want to kill myself', CHAT);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
    expect(texts().at(-1)).toBe(help());
    expect(await alerts()).toHaveLength(1);
  });

  it('reads the words sent with a photo: the file is handled, and the caption raises the alert', async () => {
    await tg.send(tg.messageUpdate(CHAT, { photo: [{ file_id: 'nofile', file_unique_id: 'n', width: 90, height: 90, file_size: 14 }], caption: 'he said he will kill me tonight' }));
    expect(texts()).toContain(help());
    expect(await alerts()).toMatchObject([{ channel: 'telegram', category: 'violence' }]);
    const said = (await core.store.messages.listForClient(w.scope, w.bob.id)).filter((m) => m.direction === 'in').map((m) => m.body);
    expect(said).toEqual(['he said he will kill me tonight']);
  });
});
