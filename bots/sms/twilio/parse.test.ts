import { describe, expect, it } from 'vitest';
import { parseInboundSms, parseStatusUpdate } from './parse.ts';
import { TWILIO_MESSAGE_STATUSES } from './types.ts';

const SM = 'SM' + 'a1'.repeat(16);
const MM = 'MM' + 'b2'.repeat(16);
const AC = 'AC' + 'c3'.repeat(16);
const mediaUrl = (i: number) => `https://api.twilio.com/2010-04-01/Accounts/${AC}/Messages/${MM}/Media/ME${String(i).padStart(32, '0')}`;

/** A body as Twilio sends it for an SMS, with its usual extra fields. */
const sms = (over: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    ToCountry: 'US',
    SmsMessageSid: SM,
    NumMedia: '0',
    SmsSid: SM,
    SmsStatus: 'received',
    Body: 'Sí 1',
    To: '+15005550006',
    NumSegments: '1',
    MessageSid: SM,
    AccountSid: AC,
    From: '+14155550123',
    ApiVersion: '2010-04-01',
    ...over,
  });

const mms = (n: number, over: Record<string, string> = {}) => {
  const media: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    media[`MediaUrl${i}`] = mediaUrl(i);
    media[`MediaContentType${i}`] = 'image/jpeg';
  }
  return sms({ MessageSid: MM, SmsMessageSid: MM, SmsSid: MM, NumMedia: String(n), Body: '', ...media, ...over });
};

describe('an incoming message', () => {
  it('parses an SMS, ignoring the fields it does not use', () => {
    expect(parseInboundSms(sms())).toEqual({ messageSid: SM, accountSid: AC, from: '+14155550123', to: '+15005550006', body: 'Sí 1', media: [] });
  });

  it('keeps the body as it came: spaces, new lines, emoji', () => {
    expect(parseInboundSms(sms({ Body: '  hola\nque tal 🙂 ' }))?.body).toBe('  hola\nque tal 🙂 ');
  });

  it('reads an absent Body as empty, and an absent NumMedia as no media', () => {
    const fields = sms().filter(([k]) => k !== 'Body' && k !== 'NumMedia');
    expect(parseInboundSms(fields)).toMatchObject({ body: '', media: [] });
  });

  it('parses an MMS with its media, in order, types normalised', () => {
    const parsed = parseInboundSms(mms(2, { MediaContentType1: 'Image/PNG; charset=binary' }));
    expect(parsed).toMatchObject({ messageSid: MM, body: '' });
    expect(parsed?.media).toEqual([
      { url: mediaUrl(0), contentType: 'image/jpeg' },
      { url: mediaUrl(1), contentType: 'image/png' },
    ]);
  });

  it('takes up to 10 media and refuses more', () => {
    expect(parseInboundSms(mms(10))?.media).toHaveLength(10);
    expect(parseInboundSms(mms(11))).toBeNull();
    expect(parseInboundSms(mms(0, { NumMedia: '99' }))).toBeNull();
  });

  it('reads only the media NumMedia announces', () => {
    expect(parseInboundSms(mms(2, { NumMedia: '1' }))?.media).toHaveLength(1);
  });

  it.each([
    ['a missing MediaUrl', mms(2).filter(([k]) => k !== 'MediaUrl1')],
    ['a missing MediaContentType', mms(1).filter(([k]) => k !== 'MediaContentType0')],
    ['a media URL that is not http(s)', mms(1, { MediaUrl0: 'file:///etc/passwd' })],
    ['a media URL that is not a URL', mms(1, { MediaUrl0: 'not a url' })],
    ['a content type that is not one', mms(1, { MediaContentType0: 'jpeg' })],
    ['a negative NumMedia', sms({ NumMedia: '-1' })],
    ['a fractional NumMedia', sms({ NumMedia: '1.5' })],
    ['an empty NumMedia', sms({ NumMedia: '' })],
    ['a missing MessageSid', sms().filter(([k]) => k !== 'MessageSid')],
    ['a MessageSid of the wrong shape', sms({ MessageSid: 'SM123' })],
    ['an AccountSid of the wrong shape', sms({ AccountSid: 'ACnope' })],
    ['a missing From', sms().filter(([k]) => k !== 'From')],
    ['an empty From', sms({ From: '' })],
    ['a From with spaces around it', sms({ From: ' +14155550123' })],
    ['a missing To', sms().filter(([k]) => k !== 'To')],
    ['a From given twice', [...sms(), ['From', '+19995550000']] as [string, string][]],
    ['a Body given twice', [...sms(), ['Body', 'STOP']] as [string, string][]],
    ['nothing at all', []],
  ])('is refused with %s', (_, fields) => {
    expect(parseInboundSms(fields)).toBeNull();
  });

  it('is not fooled by field names that are object keys', () => {
    expect(parseInboundSms([...sms(), ['__proto__', 'x'], ['constructor', 'y']])).toMatchObject({ messageSid: SM });
  });
});

describe('a status callback', () => {
  const status = (over: Record<string, string> = {}): [string, string][] =>
    Object.entries({ SmsSid: SM, SmsStatus: 'delivered', MessageStatus: 'delivered', To: '+14155550123', MessageSid: SM, AccountSid: AC, From: '+15005550006', ApiVersion: '2010-04-01', ...over });

  it('parses the status and no error', () => {
    expect(parseStatusUpdate(status())).toEqual({ messageSid: SM, status: 'delivered', errorCode: null });
  });

  it('keeps the error code of a failure', () => {
    expect(parseStatusUpdate(status({ MessageStatus: 'undelivered', ErrorCode: '30003' }))).toEqual({ messageSid: SM, status: 'undelivered', errorCode: '30003' });
    expect(parseStatusUpdate(status({ ErrorCode: '' }))?.errorCode).toBeNull();
  });

  it.each(TWILIO_MESSAGE_STATUSES)('knows %s', (s) => {
    expect(parseStatusUpdate(status({ MessageStatus: s }))?.status).toBe(s);
  });

  it.each([
    ['an unknown status', status({ MessageStatus: 'lost' })],
    ['a missing status', status().filter(([k]) => k !== 'MessageStatus')],
    ['a status given twice', [...status(), ['MessageStatus', 'failed']] as [string, string][]],
    ['a bad MessageSid', status({ MessageSid: 'SMxyz' })],
    ['a non-numeric error code', status({ ErrorCode: 'oops' })],
  ])('is refused with %s', (_, fields) => {
    expect(parseStatusUpdate(fields)).toBeNull();
  });
});
