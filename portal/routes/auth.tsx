import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfoSafe } from '../conn-info.ts';
import { isLocale } from '../../src/domain/locale.ts';
import { acceptInvitation, peekInvitation } from '../../src/usecases/auth/invitations.ts';
import { requestSignInCode } from '../../src/usecases/auth/request-sign-in-code.ts';
import { signOut } from '../../src/usecases/auth/sign-out.ts';
import { verifySignInCode } from '../../src/usecases/auth/verify-sign-in-code.ts';
import { refusalText, safeNext } from '../actor.ts';
import { LANG_COOKIE, SESSION_COOKIE, type PortalDeps, type PortalEnv } from '../deps.ts';
import { cookieSecure } from '../middleware/session/index.ts';
import { CodePage, InvitePage, SignInPage } from '../pages/sign-in.tsx';
import { viewOf } from '../view.ts';

const field = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** Signing in (code or invitation), signing out, and the language of signed-out pages. */
export const authRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  const startSession = (c: Context<PortalEnv>, token: string) =>
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: cookieSecure(deps), path: '/' });

  app.get('/sign-in', (c) => (c.get('client') ? c.redirect('/', 303) : c.html(<SignInPage v={viewOf(c, deps)} />)));

  app.post('/sign-in', async (c) => {
    const v = viewOf(c, deps);
    const phone = field(await c.req.parseBody(), 'phone');
    const agencyId = await deps.agencyId();
    if (!agencyId) return c.html(<SignInPage v={v} phone={phone} error={v.t('http.unavailable')} />, 503);
    const r = await requestSignInCode(deps.core, { agencyId, phone, ip: getConnInfoSafe(c) });
    if (!r.ok) return c.html(<SignInPage v={v} phone={phone} error={refusalText(v.t, r)} />, r.code === 'throttled' ? 429 : 400);
    return c.html(<CodePage v={v} phone={r.value.phone} />);
  });

  app.post('/sign-in/code', async (c) => {
    const v = viewOf(c, deps);
    const body = await c.req.parseBody();
    const phone = field(body, 'phone');
    const agencyId = (await deps.agencyId()) ?? '';
    const r = await verifySignInCode(deps.core, { agencyId, phone, code: field(body, 'code') });
    if (!r.ok) return c.html(<CodePage v={v} phone={phone} error={refusalText(v.t, r)} />, 400);
    startSession(c, r.value.token);
    return c.redirect('/', 303);
  });

  app.get('/invite/:token', async (c) => {
    const r = await peekInvitation(deps.core, c.req.param('token'));
    return c.html(<InvitePage v={viewOf(c, deps)} token={c.req.param('token')} valid={r.ok} />, r.ok ? 200 : 404);
  });

  app.post('/invite/:token', async (c) => {
    const r = await acceptInvitation(deps.core, c.req.param('token'));
    if (!r.ok) return c.html(<InvitePage v={viewOf(c, deps)} token="" valid={false} />, 404);
    startSession(c, r.value.token);
    return c.redirect('/', 303);
  });

  app.post('/sign-out', async (c) => {
    const session = c.get('session');
    if (session) await signOut(deps.core, session);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieSecure(deps) });
    return c.redirect('/sign-in', 303);
  });

  app.get('/language', (c) => {
    const lang = c.req.query('lang') ?? '';
    if (isLocale(lang)) setCookie(c, LANG_COOKIE, lang, { sameSite: 'Lax', secure: cookieSecure(deps), path: '/', maxAge: 365 * 86400 });
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  return app;
};
