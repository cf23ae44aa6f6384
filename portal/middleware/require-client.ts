import type { MiddlewareHandler } from 'hono';
import type { PortalEnv } from '../deps.ts';

/** Pages behind sign-in: without a session the answer is the sign-in page, never the data. */
export const requireClient = (): MiddlewareHandler<PortalEnv> =>
  async function requireClient(c, next) {
    if (!c.get('client')) return c.redirect('/sign-in', 303);
    return next();
  };
