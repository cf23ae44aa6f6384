import type { MiddlewareHandler } from 'hono';
import { constantTimeEqual } from '../../../src/domain/secrets.ts';
import type { PortalDeps, PortalEnv } from '../../deps.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Every state-changing request must come from our own pages: a form content type, an Origin
 * equal to PUBLIC_URL's (or a browser-vouched same-origin `null`), and the session's token in
 * the `_csrf` field. Anything else is 403
 * before the handler runs. Handlers read the parsed body from `c.req.parseBody()` (cached).
 */
export const csrf = (deps: PortalDeps): MiddlewareHandler<PortalEnv> => {
  const origin = new URL(deps.publicUrl).origin;
  return async function csrf(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const t = (k: string) => deps.core.t(c.get('locale'), k);
    if (!FORM_TYPES.includes(type)) return c.text(t('portal.errors.bad_form'), 415);
    // Our pages send Referrer-Policy: no-referrer, under which browsers send `Origin: null` on a
    // form POST; they then vouch for it with Sec-Fetch-Site, a header no page can set.
    const from = c.req.header('origin');
    const sameSite = from === origin || (from === 'null' && c.req.header('sec-fetch-site') === 'same-origin');
    if (!sameSite) return c.text(t('portal.errors.bad_origin'), 403);
    const body = await c.req.parseBody();
    const token = typeof body._csrf === 'string' ? body._csrf : '';
    if (!constantTimeEqual(token, c.get('csrf'))) return c.text(t('portal.errors.bad_csrf'), 403);
    return next();
  };
};
