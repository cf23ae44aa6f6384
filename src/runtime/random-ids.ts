import type { IdGenerator } from '../ports/ids.ts';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** `prefix_` + 26 base32 characters = 130 random bits from WebCrypto. */
export const randomIds = (): IdGenerator => ({
  newId(prefix) {
    const bytes = crypto.getRandomValues(new Uint8Array(26));
    let out = '';
    for (const b of bytes) out += ALPHABET[b & 31];
    return `${prefix}_${out}`;
  },
});
