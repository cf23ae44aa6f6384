import { describe, expect, it } from 'vitest';
import { signedString, twilioSignature, urlVariants, verifyTwilioSignature } from './verify.ts';

const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const pairs = (o: Record<string, string>) => Object.entries(o) as [string, string][];

// The vector of Twilio's SDK test suites (twilio-node, twilio-python, twilio-php, twilio-csharp).
const SDK_PARAMS = pairs({ CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' });
const SDK_SIGNATURE = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

// The worked example of Twilio's security page uses other numbers, and its signature is another one:
// RSOYDt4… is the signature of the SDK vector above, not of these parameters.
const DOCS_PARAMS = pairs({ CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' });
const DOCS_SIGNATURE = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

const verify = (over: Partial<Parameters<typeof verifyTwilioSignature>[0]> = {}) =>
  verifyTwilioSignature({ authToken: '12345', url: URL_, params: SDK_PARAMS, signature: SDK_SIGNATURE, ...over });

describe("Twilio's request signature", () => {
  it("reproduces the SDKs' vector", async () => {
    expect(await twilioSignature('12345', URL_, SDK_PARAMS)).toBe(SDK_SIGNATURE);
    expect(await verify()).toBe(true);
  });

  it("reproduces the security page's example with its own numbers", async () => {
    expect(await twilioSignature('12345', URL_, DOCS_PARAMS)).toBe(DOCS_SIGNATURE);
    expect(await verify({ params: DOCS_PARAMS, signature: DOCS_SIGNATURE })).toBe(true);
    expect(await verify({ params: DOCS_PARAMS, signature: SDK_SIGNATURE })).toBe(false);
  });

  it('sorts fields by name, whatever order the body had', async () => {
    expect(await verify({ params: [...SDK_PARAMS].reverse() })).toBe(true);
    expect(signedString('u', pairs({ b: '2', a: '1', B: '3' }))).toBe('uB3a1b2');
  });

  it('takes each distinct value of a repeated name, sorted (the SDKs\' duplicate vector)', async () => {
    const repeated: [string, string][] = [['Sid', 'CA123'], ['SidAccount', 'AC123'], ['Digits', '5678'], ['Digits', '1234'], ['Digits', '1234']];
    expect(signedString('', repeated)).toBe('Digits1234Digits5678SidCA123SidAccountAC123');
    expect(await twilioSignature('12345', URL_, repeated)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('signs values as they are: a + stays a +, UTF-8 text is UTF-8', async () => {
    const params = pairs({ Body: 'Sí, mañana 🙂 a+b', From: '+15551234567' });
    const signature = await twilioSignature('t0k3n', URL_, params);
    expect(await verifyTwilioSignature({ authToken: 't0k3n', url: URL_, params, signature })).toBe(true);
    const decoded = pairs({ Body: 'Sí, mañana 🙂 a b', From: '+15551234567' });
    expect(await verifyTwilioSignature({ authToken: 't0k3n', url: URL_, params: decoded, signature })).toBe(false);
  });

  it('signs the URL alone when there are no fields', async () => {
    const signature = await twilioSignature('12345', URL_, []);
    expect(await verify({ params: [], signature })).toBe(true);
    expect(await verify({ params: [['x', '']], signature })).toBe(false);
  });
});

describe('verifying a request', () => {
  it.each([
    ['another path', 'https://mycompany.com/other.php?foo=1&bar=2'],
    ['another query', 'https://mycompany.com/myapp.php?foo=1&bar=3'],
    ['no query', 'https://mycompany.com/myapp.php'],
    ['another host', 'https://evil.example/myapp.php?foo=1&bar=2'],
    ['plain http', 'http://mycompany.com/myapp.php?foo=1&bar=2'],
    ['another port', 'https://mycompany.com:8443/myapp.php?foo=1&bar=2'],
    ['the port of the other scheme', 'https://mycompany.com:80/myapp.php?foo=1&bar=2'],
  ])('refuses %s', async (_, url) => {
    expect(await verify({ url })).toBe(false);
  });

  it("accepts the scheme's default port written out or left out, both ways", async () => {
    expect(await verify({ url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' })).toBe(true);
    const withPort = await twilioSignature('12345', 'http://127.0.0.1:80/hook', SDK_PARAMS);
    expect(await verify({ url: 'http://127.0.0.1/hook', signature: withPort })).toBe(true);
    const other = await twilioSignature('12345', 'http://127.0.0.1:8787/hook', SDK_PARAMS);
    expect(await verify({ url: 'http://127.0.0.1:8787/hook', signature: other })).toBe(true);
    expect(await verify({ url: 'http://127.0.0.1/hook', signature: other })).toBe(false);
  });

  it('lists the port variants of a URL and nothing more', () => {
    expect(urlVariants('https://a.example/x?y=1')).toEqual(['https://a.example/x?y=1', 'https://a.example:443/x?y=1']);
    expect(urlVariants('http://u:p@[::1]:80/x')).toEqual(['http://u:p@[::1]:80/x', 'http://u:p@[::1]/x']);
    expect(urlVariants('https://a.example:8443/x')).toEqual(['https://a.example:8443/x']);
    expect(urlVariants('not a url')).toEqual(['not a url']);
  });

  it('refuses a changed, added or missing field', async () => {
    expect(await verify({ params: SDK_PARAMS.map(([k, v]) => [k, k === 'Digits' ? '9999' : v] as [string, string]) })).toBe(false);
    expect(await verify({ params: [...SDK_PARAMS, ['Body', 'hi']] })).toBe(false);
    expect(await verify({ params: SDK_PARAMS.slice(1) })).toBe(false);
    expect(await verify({ params: SDK_PARAMS.map(([k, v]) => [k.toLowerCase(), v] as [string, string]) })).toBe(false);
  });

  it('refuses a missing, empty or malformed header, and another token', async () => {
    expect(await verify({ signature: undefined })).toBe(false);
    expect(await verify({ signature: null })).toBe(false);
    expect(await verify({ signature: '' })).toBe(false);
    expect(await verify({ signature: 'invalid 王' })).toBe(false);
    expect(await verify({ signature: SDK_SIGNATURE.slice(0, -1) })).toBe(false);
    expect(await verify({ authToken: '54321' })).toBe(false);
  });

  it('refuses everything when no auth token is configured', async () => {
    expect(await verify({ authToken: '' })).toBe(false);
    await expect(twilioSignature('', URL_, [])).rejects.toThrow(/empty auth token/);
  });
});
