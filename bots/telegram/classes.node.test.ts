// Classes in Telegram, through the real HTTP app and a fake Bot API on 127.0.0.1: list with RSVP
// buttons, RSVP, /checkin, and a bare code checking in only while a session is open.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../test/support/fixtures.ts';
import { buttonsOf, startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import type { ClassSeries, ClassSession, Client } from '../../src/domain/types.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { MAX_CALLBACK_BYTES } from './features/appointments-view.ts';

const CHAT = 5150;
let core: TestCore;
let w: World;
let tg: TelegramHarness;
let api: TelegramHarness['api'];

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  tg = await startTelegram(core, w);
  api = tg.api;
});
afterEach(() => api.close());

const text = (body: string, chatId = CHAT) => tg.text(body, chatId);
const press = (data: string, chatId = CHAT) => tg.press(data, chatId);
const lastText = () => tg.lastTo(CHAT);
const link = (client: Client = w.bob) => tg.link(client.id, CHAT);
/** A class the client is enrolled in, with one session (by default in two hours, code K7P2Q). */
const enrol = async (client: Client, over: Partial<ClassSession> = {}, series: Partial<ClassSeries> = {}) => {
  const c = classRow(core, w.agency.id, series);
  const s = sessionRow(core, c, over);
  await insert(core, core.store.classes.insertSeries(c), core.store.classes.insertSession(s), core.store.classes.insertEnrollment(enrollmentRow(core, c, client)));
  return s;
};
const attendance = async (client: Client, s: ClassSession) => (await core.store.classes.sessionForClient(w.scope, client.id, s.id))?.attendance ?? null;
const t = (key: string, vars?: Record<string, string | number>) => core.t(w.bob.language, key, vars);
const inbound = async () => (await core.store.messages.listForClient(w.scope, w.bob.id)).filter((m) => m.direction === 'in');
const openNow = { startsAt: Date.parse('2026-02-25T15:10:00Z'), endsAt: Date.parse('2026-02-25T17:00:00Z') };

describe('classes list and RSVP', () => {
  it('is offered in the menu and lists each session with its RSVP buttons', async () => {
    const s = await enrol(w.bob);
    await link();
    await text('/menu');
    expect(buttonsOf(api.sent.at(-1)).map((b) => b.callback_data)).toContain('cls:list');
    await press('cls:list');
    const msg = api.sent.at(-1)!;
    expect(msg.text).toContain('Parenting Together');
    expect(msg.text).toContain(formatWhen(s.startsAt, w.bob.language, w.bob.timeZone));
    expect(msg.text).toContain('Community room');
    expect(msg.text).toContain(t('portal.classes.answer_none'));
    const buttons = buttonsOf(msg);
    expect(buttons.map((b) => b.callback_data)).toEqual([`cls:y:${s.id}`, `cls:n:${s.id}`]);
    for (const b of buttons) expect(new TextEncoder().encode(b.callback_data).length).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
  });

  it('words a sensitive class neutrally, and says so when there is nothing upcoming', async () => {
    await link();
    await text('/classes');
    expect(lastText()).toBe(t('telegram.classes.none'));
    await enrol(w.bob, {}, { title: 'Survivors Group', sensitive: true });
    await text('/classes');
    expect(lastText()).toContain(t('telegram.classes.neutral_kind'));
    expect(lastText()).not.toContain('Survivors');
    expect(lastText()).not.toContain('Community room');
  });

  it('records "I’ll be there", then "I can’t come"', async () => {
    const s = await enrol(w.bob);
    await link();
    await press(`cls:y:${s.id}`);
    expect(lastText()).toBe(t('telegram.classes.rsvp_yes'));
    expect((await attendance(w.bob, s))?.rsvp).toBe('yes');
    await press(`cls:n:${s.id}`);
    expect(lastText()).toBe(t('telegram.classes.rsvp_no'));
    expect((await attendance(w.bob, s))?.rsvp).toBe('no');
  });

  it('a forged button with another client’s session changes nothing', async () => {
    const alices = await enrol(w.alice);
    await link();
    for (const data of [`cls:y:${alices.id}`, `cls:n:${alices.id}`]) {
      await press(data);
      expect(lastText()).toBe(t('telegram.classes.not_found'));
    }
    expect(await attendance(w.alice, alices)).toBeNull();
  });
});

describe('check-in', () => {
  it('/checkin with the right code inside the window checks in', async () => {
    const s = await enrol(w.bob, openNow);
    await link();
    await text('/checkin k7p2q');
    expect(lastText()).toBe(t('telegram.classes.checked_in'));
    expect((await attendance(w.bob, s))?.checkedInAt).toBe(core.clock.now());
    await text('/checkin K7P2Q');
    expect(lastText()).toBe(t('telegram.classes.already_checked_in'));
    await text('/checkin');
    expect(lastText()).toBe(t('telegram.classes.checkin_usage'));
  });

  it('refuses too early with the reason, and a wrong code', async () => {
    const s = await enrol(w.bob);
    await link();
    await text('/checkin K7P2Q');
    expect(lastText()).toBe(t('errors.too_early', { minutes: 30 }));
    await text('/checkin ZZZZZ');
    expect(lastText()).toBe(t('errors.wrong_code'));
    expect(await attendance(w.bob, s)).toBeNull();
  });

  it('a bare code while a session is open checks in and is not relayed', async () => {
    const s = await enrol(w.bob, openNow);
    await link();
    await text('K7P2Q');
    expect(lastText()).toBe(t('telegram.classes.checked_in'));
    expect((await attendance(w.bob, s))?.checkedInAt).toBe(core.clock.now());
    expect(await inbound()).toEqual([]);
  });

  it('a code-like text with no open session, or a wrong one, is relayed as a message', async () => {
    const s = await enrol(w.bob);
    await link();
    await text('K7P2Q');
    expect(lastText()).toBe(t('telegram.sent'));
    expect(await attendance(w.bob, s)).toBeNull();
    await enrol(w.bob, openNow);
    await text('Thanks');
    expect(lastText()).toBe(t('telegram.sent'));
    expect((await inbound()).map((m) => m.body)).toEqual(['K7P2Q', 'Thanks']);
  });
});
