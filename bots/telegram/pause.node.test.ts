// The pause word in Telegram, through the real HTTP app and a fake Bot API: it pauses before any
// feature reads the text (a waiting cancel reason), the chat gets the confirmation, the caseworker
// is told, and the word is not kept as a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';

const CHAT = 5151;
let core: TestCore;
let w: World;
let tg: TelegramHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  await insert(core, core.store.clients.update(w.scope, w.bob.id, { pauseWord: 'Hoasen' }));
  tg = await startTelegram(core, w);
  await tg.link(w.bob.id, CHAT);
});
afterEach(() => tg.api.close());

const texts = () => tg.api.sent.filter((m) => Number(m.chat_id) === CHAT).map((m) => m.text);

describe('the pause word in Telegram', () => {
  it('pauses even while a cancel reason is awaited, and confirms in the chat', async () => {
    const a = appointmentRow(core, w.bob);
    await insert(core, core.store.appointments.insert(a));
    await tg.press(`appt:x:${a.id}`, CHAT);
    await tg.text('HOASEN!', CHAT);
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('scheduled');
    const bob = await core.store.clients.get(w.scope, w.bob.id);
    expect(bob?.pausedBy).toBe('client:telegram');
    expect(texts().at(-1)).toBe(core.t(w.bob.language, 'safety.paused'));
    expect((await core.store.messages.listForClient(w.scope, w.bob.id)).filter((m) => m.direction === 'in')).toEqual([]);
    expect((await core.store.outbox.list(w.scope)).some((o) => o.template.startsWith('staff.client_paused'))).toBe(true);
  });
});
