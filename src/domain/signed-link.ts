// Links that carry their own permission: the fields, an expiry, and an HMAC-SHA256 over both with
// a server secret. Used where the reader is not signed in to us (a caseworker opening a file from
// a Slack card). WebCrypto only, so it runs on Node and Workers alike.
import { constantTimeEqual } from './secrets.ts';

const enc = new TextEncoder();

const hmacHex = async (secret: string, data: string): Promise<string> => {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(data)));
  return [...sig].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/** The fields in a fixed order, with the expiry, as signed. */
const canonical = (purpose: string, fields: Record<string, string>, expiresAt: number) =>
  [purpose, ...Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`), `e=${expiresAt}`].join('\n');

/** Query parameters for a link to `purpose` with `fields`, valid until `expiresAt` (epoch ms). */
export const signLink = async (secret: string, purpose: string, fields: Record<string, string>, expiresAt: number): Promise<URLSearchParams> => {
  const q = new URLSearchParams(fields);
  q.set('e', String(expiresAt));
  q.set('sig', await hmacHex(secret, canonical(purpose, fields, expiresAt)));
  return q;
};

/** The signed fields when the link is genuine and not expired; null otherwise. */
export const verifyLink = async (
  secret: string,
  purpose: string,
  names: readonly string[],
  query: URLSearchParams,
  now: number,
): Promise<Record<string, string> | null> => {
  const expiresAt = Number(query.get('e'));
  const sig = query.get('sig') ?? '';
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= now || !/^[0-9a-f]{64}$/.test(sig)) return null;
  const fields: Record<string, string> = {};
  for (const n of names) {
    const v = query.get(n);
    if (v === null || v === '') return null;
    fields[n] = v;
  }
  return constantTimeEqual(await hmacHex(secret, canonical(purpose, fields, expiresAt)), sig) ? fields : null;
};
