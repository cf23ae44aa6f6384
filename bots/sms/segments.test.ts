// Every text the SMS bot, the notices and the reminders send fits in two SMS segments, in every locale, with
// realistic values in its placeholders. A third segment costs the agency money and arrives split
// on some phones; a text that needs one should be rewritten, not cut.
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json' with { type: 'json' };
import { countSms } from '../../src/domain/sms-segments.ts';
import { LOCALES } from '../../src/domain/types.ts';
import { createTranslator } from '../../src/i18n/translator.ts';

const t = createTranslator();

/** Values as long as real ones get (a date with a place, a class title, a list of two documents…). */
const SAMPLE: Record<string, string | number> = {
  when: 'Tue, Mar 3, 10:00 AM, 120 Main St',
  title: 'Parenting Skills, Week 3',
  agency: 'Riverside Family Services',
  list: 'Proof of address, Pay slip (March)',
  slots: ['1 Tue, Mar 3, 10:00 AM', '2 Wed, Mar 4, 2:30 PM', '3 Thu, Mar 5, 9:00 AM'].join('\n'),
  url: 'https://casebridge.example.org',
  phone: '+1 555 555 0100',
  count: 3,
  n: 3,
  kind: 'Proof of address',
  due: 'Mar 10',
  reason: 'The photo is blurry, please retake it',
  code: '483920',
  minutes: 10,
  name: 'Dana',
  link: 'https://casebridge.example.org/i/Xk3pQ9wLm2',
  telegram: 'https://t.me/CasebridgeBot?start=Xk3pQ9wLm2Ab',
  place: '120 Main St, Room 3',
  where: ', 120 Main St, Room 3',
};

/** Texts made of someone's own words (a caseworker's reply) are as long as that person made them. */
const FREE_TEXT = new Set(['notify.staff_reply', 'notify.staff_reply_neutral']);

const keysOf = (obj: object, prefix: string): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}.${k}`] : keysOf(v as object, `${prefix}.${k}`)));

/** Reminders have their own texts for Telegram (with buttons); every other one may go by SMS. */
const telegramOnly = (key: string) => /\.telegram(_neutral)?$/.test(key);

const KEYS = [...keysOf(en.sms, 'sms'), ...keysOf(en.notify, 'notify'), ...keysOf(en.reminder, 'reminder').filter((k) => !telegramOnly(k))].filter(
  (k) => !FREE_TEXT.has(k),
);

describe('SMS texts fit in two segments', () => {
  it('covers the bot, the notices and the reminders', () => {
    expect(KEYS).toContain('sms.menu');
    expect(KEYS).toContain('sms.appointments.choose_slot');
    expect(KEYS).toContain('notify.reschedule_approved');
    expect(KEYS).toContain('reminder.appointment.sms');
    expect(KEYS).toContain('reminder.document.overdue.sms_neutral');
    expect(KEYS).not.toContain('reminder.session.telegram');
  });

  it.each(LOCALES)('in %s', (locale) => {
    const over = KEYS.map((key) => ({ key, text: t(locale, key, SAMPLE) }))
      .map((r) => ({ ...r, ...countSms(r.text) }))
      .filter((r) => r.segments > 2)
      .map((r) => `${r.key}: ${r.segments} segments (${r.encoding}, ${r.units} units)`);
    expect(over).toEqual([]);
  });
});
