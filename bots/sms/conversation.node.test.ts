// The SMS conversation through the real HTTP app and a fake Twilio on 127.0.0.1: an unknown
// number, HELP, MENU and numbered answers, appointments, classes and check-in, messages to the
// caseworker, STOP and START (localized too), the client's language and neutral wording.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import {
  appointmentRow,
  channelRow,
  classRow,
  clientRow,
  enrollmentRow,
  insert,
  outboxRow,
  sessionRow,
  world,
  type World,
} from '../../test/support/fixtures.ts';
import { startSms, type SmsHarness } from '../../test/support/sms.ts';
import { usable } from '../../src/domain/channels.ts';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import type { Appointment, Client } from '../../src/domain/types.ts';
import { formatWhen } from '../../src/usecases/shared/format.ts';
import { ACK_WINDOW_MS, UNKNOWN_WINDOW_MS } from './conversation/handle.ts';

const ALICE = '+15555550101';
const STRANGER = '+15555550199';
const OFFICE = '+1 555 010 0000';
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core, { settings: { publicPhone: OFFICE } });
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

const t = (key: string, vars?: Record<string, string | number>, locale = 'en') => core.t(locale, key, vars);
const text = (body: string, from = ALICE) => sms.text(from, body);
const last = (to = ALICE) => sms.lastTo(to);
const addAppointment = async (client: Client = w.alice, over: Partial<Appointment> = {}) => {
  const a = appointmentRow(core, client, over);
  await insert(core, core.store.appointments.insert(a));
  return a;
};
const stored = async (a: Appointment) => (await core.store.appointments.get(w.scope, a.id))!;
const inbound = async (client: Client = w.alice) => (await core.store.messages.listForClient(w.scope, client.id)).filter((m) => m.direction === 'in').map((m) => m.body);
const when = (at: number, client: Client = w.alice) => formatWhen(at, client.language, client.timeZone);
const channel = async (phone = ALICE) => (await core.store.channels.findByAddress(w.scope, 'sms', phone))!;
/** A client of the agency with an SMS number, e.g. one who speaks Spanish or asked for neutral wording. */
const addClient = async (phone: string, over: Partial<Client>) => {
  const c = clientRow(core, w.agency.id, { staffId: w.staff.id, ...over });
  await insert(core, core.store.clients.insert(c), core.store.channels.insert(channelRow(core, c, { address: phone })));
  return c;
};
/** Alice's class, with one session `startsIn` from now. */
const addSession = async (startsIn: number, over: { title?: string; sensitive?: boolean } = {}, client: Client = w.alice) => {
  const series = classRow(core, w.agency.id, over);
  const session = sessionRow(core, series, { startsAt: core.clock.now() + startsIn, endsAt: core.clock.now() + startsIn + 2 * HOUR });
  await insert(core, core.store.classes.insertSeries(series), core.store.classes.insertSession(session), core.store.classes.insertEnrollment(enrollmentRow(core, series, client)));
  return { series, session };
};
const attendance = async (sessionId: string) => (await core.store.classes.sessionForClient(w.scope, w.alice.id, sessionId))!.attendance;

describe('a number we do not know', () => {
  it('gets one generic answer with the office phone, nothing more that day, and nothing it sends is kept', async () => {
    await text('Hi, this is Alice, can you call me?', STRANGER);
    expect(sms.received(STRANGER)).toEqual([t('sms.unknown', { phone: OFFICE })]);
    await text('HELP', STRANGER);
    await text('1', STRANGER);
    expect(sms.received(STRANGER)).toHaveLength(1);
    for (const c of [w.alice, w.bob]) expect(await inbound(c)).toEqual([]);
    expect(await core.store.conversations.forClient(w.scope, w.alice.id)).toBeNull();
    expect((await core.store.outbox.list(w.scope)).map((o) => [o.clientId, o.template])).toEqual([[null, 'sms.unknown']]);
    core.clock.advance(UNKNOWN_WINDOW_MS);
    await text('hello?', STRANGER);
    expect(sms.received(STRANGER)).toHaveLength(2);
  });

  it('is told to contact the office when the agency gave no phone', async () => {
    const other = await makeCore('2026-02-25T15:00:00Z');
    const ow = await world(other);
    const h = await startSms(other, ow);
    try {
      await h.text(STRANGER, 'hello');
      expect(h.received(STRANGER)).toEqual([other.t('en', 'sms.unknown_no_phone')]);
    } finally {
      await h.api.close();
    }
  });
});

describe('HELP, MENU and numbers', () => {
  it('HELP says who is texting and how to stop', async () => {
    await text('help');
    expect(last()).toBe(t('sms.help', { agency: w.agency.name }));
  });

  it('MENU lists the choices; a number picks one, and a number that is not on it is not understood', async () => {
    await text('Menu');
    expect(last()).toBe(t('sms.menu'));
    await text('3');
    expect(last()).toBe(t('sms.documents.none'));
    await text('MENU');
    await text('7');
    expect(last()).toBe(t('sms.not_understood'));
    await text('1');
    expect(last()).toBe(t('sms.appointments.none'));
  });
});

describe('appointments', () => {
  const offer = async () => {
    const a = await addAppointment();
    await text('1');
    expect(last()).toBe(t('sms.appointments.next', { when: `${when(a.startsAt)}, ${a.location}` }));
    return a;
  };

  it('1 confirms the next appointment', async () => {
    const a = await offer();
    await text('1');
    expect(last()).toBe(t('sms.appointments.confirmed'));
    expect((await stored(a)).status).toBe('confirmed');
  });

  it('YES confirms it too; NO is a message for the caseworker', async () => {
    const a = await offer();
    await text('No');
    expect(await inbound()).toEqual(['No']);
    expect((await stored(a)).status).toBe('scheduled');
    await text('Yes!');
    expect(last()).toBe(t('sms.appointments.confirmed'));
    expect((await stored(a)).status).toBe('confirmed');
  });

  it('2 offers numbered times, and a number picks one', async () => {
    const a = await offer();
    await text('2');
    const slots = [0, 1, 2].map((h) => Date.parse('2026-03-02T14:00:00Z') + h * HOUR);
    expect(last()).toBe(t('sms.appointments.choose_slot', { slots: slots.map((s, i) => `${i + 1} ${when(s)}`).join('\n') }));
    await text('2');
    expect(last()).toBe(t('sms.appointments.slot_chosen', { when: when(slots[1]!) }));
    const after = await stored(a);
    expect([after.status, after.requestedStartsAt]).toEqual(['reschedule_requested', slots[1]]);
  });

  it('2 inside the notice window says why, and that a message can ask instead', async () => {
    const a = await addAppointment(w.alice, { startsAt: core.clock.now() + 2 * HOUR });
    await text('1');
    await text('2');
    expect(sms.received(ALICE).slice(-2)).toEqual([t('errors.too_close', { noticeHours: 24, maxChanges: 2 }), t('sms.appointments.by_message')]);
    expect((await stored(a)).status).toBe('scheduled');
    await text('2');
    expect(last()).toBe(t('sms.classes.none'));
  });

  it('3 asks why, and the next text cancels with that reason without reaching the inbox as a message', async () => {
    const a = await offer();
    await text('3');
    expect(last()).toBe(t('sms.appointments.cancel_reason'));
    await text('My car broke down');
    expect(last()).toBe(t('sms.appointments.cancelled'));
    expect(await stored(a)).toMatchObject({ status: 'cancelled', cancelReason: 'My car broke down' });
    expect(await inbound()).toEqual([]);
  });
});

describe('classes', () => {
  it('2 from the menu shows the next session; 1 is "I will be there", 2 "I cannot come"', async () => {
    const { series, session } = await addSession(2 * 24 * HOUR);
    await text('MENU');
    await text('2');
    expect(last()).toBe(t('sms.classes.next', { title: series.title, when: when(session.startsAt) }));
    await text('1');
    expect(last()).toBe(t('sms.classes.going'));
    expect((await attendance(session.id))?.rsvp).toBe('yes');
    await text('2');
    await text('2');
    expect(last()).toBe(t('sms.classes.not_going'));
    expect((await attendance(session.id))?.rsvp).toBe('no');
  });

  it('a number that is not one of the two answers is not understood, and the question stays open', async () => {
    const { session } = await addSession(2 * 24 * HOUR);
    await text('2');
    await text('3');
    expect(last()).toBe(t('sms.not_understood'));
    expect(await inbound()).toEqual([]);
    await text('yes');
    expect(last()).toBe(t('sms.classes.going'));
    expect((await attendance(session.id))?.rsvp).toBe('yes');
  });

  it('a check-in code texted while the session is open checks in', async () => {
    const { session } = await addSession(-10 * MINUTE);
    await text(' k7p2q ');
    expect(last()).toBe(t('sms.classes.checked_in'));
    expect(await attendance(session.id)).toMatchObject({ checkinMethod: 'code' });
    expect((await attendance(session.id))?.checkedInAt).toBe(core.clock.now());
    expect(await inbound()).toEqual([]);
  });

  it('the same code before check-in opens, or a wrong code while it is open, is a message', async () => {
    const { session } = await addSession(3 * HOUR);
    await text('K7P2Q');
    expect(last()).toBe(t('sms.sent'));
    core.clock.advance(3 * HOUR);
    await text('K7P3Q');
    expect(await inbound()).toEqual(['K7P2Q', 'K7P3Q']);
    expect((await attendance(session.id))?.checkedInAt ?? null).toBeNull();
  });
});

describe('messages to the caseworker', () => {
  it('keeps each text in the conversation and acknowledges a burst once', async () => {
    for (const body of ['Hi Dana', 'I lost my job today', 'Can you call me?']) await text(body);
    expect(await inbound()).toEqual(['Hi Dana', 'I lost my job today', 'Can you call me?']);
    expect(sms.received(ALICE)).toEqual([t('sms.sent')]);
    core.clock.advance(ACK_WINDOW_MS);
    await text('Are you there?');
    expect(sms.received(ALICE)).toEqual([t('sms.sent'), t('sms.sent')]);
  });
});

describe('STOP and START', () => {
  it('STOP in the middle of a reschedule: the question is dropped, the confirmation sent, and nothing else after it', async () => {
    const a = await addAppointment();
    const reminder = outboxRow(core, w.alice, { toAddress: ALICE, nextAttemptAt: core.clock.now() + HOUR });
    await insert(core, core.store.outbox.insert(reminder));
    await text('1');
    await text('2');
    const before = sms.api.sent.length;
    await text('STOP');
    expect(sms.received(ALICE).slice(before)).toEqual([t('sms.stopped')]);
    expect(await core.store.states.get(w.scope, 'sms', ALICE, core.clock.now())).toBeNull();
    expect(await core.store.smsOptOuts.get(w.scope, ALICE)).toMatchObject({ source: 'keyword', optedOutAt: core.clock.now() });
    expect(usable(w.alice, await channel())).toBe(false);
    core.clock.advance(HOUR);
    await text('1');
    await sms.work();
    expect(await core.store.outbox.get(reminder.id)).toMatchObject({ status: 'cancelled', lastError: 'sms_opted_out' });
    expect(sms.api.sent.length).toBe(before + 1);
    expect((await stored(a)).status).toBe('scheduled');
    expect(await inbound()).toEqual(['1']);
    // A notice queued after the STOP, straight for the number, is given up too.
    const later = outboxRow(core, w.alice, { toAddress: ALICE });
    await insert(core, core.store.outbox.insert(later));
    await sms.work();
    expect(await core.store.outbox.get(later.id)).toMatchObject({ status: 'cancelled', lastError: 'sms_opted_out' });
    expect(sms.api.sent.length).toBe(before + 1);
  });

  it('START resumes: consent given again on the SMS channel, and texts are answered', async () => {
    await text('STOP');
    core.clock.advance(MINUTE);
    await text('start');
    expect(last()).toBe(t('sms.started'));
    expect((await core.store.smsOptOuts.get(w.scope, ALICE))?.optedInAt).toBe(core.clock.now());
    expect(usable(w.alice, await channel())).toBe(true);
    await text('HELP');
    expect(last()).toBe(t('sms.help', { agency: w.agency.name }));
  });

  it('HELP is still answered after STOP (who is texting, how to start again); other words are not', async () => {
    await text('STOP');
    await text('MENU');
    expect(last()).toBe(t('sms.stopped'));
    await text('HELP');
    expect(last()).toBe(t('sms.help', { agency: w.agency.name }));
  });

  it.each(['ALTO', 'arrêter', 'Arreter', 'STOPALL', 'opt-out'])('%s stops too', async (word) => {
    await text(word);
    expect(last()).toBe(t('sms.stopped'));
    expect(usable(w.alice, await channel())).toBe(false);
  });

  it('a provider refusal 21610 at send time opts the number out', async () => {
    sms.api.fail({ kind: 'opted_out' });
    await text('HELP');
    expect(sms.received(ALICE)).toEqual([]);
    expect(await core.store.smsOptOuts.get(w.scope, ALICE)).toMatchObject({ source: 'provider' });
    expect(usable(w.alice, await channel())).toBe(false);
    expect((await core.store.outbox.list(w.scope))[0]).toMatchObject({ status: 'dead', lastError: 'sms_opted_out' });
    await text('MENU');
    expect(sms.api.calls).toHaveLength(1);
  });
});

describe('the client’s language and wording', () => {
  it('answers a Spanish speaker in Spanish, with Spanish words and dates', async () => {
    const CARLA = '+15555550103';
    const carla = await addClient(CARLA, { displayName: 'Carla Ruiz', language: 'es' });
    const a = await addAppointment(carla);
    await text('AYUDA', CARLA);
    expect(last(CARLA)).toBe(t('sms.help', { agency: w.agency.name }, 'es'));
    await text('1', CARLA);
    expect(last(CARLA)).toBe(t('sms.appointments.next', { when: `${when(a.startsAt, carla)}, ${a.location}` }, 'es'));
    expect(last(CARLA)).toContain(formatWhen(a.startsAt, 'es', carla.timeZone));
    await text('sí', CARLA);
    expect(last(CARLA)).toBe(t('sms.appointments.confirmed', undefined, 'es'));
    await text('¡Alto!', CARLA);
    expect(last(CARLA)).toBe(t('sms.stopped', undefined, 'es'));
  });

  it('words everything neutrally for a client who asked: no agency, no place, no class title', async () => {
    const NOOR = '+15555550104';
    const noor = await addClient(NOOR, { displayName: 'Noor Haddad', neutralWording: true });
    const a = await addAppointment(noor);
    const { series, session } = await addSession(2 * 24 * HOUR, { title: 'Recovery Circle' }, noor);
    await text('HELP', NOOR);
    expect(last(NOOR)).toBe(t('sms.help_neutral'));
    await text('MENU', NOOR);
    expect(last(NOOR)).toBe(t('sms.menu_neutral'));
    await text('1', NOOR);
    expect(last(NOOR)).toBe(t('sms.appointments.next_neutral', { when: when(a.startsAt, noor) }));
    await text('1', NOOR);
    expect(last(NOOR)).toBe(t('sms.appointments.confirmed_neutral'));
    await text('2', NOOR);
    expect(last(NOOR)).toBe(t('sms.classes.next_neutral', { when: when(session.startsAt, noor) }));
    await text('MENU', NOOR);
    await text('3', NOOR);
    expect(last(NOOR)).toBe(t('sms.documents.none_neutral'));
    await text('See you then', NOOR);
    expect(last(NOOR)).toBe(t('sms.sent_neutral'));
    for (const body of sms.received(NOOR)) {
      for (const secret of [w.agency.name, a.location!, series.title, series.location!]) expect(body).not.toContain(secret);
    }
  });
});
