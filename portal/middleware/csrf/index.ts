import type { MiddlewareHandler } from 'hono';
import { constantTimeEqual } from '../../../src/domain/secrets.ts';
import type { PortalDeps, PortalEnv } from '../../deps.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Every state-changing request must come from our own pages: a form content type, an Origin
 * equal to PUBLIC_URL's, and the session's token in the `_csrf` field. Anything else is 403
 * before the handler runs. Handlers read the parsed body from `c.req.parseBody()` (cached).
 */
export const csrf = (deps: PortalDeps): MiddlewareHandler<PortalEnv> => {
  const origin = new URL(deps.publicUrl).origin;
  return async function csrf(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const t = (k: string) => deps.core.t(c.get('locale'), k);
    if (!FORM_TYPES.includes(type)) return c.text(t('portal.errors.bad_form'), 415);
    if (c.req.header('origin') !== origin) return c.text(t('portal.errors.bad_origin'), 403);
    const body = await c.req.parseBody();
    const token = typeof body._csrf === 'string' ? body._csrf : '';
    if (!constantTimeEqual(token, c.get('csrf'))) return c.text(t('portal.errors.bad_csrf'), 403);
    return next();
  };
};
