// Fetching a file a client sent to the bot: getFile names its path, then the bytes come from
// `<apiRoot>/file/bot<token>/<path>`. The Bot API serves bots files up to 20 MB; anything larger
// is refused before a byte is read, and a body that grows past the cap is abandoned mid-way.
import type { Api } from 'grammy';

/** The Bot API's own limit for files a bot may download. */
export const TELEGRAM_MAX_DOWNLOAD = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export type Download = { ok: true; bytes: Uint8Array } | { ok: false; code: 'too_big' | 'failed' };

export interface FileSource {
  token: string;
  apiRoot: string;
}

/** The bytes of a Telegram file, or why not. `knownSize` is the message's file_size, when given. */
export const downloadTelegramFile = async (api: Api, src: FileSource, fileId: string, knownSize?: number): Promise<Download> => {
  if (knownSize !== undefined && knownSize > TELEGRAM_MAX_DOWNLOAD) return { ok: false, code: 'too_big' };
  let path: string | undefined;
  try {
    const file = await api.getFile(fileId);
    if (file.file_size !== undefined && file.file_size > TELEGRAM_MAX_DOWNLOAD) return { ok: false, code: 'too_big' };
    path = file.file_path;
  } catch (e) {
    // The Bot API answers "file is too big" for files over its limit.
    return { ok: false, code: /too big/i.test(String((e as Error)?.message)) ? 'too_big' : 'failed' };
  }
  if (!path) return { ok: false, code: 'failed' };
  const url = `${src.apiRoot.replace(/\/+$/, '')}/file/bot${src.token}/${path}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: abort.signal });
    if (!res.ok || !res.body) return { ok: false, code: 'failed' };
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > TELEGRAM_MAX_DOWNLOAD) {
      abort.abort();
      return { ok: false, code: 'too_big' };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > TELEGRAM_MAX_DOWNLOAD) {
        abort.abort();
        return { ok: false, code: 'too_big' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) bytes.set(c, (at += c.length) - c.length);
    return { ok: true, bytes };
  } catch {
    return { ok: false, code: 'failed' };
  } finally {
    clearTimeout(timer);
  }
};
