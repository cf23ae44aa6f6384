import { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../deps.ts';

/** `GET /healthz`: `{"ok":true}` once the database has answered a query. */
export const healthRoutes = (deps: HttpDeps) =>
  new Hono<AppEnv>().get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await deps.core.store.ping();
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false }, 503);
    }
  });
