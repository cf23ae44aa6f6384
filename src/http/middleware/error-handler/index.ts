import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Translate } from '../../../ports/translator.ts';
import type { AppEnv } from '../../deps.ts';

const wantsJson = (accept: string | undefined, path: string) =>
  path.endsWith('.json') || path.startsWith('/webhooks/') || (accept ?? '').includes('application/json');

/**
 * One place that turns a thrown error into a response: a 4xx keeps its status and a reason; any
 * other error is logged with a reference and answered 500 with words that leak nothing.
 */
export const errorHandler =
  (t: Translate, log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)): ErrorHandler<AppEnv> =>
  (err, c) => {
    const lng = c.get('locale') ?? 'en';
    const json = wantsJson(c.req.header('accept'), c.req.path);
    if (err instanceof HTTPException && err.status < 500) {
      const key =
        err.status === 413 ? 'http.payload_too_large' : err.status === 404 ? 'http.not_found' : 'http.bad_request';
      const reason = err.message || t(lng, key);
      return json ? c.json({ ok: false, error: reason }, err.status) : c.text(reason, err.status);
    }
    const ref = crypto.randomUUID().slice(0, 8);
    log(`[${ref}] ${c.req.method} ${c.req.path} failed`, err);
    const busy = /SQLITE_BUSY|database is locked/i.test(String((err as Error)?.message ?? err));
    const status = busy ? 503 : 500;
    const text = t(lng, busy ? 'http.unavailable' : 'http.server_error');
    if (busy) c.header('Retry-After', '1');
    return json ? c.json({ ok: false, error: text, ref }, status) : c.text(`${text} (${ref})`, status);
  };
