import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackRequest, type SlackRequestToVerify } from './verify.ts';

// The worked example of Slack's "Verifying requests from Slack" page: a slash command's form body.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
  '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
  '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
  '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT = Number(TIMESTAMP) * 1000;

const verify = (over: Partial<SlackRequestToVerify> = {}) =>
  verifySlackRequest({ signingSecret: SECRET, rawBody: BODY, timestampHeader: TIMESTAMP, signatureHeader: SIGNATURE, now: AT, ...over });

describe("Slack's request signature", () => {
  it("reproduces the documented example's signature", async () => {
    expect(await slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(await slackSignature(SECRET, Number(TIMESTAMP), BODY)).toBe(SIGNATURE);
    expect(await verify()).toEqual({ ok: true });
  });

  it('signs the raw bytes: a body given as bytes is the same body', async () => {
    expect(await verify({ rawBody: new TextEncoder().encode(BODY) })).toEqual({ ok: true });
    const json = '{"type":"event_callback","event":{"text":"¿Mañana? 🙂"}}';
    const sig = await slackSignature('s3cret', TIMESTAMP, json);
    expect(sig).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(await verify({ signingSecret: 's3cret', rawBody: new TextEncoder().encode(json), signatureHeader: sig })).toEqual({ ok: true });
  });

  it('refuses a changed body, however small the change', async () => {
    expect(await verify({ rawBody: BODY.replace('text=', 'text=hi') })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ rawBody: `${BODY}&x=1` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ rawBody: decodeURIComponent(BODY) })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ rawBody: '' })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a changed timestamp with the old signature, even inside the window', async () => {
    const later = String(Number(TIMESTAMP) + 1);
    expect(await verify({ timestampHeader: later })).toEqual({ ok: false, reason: 'bad_signature' });
    const resigned = await slackSignature(SECRET, later, BODY);
    expect(await verify({ timestampHeader: later, signatureHeader: resigned })).toEqual({ ok: true });
  });

  it('refuses another secret, another version and a malformed signature', async () => {
    expect(await verify({ signingSecret: 'another-secret' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ signatureHeader: SIGNATURE.replace('v0=', 'v1=') })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ signatureHeader: SIGNATURE.toUpperCase() })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ signatureHeader: SIGNATURE.slice(0, -1) })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ signatureHeader: SIGNATURE.slice(3) })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ signatureHeader: 'v0=王' })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses everything when no signing secret is configured', async () => {
    expect(await verify({ signingSecret: '' })).toEqual({ ok: false, reason: 'bad_signature' });
    await expect(slackSignature('', TIMESTAMP, BODY)).rejects.toThrow(/empty signing secret/);
  });
});

describe('the timestamp window', () => {
  it('accepts up to five minutes either way, to the second', async () => {
    expect(await verify({ now: AT + 300_000 })).toEqual({ ok: true });
    expect(await verify({ now: AT + 300_999 })).toEqual({ ok: true });
    expect(await verify({ now: AT - 300_000 })).toEqual({ ok: true });
  });

  it('refuses a request more than five minutes old as stale', async () => {
    expect(await verify({ now: AT + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(await verify({ now: AT + 86_400_000 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a request more than five minutes ahead as from the future', async () => {
    expect(await verify({ now: AT - 301_000 })).toEqual({ ok: false, reason: 'future' });
    expect(await verify({ now: 0 })).toEqual({ ok: false, reason: 'future' });
  });

  it('refuses an old request before looking at its signature', async () => {
    expect(await verify({ now: AT + 600_000, signatureHeader: 'v0=nonsense' })).toEqual({ ok: false, reason: 'stale' });
  });
});

describe('missing and malformed headers', () => {
  it.each([
    ['no timestamp', { timestampHeader: null }],
    ['an undefined timestamp', { timestampHeader: undefined }],
    ['an empty timestamp', { timestampHeader: '' }],
    ['no signature', { signatureHeader: null }],
    ['an undefined signature', { signatureHeader: undefined }],
    ['an empty signature', { signatureHeader: '  ' }],
  ])('refuses %s as missing', async (_, over) => {
    expect(await verify(over)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([['abc'], ['1531420618.5'], ['-1531420618'], ['0x5B4795CA'], ['1e9'], ['1531420618abc']])(
    'refuses the non-numeric timestamp %s',
    async (timestampHeader) => {
      expect(await verify({ timestampHeader })).toEqual({ ok: false, reason: 'bad_signature' });
    },
  );
});
