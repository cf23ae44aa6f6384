import { Hono } from 'hono';
import { getHomeSummary } from '../../src/usecases/home/get-home-summary.ts';
import { clientOf } from '../actor.ts';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { requireClient } from '../middleware/require-client.ts';
import { HomePage } from '../pages/home.tsx';
import { notFound } from '../pages/not-found.tsx';
import { viewOf } from '../view.ts';

/** Home: the next appointment and class, documents to send, new messages. Signed out → sign-in. */
export const homeRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.get('/', requireClient(), async (c) => {
    const { client, actor } = clientOf(c);
    const r = await getHomeSummary(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    return c.html(<HomePage v={viewOf(c, deps)} summary={r.value} pausedAt={client.pausedAt} />);
  });
  return app;
};
