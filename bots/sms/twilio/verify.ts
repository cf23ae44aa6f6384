// Twilio signs every webhook request with the account's auth token (X-Twilio-Signature,
// https://www.twilio.com/docs/usage/webhooks/webhooks-security): the full URL it called (scheme,
// host, port, path, query), then every POST field sorted by name, name and value concatenated
// with no separator; a name given several times contributes each distinct value, sorted; then
// HMAC-SHA1 keyed with the auth token, base64. WebCrypto only, so it runs on Node and Workers.
import { constantTimeEqual } from '../../../src/domain/secrets.ts';
import type { FormFields } from './types.ts';

const encoder = new TextEncoder();

/** The string Twilio signs: the URL as given, then the sorted fields (repeated pairs counted once, as Twilio's SDKs do). */
export const signedString = (url: string, params: FormFields): string => {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = byName.get(name) ?? new Set<string>();
    values.add(value);
    byName.set(name, values);
  }
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...byName.get(name)!].sort()) data += name + value;
  }
  return data;
};

const base64 = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};

/** The X-Twilio-Signature Twilio would send for this URL and form body. The token must not be empty. */
export const twilioSignature = async (authToken: string, url: string, params: FormFields): Promise<string> => {
  if (!authToken) throw new Error('twilioSignature: an empty auth token signs nothing');
  const key = await crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(signedString(url, params)));
  return base64(new Uint8Array(mac));
};

/**
 * The URL as given, and the same URL with the scheme's default port written out or left out:
 * Twilio's SDKs accept a signature over either, as Twilio's own signing has differed on this.
 * Any other port, host or path is another URL.
 */
export const urlVariants = (url: string): string[] => {
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority.slice(at + 1));
  if (!hp) return [url];
  const host = hp[1]!;
  const port = hp[2];
  const standard = scheme.toLowerCase() === 'https' ? '443' : '80';
  if (port === undefined) return [url, `${scheme}://${userinfo}${host}:${standard}${rest}`];
  if (port === standard) return [url, `${scheme}://${userinfo}${host}${rest}`];
  return [url];
};

export interface SignedRequest {
  authToken: string;
  /** the public URL Twilio called: PUBLIC_URL + path + query, never the Host header as received */
  url: string;
  /** the form body, every pair as it came */
  params: FormFields;
  /** the X-Twilio-Signature header; null or undefined when it is missing */
  signature: string | null | undefined;
}

/** True when the signature is Twilio's for this URL and body. Compared in constant time. */
export const verifyTwilioSignature = async (req: SignedRequest): Promise<boolean> => {
  if (!req.authToken || !req.signature) return false;
  const expected = await Promise.all(urlVariants(req.url).map((u) => twilioSignature(req.authToken, u, req.params)));
  let match = false;
  for (const e of expected) match = constantTimeEqual(e, req.signature) || match;
  return match;
};
