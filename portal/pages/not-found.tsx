import type { Context } from 'hono';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { Layout } from '../components/layout.tsx';
import { viewOf } from '../view.ts';

/**
 * The answer for an unknown id or someone else's: the same 404 either way, so a guessed id tells
 * nothing about whether it exists.
 */
export const notFound = (c: Context<PortalEnv>, deps: PortalDeps) => {
  const v = viewOf(c, deps);
  return c.html(
    <Layout v={v} title={v.t('portal.not_found.title')}>
      <p>{v.t('portal.not_found.body')}</p>
      <p>
        <a href={v.signedIn ? '/' : '/sign-in'}>{v.t(v.signedIn ? 'portal.not_found.home' : 'portal.not_found.sign_in')}</a>
      </p>
    </Layout>,
    404,
  );
};
