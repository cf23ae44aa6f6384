import { Hono } from 'hono';
import type { PortalDeps, PortalEnv } from './deps.ts';
import { bodySize } from './middleware/body-size/index.ts';
import { csrf } from './middleware/csrf/index.ts';
import { session } from './middleware/session/index.ts';
import { appointmentRoutes } from './routes/appointments.tsx';
import { authRoutes } from './routes/auth.tsx';
import { classesRoutes } from './routes/classes.tsx';
import { documentsRoutes } from './routes/documents.tsx';
import { homeRoutes } from './routes/home.tsx';
import { messagesRoutes } from './routes/messages.tsx';
import { settingsRoutes } from './routes/settings.tsx';
import { staticRoutes } from './static/index.ts';

/**
 * The client portal, mounted at `/`: server-rendered, works without JavaScript, every page in the
 * client's language. Each area is its own route file calling the core's use cases.
 */
export const portalRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.route('/', staticRoutes());
  app.use(session(deps));
  app.use(bodySize(deps));
  app.use(csrf(deps));
  app.route('/', authRoutes(deps));
  app.route('/appointments', appointmentRoutes(deps));
  app.route('/', classesRoutes(deps));
  app.route('/', documentsRoutes(deps));
  app.route('/', homeRoutes(deps));
  app.route('/', messagesRoutes(deps));
  app.route('/', settingsRoutes(deps));
  return app;
};
