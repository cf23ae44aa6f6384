import { describe, expect, it } from 'vitest';
import { decideOutbound, kindOfTemplate, MESSAGE_KINDS, type MessageKind, type PolicyClient } from './outbound-policy.ts';

const client = (over: Partial<PolicyClient> = {}): PolicyClient => ({
  neutralWording: false,
  sensitive: false,
  pausedAt: null,
  safeChannels: null,
  contactWindowStart: null,
  contactWindowEnd: null,
  timeZone: 'America/New_York',
  ...over,
});
const settings = { quietHoursStart: 21 * 60, quietHoursEnd: 8 * 60 };
const DAY = Date.parse('2026-03-02T15:00:00Z'); // 10:00 in New York
const NIGHT = Date.parse('2026-03-03T03:00:00Z'); // 22:00
const MORNING = Date.parse('2026-03-03T13:00:00Z'); // 08:00
const decide = (kind: MessageKind, c: PolicyClient, now = DAY, channel: 'sms' | 'telegram' = 'sms') => decideOutbound({ kind, channel, client: c, settings, now });

describe('the outbound policy', () => {
  it('never uses a channel the client marked unsafe, for anything, crisis help included', () => {
    for (const kind of MESSAGE_KINDS) {
      expect(decide(kind, client({ safeChannels: '["telegram"]' }))).toEqual({ send: false, reason: 'unsafe_channel' });
      expect(decide(kind, client({ safeChannels: '["telegram"]' }), DAY, 'telegram')).toMatchObject({ send: true });
    }
  });

  it('lets only crisis help, the pause confirmation, sign-in codes and carrier answers through a pause', () => {
    const paused = client({ pausedAt: DAY - 1000 });
    const through = MESSAGE_KINDS.filter((k) => decide(k, paused).send);
    expect(through.sort()).toEqual(['auth', 'compliance', 'crisis', 'pause_ack']);
    for (const k of MESSAGE_KINDS.filter((k) => !through.includes(k))) expect(decide(k, paused)).toEqual({ send: false, reason: 'paused' });
  });

  it('holds what we start until the morning, but answers and crisis help go at once', () => {
    expect(decide('reminder', client(), NIGHT)).toEqual({ send: true, neutral: false, notBefore: MORNING });
    expect(decide('notice', client(), NIGHT)).toMatchObject({ notBefore: MORNING });
    expect(decide('reply', client(), NIGHT)).toMatchObject({ notBefore: MORNING });
    for (const k of ['crisis', 'answer', 'compliance', 'pause_ack', 'auth'] as const) expect(decide(k, client(), NIGHT)).toMatchObject({ send: true, notBefore: NIGHT });
  });

  it('refuses what can never be delivered: a contact window wholly in the quiet hours', () => {
    expect(decide('reminder', client({ contactWindowStart: 22 * 60, contactWindowEnd: 23 * 60 }))).toEqual({ send: false, reason: 'no_contact_time' });
  });

  it('words it neutrally for a client who asked, a sensitive client, or a sensitive record', () => {
    expect(decide('notice', client({ neutralWording: true }))).toMatchObject({ neutral: true });
    expect(decide('notice', client({ sensitive: true }))).toMatchObject({ neutral: true });
    expect(decideOutbound({ kind: 'notice', channel: 'sms', client: client(), settings, now: DAY, recordSensitive: true })).toMatchObject({ neutral: true });
    expect(decide('notice', client())).toMatchObject({ neutral: false });
  });

  it('knows each message by its template', () => {
    expect(kindOfTemplate('crisis.resources')).toBe('crisis');
    expect(kindOfTemplate('sms.stopped')).toBe('compliance');
    expect(kindOfTemplate('sms.help_neutral')).toBe('compliance');
    expect(kindOfTemplate('safety.paused_neutral')).toBe('pause_ack');
    expect(kindOfTemplate('notify.signin_code')).toBe('auth');
    expect(kindOfTemplate('reminder.appointment_sms')).toBe('reminder');
    expect(kindOfTemplate('followup.missed')).toBe('reminder');
    expect(kindOfTemplate('notify.staff_reply')).toBe('reply');
    expect(kindOfTemplate('notify.scheduled_message_neutral')).toBe('reply');
    expect(kindOfTemplate('notify.reschedule_approved')).toBe('notice');
    expect(kindOfTemplate('sms.menu')).toBe('answer');
    expect(kindOfTemplate('telegram.reply')).toBe('answer');
    // unknown: the strictest rules a non-crisis message has
    expect(kindOfTemplate('something.new')).toBe('notice');
  });
});
