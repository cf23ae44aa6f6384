import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { resolveLocale } from '../../../src/domain/locale.ts';
import { randomToken } from '../../../src/domain/secrets.ts';
import { pickLocale } from '../../../src/http/middleware/locale/index.ts';
import { resolveSession } from '../../../src/usecases/auth/resolve-session.ts';
import { LANG_COOKIE, PRE_SESSION_COOKIE, SESSION_COOKIE, type PortalDeps, type PortalEnv } from '../../deps.ts';

export const cookieSecure = (deps: PortalDeps) => deps.publicUrl.startsWith('https://');

/**
 * Finds the signed-in client (if any), the language to speak (the client's setting, else the
 * language cookie, else Accept-Language), and the CSRF token forms must carry. Portal pages are
 * never cached: a shared phone's back button must not show someone's data after sign-out.
 */
export const session = (deps: PortalDeps): MiddlewareHandler<PortalEnv> =>
  async function session(c, next) {
    const found = await resolveSession(deps.core, getCookie(c, SESSION_COOKIE));
    c.set('session', found?.session ?? null);
    c.set('client', found?.client ?? null);
    const langCookie = getCookie(c, LANG_COOKIE);
    c.set(
      'locale',
      found ? resolveLocale(found.client.language) : langCookie ? resolveLocale(langCookie) : pickLocale(c.req.header('accept-language')),
    );
    let csrf = found?.session.csrfToken;
    if (!csrf) {
      csrf = getCookie(c, PRE_SESSION_COOKIE);
      if (!csrf || !/^[A-Za-z0-9_-]{32}$/.test(csrf)) {
        csrf = randomToken(24);
        setCookie(c, PRE_SESSION_COOKIE, csrf, { httpOnly: true, sameSite: 'Lax', secure: cookieSecure(deps), path: '/' });
      }
    }
    c.set('csrf', csrf);
    await next();
    c.header('Cache-Control', 'no-store');
  };
