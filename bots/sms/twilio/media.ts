// Downloading (and then deleting) the media of an MMS. Twilio requires the account's credentials
// on its media URLs and answers with a redirect to a short-lived CDN URL. We never send those
// credentials anywhere but where they belong, and never read more than we accept.
//
// The host rule: a URL is fetched only when its `host` (host name, and the port when it is not the
// scheme's default, exactly as `new URL(u).host` writes it) is in `allowedHosts`, it carries no
// user name or password, and its scheme is https, or http for this machine alone (127.0.0.1 or
// localhost: a fake server or the demo's phone simulator, which must then be listed with its port). Every redirect hop is checked the same
// way; at most 3 are followed. Credentials go only to the origin of the first URL.

/** Twilio's API host, where MediaUrls point, and the CDN its authenticated media redirect to. */
export const TWILIO_MEDIA_HOSTS: readonly string[] = ['api.twilio.com', 'mms.twiliocdn.com'];
// Left out on purpose: s3-external-1.amazonaws.com, where media of accounts without HTTP auth on
// media used to be served. It is a host every AWS customer can publish on; add it to the list only
// for such an account.

export const MAX_MEDIA_REDIRECTS = 3;

export interface TwilioMediaRequest {
  url: string;
  accountSid: string;
  authToken: string;
  allowedHosts: readonly string[];
  fetch?: typeof fetch;
  /** the whole exchange, redirects and body included */
  timeoutMs?: number;
}

export type MediaFetchError = 'media_host_not_allowed' | 'media_too_large' | 'media_download_failed';
export type MediaFetchResult = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; error: MediaFetchError };

const basicAuth = (user: string, pass: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${pass}`)))}`;

/** The URL when it may be fetched under the host rule above, else null. */
export const allowedMediaUrl = (raw: string, allowedHosts: readonly string[]): URL | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
  return schemeOk && allowedHosts.some((h) => h.toLowerCase() === url.host) ? url : null;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Reads at most `maxBytes`; null when the body is larger (the rest is not read). */
const readCapped = async (res: Response, maxBytes: number): Promise<Uint8Array | null> => {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.length > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
    total += value.length;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
};

export const fetchTwilioMedia = async (req: TwilioMediaRequest & { maxBytes: number }): Promise<MediaFetchResult> => {
  const doFetch = req.fetch ?? fetch;
  const signal = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  let url = allowedMediaUrl(req.url, req.allowedHosts);
  if (!url) return { ok: false, error: 'media_host_not_allowed' };
  const trusted = url.origin;
  const authorization = basicAuth(req.accountSid, req.authToken);
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = url.origin === trusted ? { authorization } : {};
      const res = await doFetch(url, { method: 'GET', headers, redirect: 'manual', signal });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get('location');
        if (!location || hop >= MAX_MEDIA_REDIRECTS) return { ok: false, error: 'media_download_failed' };
        url = allowedMediaUrl(new URL(location, url).href, req.allowedHosts);
        if (!url) return { ok: false, error: 'media_host_not_allowed' };
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        return { ok: false, error: 'media_download_failed' };
      }
      const bytes = await readCapped(res, req.maxBytes);
      if (!bytes) return { ok: false, error: 'media_too_large' };
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
      return { ok: true, bytes, contentType };
    }
  } catch {
    return { ok: false, error: 'media_download_failed' };
  }
};

/**
 * Deletes a media from Twilio once we hold a copy: DELETE on the Media resource (`….json`), with
 * the account's credentials, only under the host rule, no redirect followed. True when it is gone
 * (204, or 404: already gone).
 */
export const deleteTwilioMedia = async (req: TwilioMediaRequest): Promise<boolean> => {
  const url = allowedMediaUrl(req.url, req.allowedHosts);
  if (!url) return false;
  if (!url.pathname.endsWith('.json')) url.pathname += '.json';
  try {
    const res = await (req.fetch ?? fetch)(url, {
      method: 'DELETE',
      headers: { authorization: basicAuth(req.accountSid, req.authToken) },
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
    });
    await res.body?.cancel().catch(() => {});
    return res.status === 204 || res.status === 404;
  } catch {
    return false;
  }
};
