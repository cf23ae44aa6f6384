// The client's rules applied to reminders: quiet hours and contact window, daylight saving,
// language, neutral wording, pause, channels, and the options each channel offers.
import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { appointmentRow, channelRow, clientRow, insert, world, type World } from '../../../../test/support/fixtures.ts';
import { floorMinute } from '../../../domain/quiet-hours.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { DAY, HOUR, MINUTE } from '../../../domain/time.ts';
import type { Appointment, Client, ClientChannel } from '../../../domain/types.ts';
import { formatWhen } from '../../shared/format.ts';
import { runAppointmentReminders } from './appointment-reminders.ts';
import { deliverAll } from '../../../../test/support/deliver.ts';

const setUp = async (start: string, settings: object = {}) => {
  const core = await makeCore(start);
  const w = await world(core, { settings });
  const tick = (at: string | number) => {
    core.clock.set(at);
    return runAppointmentReminders(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: floorMinute(core.clock.now()) });
  };
  const appointment = async (client: Client, startsAt: number | string, over: Partial<Appointment> = {}) => {
    const a = appointmentRow(core, client, { startsAt: typeof startsAt === 'string' ? Date.parse(startsAt) : startsAt, ...over });
    await insert(core, core.store.appointments.insert(a));
    return a;
  };
  const client = async (over: Partial<Client>, channels: Partial<ClientChannel>[] = [{}]) => {
    const c = clientRow(core, w.agency.id, { staffId: w.staff.id, ...over });
    await insert(core, core.store.clients.insert(c), ...channels.map((ch) => core.store.channels.insert(channelRow(core, c, ch))));
    return c;
  };
  const outbox = async (clientId: string) => (await core.store.outbox.list(w.scope)).filter((r) => r.clientId === clientId);
  const records = (clientId: string) => core.store.reminders.listForClient(w.scope, clientId);
  return { core, w, tick, appointment, client, outbox, records };
};

type Env = Awaited<ReturnType<typeof setUp>>;
const sentAt = async (env: Env, client: Client) =>
  (await env.records(client.id))
    .filter((r) => r.status === 'queued')
    .map((r) => new Date(r.sendAt).toISOString())
    .sort();

describe('quiet hours and contact window', () => {
  it('moves a 2 h reminder of a 09:00 appointment from 07:00 to 08:00', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    await env.appointment(env.w.alice, '2026-03-03T14:00:00Z'); // Tuesday 09:00 EST
    expect(await env.tick('2026-03-03T12:00:00Z')).toBe(1); // the day-before one, long passed: skipped
    expect(await env.tick('2026-03-03T12:59:00Z')).toBe(0);
    expect(await env.tick('2026-03-03T13:00:00Z')).toBe(1);
    expect(await sentAt(env, env.w.alice)).toEqual(['2026-03-03T13:00:00.000Z']);
    expect((await env.records(env.w.alice.id)).find((r) => r.offsetKey.startsWith('m120'))).toMatchObject({ dueAt: Date.parse('2026-03-03T12:00:00Z') });
  });

  it('skips a reminder whose next allowed minute is not before the appointment', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    await env.appointment(env.w.alice, '2026-03-03T12:30:00Z'); // 07:30 EST: 05:30 is quiet, 08:00 too late
    expect(await env.tick('2026-03-02T12:30:00Z')).toBe(0);
    await env.tick('2026-03-03T10:30:00Z');
    expect((await env.records(env.w.alice.id)).find((r) => r.offsetKey.startsWith('m120'))).toMatchObject({ status: 'skipped', reason: 'quiet_hours' });
    expect(await env.outbox(env.w.alice.id)).toEqual([]);
  });

  it("waits for the client's contact window", async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const noonish = await env.client({ contactWindowStart: 12 * 60, contactWindowEnd: 14 * 60 });
    await env.appointment(noonish, '2026-03-03T20:00:00Z'); // Tuesday 15:00 EST
    expect(await env.tick('2026-03-02T20:00:00Z')).toBe(0); // 15:00 the day before: outside 12–14
    expect(await env.tick('2026-03-03T17:00:00Z')).toBe(1); // noon Tuesday
    expect(await env.tick('2026-03-03T18:00:00Z')).toBe(1); // 13:00, the 2 h one, inside
    expect(await sentAt(env, noonish)).toEqual(['2026-03-03T17:00:00.000Z', '2026-03-03T18:00:00.000Z']);
  });
});

describe('daylight saving in New York', () => {
  const dayBefore = { reminderOffsetsMinutes: [1440] };

  it('spring forward: the day before a Sunday 10:00 is Saturday 10:00 EST, 23 hours earlier', async () => {
    const env = await setUp('2026-03-06T15:00:00Z', dayBefore);
    await env.appointment(env.w.alice, '2026-03-08T14:00:00Z');
    expect(await env.tick('2026-03-07T14:00:00Z')).toBe(0); // 24 real hours before: 09:00 on the clock
    expect(await env.tick('2026-03-07T15:00:00Z')).toBe(1);
    await env.appointment(env.w.alice, '2026-03-09T14:00:00Z'); // Monday 10:00, the day after the change
    expect(await env.tick('2026-03-08T13:59:00Z')).toBe(0);
    expect(await env.tick('2026-03-08T14:00:00Z')).toBe(1);
  });

  it('fall back: the day before a Sunday 10:00 EST is Saturday 10:00 EDT, 25 hours earlier', async () => {
    const env = await setUp('2026-10-30T15:00:00Z', dayBefore);
    await env.appointment(env.w.alice, '2026-11-01T15:00:00Z');
    expect(await env.tick('2026-10-31T14:00:00Z')).toBe(1);
    await env.appointment(env.w.alice, '2026-11-02T15:00:00Z');
    expect(await env.tick('2026-11-01T14:00:00Z')).toBe(0);
    expect(await env.tick('2026-11-01T15:00:00Z')).toBe(1);
    expect(await sentAt(env, env.w.alice)).toEqual(['2026-10-31T14:00:00.000Z', '2026-11-01T15:00:00.000Z']);
  });

  it('the 01:30 that happens twice: each reminder leaves once, ticking through both', async () => {
    const env = await setUp('2026-10-31T12:00:00Z', { quietHoursStart: 0, quietHoursEnd: 0, reminderOffsetsMinutes: [120, 1440] });
    await env.appointment(env.w.alice, '2026-11-01T08:30:00Z'); // 03:30 EST: 2 h before is the second 01:30
    await env.appointment(env.w.alice, '2026-11-02T06:30:00Z'); // Monday 01:30: the day before is the first 01:30
    for (let at = Date.parse('2026-11-01T05:00:00Z'); at <= Date.parse('2026-11-01T07:00:00Z'); at += 5 * MINUTE) await env.tick(at);
    expect(await sentAt(env, env.w.alice)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(await env.outbox(env.w.alice.id)).toHaveLength(2);
  });
});

describe('words and options', () => {
  const DAY_BEFORE = Date.parse('2026-03-02T15:00:00Z');
  const START = DAY_BEFORE + DAY;

  it("is written in the client's language, with the date as they read it", async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const a = await env.appointment(env.w.bob, START);
    await env.tick(DAY_BEFORE);
    const [row] = await env.outbox(env.w.bob.id);
    const when = formatWhen(a.startsAt, 'vi', env.w.bob.timeZone);
    expect(when).not.toBe(formatWhen(a.startsAt, 'en', env.w.bob.timeZone));
    expect(row!.text).toBe(env.core.t('vi', 'reminder.appointment.sms', { when, where: env.core.t('vi', 'reminder.where', { place: a.location! }) }));
  });

  it('names nothing for a client who asked for neutral wording, or for a sensitive appointment', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const quiet = await env.client({ neutralWording: true });
    await env.appointment(quiet, START);
    await env.appointment(env.w.alice, START, { sensitive: true, kind: 'Probation check-in', location: 'County Court' });
    await env.tick(DAY_BEFORE);
    for (const row of [...(await env.outbox(quiet.id)), ...(await env.outbox(env.w.alice.id))]) {
      expect(row.template).toBe('reminder.appointment.sms_neutral');
      expect(row.text).toMatch(/^Reminder: you have something on .+\nReply 1 to confirm, 2 for a new time, 3 to cancel\.$/);
      expect(row.text).not.toMatch(/appointment|Main St|Court|Probation|Riverside/i);
    }
  });

  it('opens the SMS question its numbers answer', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const a = await env.appointment(env.w.alice, START);
    await env.tick(DAY_BEFORE);
    // opened once the text is sent: a reminder held back does not change what "1" answers meanwhile
    expect(await env.core.store.states.get(env.w.scope, 'sms', env.w.aliceSms.address, DAY_BEFORE + HOUR)).toBeNull();
    await deliverAll(env.core, DAY_BEFORE);
    const q = await env.core.store.states.get(env.w.scope, 'sms', env.w.aliceSms.address, DAY_BEFORE + HOUR);
    expect(q).toMatchObject({ clientId: env.w.alice.id, kind: 'appointment' });
    expect(JSON.parse(q!.data)).toEqual({ appointmentId: a.id });
  });

  it('offers Telegram buttons in the payload: confirm (unless confirmed), a new time, cancel', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const tg = await env.client({ preferredChannel: 'telegram' }, [{ kind: 'telegram', address: '4242' }, { kind: 'sms', address: '+15555550142' }]);
    const a = await env.appointment(tg, START);
    const b = await env.appointment(tg, START + HOUR, { status: 'confirmed', confirmedAt: DAY_BEFORE });
    await env.tick(DAY_BEFORE);
    const [first] = await env.outbox(tg.id);
    expect([first!.channel, first!.toAddress, first!.template]).toEqual(['telegram', '4242', 'reminder.appointment.telegram']);
    expect(first!.text).not.toContain('Reply 1');
    expect(JSON.parse(first!.payload)).toMatchObject({
      kind: 'appointment',
      appointmentId: a.id,
      actions: [
        { kind: 'confirm', appointmentId: a.id, label: 'Confirm' },
        { kind: 'reschedule', appointmentId: a.id, label: 'Change time' },
        { kind: 'cancel', appointmentId: a.id, label: 'Cancel' },
      ],
    });
    await env.tick(DAY_BEFORE + HOUR);
    const second = (await env.outbox(tg.id)).find((r) => r.idempotencyKey.includes(b.id))!;
    expect(JSON.parse(second.payload).actions).toEqual([
      { kind: 'reschedule', appointmentId: b.id, label: 'Change time' },
      { kind: 'cancel', appointmentId: b.id, label: 'Cancel' },
    ]);
    // Buttons answer in Telegram: no SMS question is opened.
    await deliverAll(env.core, DAY_BEFORE + HOUR);
    expect(await env.core.store.states.get(env.w.scope, 'sms', '+15555550142', DAY_BEFORE + HOUR)).toBeNull();
  });

  it('records a paused client and a client with no push channel as skipped, and queues nothing', async () => {
    const env = await setUp('2026-03-02T15:00:00Z');
    const paused = await env.client({ pausedAt: DAY_BEFORE - DAY, pausedBy: 'client:sms' });
    const portalOnly = await env.client({ preferredChannel: 'portal' }, [{ kind: 'portal' }]);
    const unsafe = await env.client({ safeChannels: JSON.stringify(['portal']) });
    for (const c of [paused, portalOnly, unsafe]) await env.appointment(c, START);
    expect(await env.tick(DAY_BEFORE)).toBe(3);
    expect(await env.records(paused.id)).toMatchObject([{ status: 'skipped', reason: 'paused', channel: 'sms', outboxId: null }]);
    expect(await env.records(portalOnly.id)).toMatchObject([{ status: 'skipped', reason: 'no_channel', channel: 'none' }]);
    expect(await env.records(unsafe.id)).toMatchObject([{ status: 'skipped', reason: 'no_channel', channel: 'none' }]);
    for (const c of [paused, portalOnly, unsafe]) expect(await env.outbox(c.id)).toEqual([]);
    expect(await env.tick(DAY_BEFORE + MINUTE)).toBe(0);
  });
});
