import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { PortalDeps, PortalEnv } from '../../deps.ts';

export const FORM_MAX_BYTES = 64 * 1024;
/** An upload may carry the largest file an agency allows plus the multipart envelope. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024 + 64 * 1024;
const UPLOAD_PATH = /^\/documents\/[^/]+\/upload$/;

/**
 * Limits request bodies before anything reads them (the CSRF check parses forms): 64 KB for a
 * form, a little over 20 MB for an upload. A false Content-Length or a chunked body is counted as
 * it streams and cut off at the limit with 413.
 */
export const bodySize = (deps: PortalDeps): MiddlewareHandler<PortalEnv> => {
  const tooLarge: Parameters<typeof bodyLimit>[0]['onError'] = (c) =>
    c.text(deps.core.t((c.get('locale') as string | undefined) ?? 'en', 'http.payload_too_large'), 413);
  const forms = bodyLimit({ maxSize: FORM_MAX_BYTES, onError: tooLarge });
  const uploads = bodyLimit({ maxSize: UPLOAD_MAX_BYTES, onError: tooLarge });
  return async function bodySize(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (UPLOAD_PATH.test(c.req.path) ? uploads : forms)(c, next);
  };
};
