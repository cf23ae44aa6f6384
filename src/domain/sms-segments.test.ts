import { describe, expect, it } from 'vitest';
import { countSms, GSM7_BASIC, GSM7_EXTENSION, SMS_MAX_CHARS, smsEncoding } from './sms-segments.ts';

const a = (n: number) => 'a'.repeat(n);
const ya = (n: number) => 'я'.repeat(n);

describe('the GSM-7 alphabet', () => {
  it('has the 127 characters of the 03.38 default table (ESC aside) and the 10 of the extension table', () => {
    expect([...GSM7_BASIC]).toHaveLength(127);
    expect(new Set(GSM7_BASIC).size).toBe(127);
    expect([...GSM7_EXTENSION]).toHaveLength(10);
  });

  it('takes é, ñ, ü, à, ß, Ç, ¿, ¡ and the Greek capitals, but not á, í, ó, ú, ç, ô or a tab', () => {
    for (const ch of ['é', 'ñ', 'ü', 'à', 'ß', 'Ç', '¿', '¡', 'Δ', 'Ω', 'É', 'Ñ', '€', '\f']) expect(smsEncoding(ch)).toBe('gsm7');
    for (const ch of ['á', 'í', 'ó', 'ú', 'ç', 'ô', 'Á', '\t', '`', 'ω', '’', '“']) expect(smsEncoding(ch)).toBe('ucs2');
  });
});

describe('encoding and segments of real texts', () => {
  it.each([
    ['Spanish with ñ, é, ¿ only', 'Mañana a las 10:00 con el señor Muñoz. ¿Confirma? Responda 1 para SI, 2 para cambiar.', 'gsm7'],
    ['Spanish with í', 'Responda 1 para sí.', 'ucs2'],
    ['Spanish with á', 'Su cita está confirmada.', 'ucs2'],
    ['French with é and à', 'Rendez-vous confirmé à 10h. Répondez 1.', 'gsm7'],
    ['French with ê', 'Êtes-vous disponible ?', 'ucs2'],
    ['German', 'Grüße! Bitte antworten Sie mit JA.', 'gsm7'],
    ['Chinese', '您有一条新消息。回复 MENU。', 'ucs2'],
    ['Arabic', 'لديك رسالة جديدة. أرسل نعم للتأكيد.', 'ucs2'],
    ['Russian', 'У вас новое сообщение. Ответьте 1.', 'ucs2'],
    ['Korean', '새 메시지가 있습니다. 1을 보내세요.', 'ucs2'],
    ['Vietnamese', 'Bạn có tin nhắn mới. Trả lời CÓ.', 'ucs2'],
    ['an emoji', 'See you soon 🙂', 'ucs2'],
  ] as const)('%s is %s', (_, text, encoding) => {
    const count = countSms(text);
    expect(count.encoding).toBe(encoding);
    expect(count.segments).toBe(1);
  });

  it('counts UTF-16 code units in UCS-2: an emoji outside the BMP is two', () => {
    expect(countSms('🙂')).toEqual({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(countSms('한국어')).toEqual({ encoding: 'ucs2', units: 3, segments: 1 });
  });

  it('counts an extension character as two septets', () => {
    expect(countSms('Total: 5€ [a]')).toEqual({ encoding: 'gsm7', units: 16, segments: 1 });
    expect(countSms('{}')).toEqual({ encoding: 'gsm7', units: 4, segments: 1 });
  });

  it('gives an empty text no segment', () => {
    expect(countSms('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0 });
  });

  it('splits a long Spanish reminder into 153-septet segments', () => {
    const text = 'Recordatorio: mañana tiene una cita con su trabajador social a las 10:00. '.repeat(5);
    expect(text.length).toBe(370);
    expect(countSms(text)).toEqual({ encoding: 'gsm7', units: 370, segments: 3 });
  });

  it('splits a long Russian text into 67-unit segments', () => {
    const text = 'Напоминание: завтра у вас встреча в 10:00. '.repeat(4);
    expect(countSms(text)).toEqual({ encoding: 'ucs2', units: 172, segments: 3 });
  });
});

describe('segment boundaries', () => {
  it.each([
    [a(160), 160, 1],
    [a(161), 161, 2],
    [a(153 * 2), 306, 2],
    [a(153 * 2 + 1), 307, 3],
    [a(158) + '€', 160, 1],
    [a(159) + '€', 161, 2],
  ])('GSM-7: %#', (text, units, segments) => {
    expect(countSms(text)).toEqual({ encoding: 'gsm7', units, segments });
  });

  it.each([
    [ya(70), 70, 1],
    [ya(71), 71, 2],
    [ya(67 * 2), 134, 2],
    [ya(67 * 2 + 1), 135, 3],
    [ya(68) + '🙂', 70, 1],
    [ya(69) + '🙂', 71, 2],
  ])('UCS-2: %#', (text, units, segments) => {
    expect(countSms(text)).toEqual({ encoding: 'ucs2', units, segments });
  });

  it('never splits an extension character: one that would straddle moves to the next segment', () => {
    // 152 + 2 + 152 = 306 septets would fit 2 × 153, but the € cannot start at septet 153.
    expect(countSms(a(152) + '€' + a(152))).toEqual({ encoding: 'gsm7', units: 306, segments: 3 });
    // Placed on a boundary it fits exactly.
    expect(countSms(a(151) + '€' + a(153))).toEqual({ encoding: 'gsm7', units: 306, segments: 2 });
  });

  it('never splits a surrogate pair: an emoji that would straddle moves to the next segment', () => {
    expect(countSms(ya(66) + '🙂' + ya(66))).toEqual({ encoding: 'ucs2', units: 134, segments: 3 });
    expect(countSms(ya(65) + '🙂' + ya(67))).toEqual({ encoding: 'ucs2', units: 134, segments: 2 });
  });

  it('one non-GSM character turns the whole text into UCS-2', () => {
    expect(countSms(a(100))).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(countSms(a(99) + 'á')).toEqual({ encoding: 'ucs2', units: 100, segments: 2 });
  });

  it("states Twilio's 1,600-character Body limit", () => {
    expect(SMS_MAX_CHARS).toBe(1600);
    expect(countSms(a(SMS_MAX_CHARS)).segments).toBe(11);
  });
});
