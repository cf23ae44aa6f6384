import { describe, expect, it } from 'vitest';
import { busyIntervals, canCancel, canConfirm, rescheduleRefusal } from './appointment-rules.ts';
import { checkinRefusal, codesMatch } from './checkin.ts';
import { pickDeliveryChannel, usable } from './channels.ts';
import { detectFileType } from './file-type.ts';
import { resolveLocale } from './locale.ts';
import { toE164 } from './phone.ts';
import { parseAgencySettings } from './settings.ts';
import type { Appointment, Client, ClientChannel } from './types.ts';

const H = 3_600_000;
const appt = (over: Partial<Appointment> = {}): Appointment => ({
  id: 'a1', agencyId: 'ag', clientId: 'c', staffId: 's', providerId: null, externalRef: null, kind: 'k',
  startsAt: 100 * H, durationMinutes: 60, location: null, videoUrl: null, whatToBring: null, status: 'scheduled',
  statusBeforeRequest: null, requestedStartsAt: null, rescheduleCount: 0, cancelReason: null, confirmedAt: null,
  sensitive: false, version: 1, createdAt: 0, updatedAt: 0, ...over,
});
const settings = parseAgencySettings('{}');

describe('appointment rules', () => {
  it('refuses reschedules by status, provider, notice and count', () => {
    expect(rescheduleRefusal(appt(), 76 * H, settings)).toBeNull();
    expect(rescheduleRefusal(appt(), 76 * H + 1, settings)).toBe('too_close');
    expect(rescheduleRefusal(appt({ status: 'cancelled' }), 0, settings)).toBe('not_reschedulable');
    expect(rescheduleRefusal(appt({ status: 'reschedule_requested' }), 0, settings)).toBe('already_requested');
    expect(rescheduleRefusal(appt({ staffId: null, providerId: 'p' }), 0, settings)).toBe('provider_appointment');
    expect(rescheduleRefusal(appt({ rescheduleCount: 2 }), 0, settings)).toBe('too_many_changes');
  });

  it('confirms and cancels only open appointments', () => {
    expect(canConfirm(appt(), 0)).toBe(true);
    expect(canConfirm(appt(), 101 * H)).toBe(false);
    expect(canConfirm(appt({ status: 'attended' }), 0)).toBe(false);
    expect(canCancel(appt({ status: 'missed' }), 0)).toBe(false);
  });

  it('holds both times of a pending request and ignores cancelled ones', () => {
    const list = [appt({ status: 'reschedule_requested', requestedStartsAt: 200 * H }), appt({ id: 'a2', status: 'cancelled' })];
    expect(busyIntervals(list)).toEqual([
      { start: 100 * H, end: 101 * H },
      { start: 200 * H, end: 201 * H },
    ]);
  });
});

describe('check-in', () => {
  const session = { id: 's', agencyId: 'a', classId: 'c', startsAt: 10 * H, endsAt: 12 * H, location: null, checkinCode: 'K7P2Q' };
  it('opens 30 minutes before and closes at the end, boundaries included', () => {
    expect(checkinRefusal(session, 10 * H - 30 * 60_000, 30)).toBeNull();
    expect(checkinRefusal(session, 10 * H - 30 * 60_000 - 1, 30)).toBe('too_early');
    expect(checkinRefusal(session, 12 * H, 30)).toBeNull();
    expect(checkinRefusal(session, 12 * H + 1, 30)).toBe('too_late');
  });
  it('compares codes the way people type them', () => {
    expect(codesMatch(' k7p-2q ', 'K7P2Q')).toBe(true);
    expect(codesMatch('K7P2', 'K7P2Q')).toBe(false);
    expect(codesMatch('', '')).toBe(false);
  });
});

describe('file types from bytes', () => {
  const b = (...xs: (number | string)[]) =>
    new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((ch) => ch.charCodeAt(0)) : [x])));
  it('knows PDF, JPEG, PNG, WebP and HEIC, and nothing else', () => {
    expect(detectFileType(b('%PDF-1.7'))).toBe('application/pdf');
    expect(detectFileType(b(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectFileType(b(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectFileType(b('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
    expect(detectFileType(b(0, 0, 0, 0x18, 'ftypheic'))).toBe('image/heic');
    expect(detectFileType(b('<html><script>'))).toBeNull();
    expect(detectFileType(b('GIF89a'))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});

describe('delivery channel', () => {
  const client = { id: 'c', agencyId: 'a', preferredChannel: 'sms', safeChannels: null } as Client;
  const ch = (kind: ClientChannel['kind'], over: Partial<ClientChannel> = {}): ClientChannel => ({
    id: kind, agencyId: 'a', clientId: 'c', kind, address: `${kind}-addr`, verified: true, consentGivenAt: 1, consentWithdrawnAt: null, ...over,
  });
  it('prefers the client choice, then Telegram, never an unverified, withdrawn or unsafe channel', () => {
    expect(pickDeliveryChannel(client, [ch('telegram'), ch('sms')])?.kind).toBe('sms');
    expect(pickDeliveryChannel({ ...client, preferredChannel: null }, [ch('sms'), ch('telegram')])?.kind).toBe('telegram');
    expect(pickDeliveryChannel(client, [ch('sms', { verified: false })])).toBeNull();
    expect(pickDeliveryChannel(client, [ch('sms', { consentWithdrawnAt: 5 })])).toBeNull();
    expect(usable(client, ch('sms', { consentGivenAt: 9, consentWithdrawnAt: 5 }))).toBe(true);
    expect(pickDeliveryChannel({ ...client, safeChannels: '["telegram"]' }, [ch('sms')])).toBeNull();
    expect(pickDeliveryChannel(client, [ch('portal')])).toBeNull();
  });
});

describe('phones, locales and settings', () => {
  it('normalises phone numbers to E.164', () => {
    expect(toE164('(555) 555-0101')).toBe('+15555550101');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('12')).toBeNull();
    expect(toE164('')).toBeNull();
  });
  it('resolves language tags to supported locales', () => {
    expect(resolveLocale('es-MX')).toBe('es');
    expect(resolveLocale('zh-TW')).toBe('zh-Hans');
    expect(resolveLocale('AR')).toBe('ar');
    expect(resolveLocale('fr')).toBe('en');
  });
  it('fills agency settings with defaults and survives bad JSON', () => {
    expect(parseAgencySettings('{"rescheduleMinNoticeHours": 48}').rescheduleMinNoticeHours).toBe(48);
    expect(parseAgencySettings('not json').rescheduleMaxChanges).toBe(2);
    expect(parseAgencySettings('{"rescheduleMaxChanges": -1}').rescheduleMaxChanges).toBe(2);
  });
});

describe('neutral wording', () => {
  it('is required when the client asks, when the client is sensitive, or when the record is', async () => {
    const { mustBeNeutral } = await import('./wording.ts');
    expect(mustBeNeutral({ neutralWording: false, sensitive: false })).toBe(false);
    expect(mustBeNeutral({ neutralWording: true, sensitive: false })).toBe(true);
    expect(mustBeNeutral({ neutralWording: false, sensitive: true })).toBe(true);
    expect(mustBeNeutral({ neutralWording: false, sensitive: false }, true)).toBe(true);
  });
});
