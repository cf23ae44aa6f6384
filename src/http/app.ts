import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, HttpDeps } from './deps.ts';
import { errorHandler } from './middleware/error-handler/index.ts';
import { locale } from './middleware/locale/index.ts';
import { devIndexRoutes } from './routes/dev-index.tsx';
import { devOutboxRoutes } from './routes/dev-outbox.tsx';
import { devPhoneRoutes } from './routes/dev-phone.tsx';
import { healthRoutes } from './routes/health.ts';
import { portalRoutes } from '../../portal/app.ts';
import { telegramWebhookRoutes } from '../../bots/telegram/webhook.ts';
import { twilioWebhookRoutes } from '../../bots/sms/twilio/webhook.ts';
import { staffFileRoutes } from './routes/staff-files.ts';
import { slackEventRoutes } from '../../bots/slack/events.ts';
import { validateSubmission } from '../../bots/slack/listeners/validate.ts';

/**
 * The whole HTTP surface, built from its dependencies only: the same app runs under
 * @hono/node-server and as a Worker's fetch handler.
 */
export const createApp = (deps: HttpDeps) => {
  const https = deps.publicUrl.startsWith('https://');
  const app = new Hono<AppEnv>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      // A route that sets its own policy (a sandboxed file) keeps it.
      overwrite: false,
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      strictTransportSecurity: https ? 'max-age=63072000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(locale());
  app.onError(errorHandler(deps.core.t, deps.logError));
  app.notFound((c) => {
    const text = deps.core.t(c.get('locale') ?? 'en', 'http.not_found');
    return c.req.path.endsWith('.json') ? c.json({ ok: false, error: text }, 404) : c.text(text, 404);
  });

  // One agency per deployment for now: the first (and only) one in the database.
  let agency: string | null = null;
  const agencyId = async () => (agency ??= (await deps.core.store.agencies.list())[0]?.id ?? null);

  app.route('/', healthRoutes(deps));
  if (deps.demo) {
    app.route('/', devOutboxRoutes(deps));
    app.route('/', devIndexRoutes(deps, agencyId));
    app.route('/', devPhoneRoutes(deps, (req) => app.fetch(req)));
  }
  // Without a bot the path is simply unknown (and never reaches the portal's form checks).
  if (deps.telegram) app.route('/', telegramWebhookRoutes({ core: deps.core, agencyId, ...deps.telegram }));
  else app.post('/webhooks/telegram', (c) => c.notFound());
  if (deps.sms) app.route('/', twilioWebhookRoutes({ core: deps.core, agencyId, publicUrl: deps.publicUrl, ...deps.sms }));
  else app.post('/webhooks/sms/*', (c) => c.notFound());
  if (deps.slack) {
    app.route('/', slackEventRoutes({ core: deps.core, agencyId, signingSecret: deps.slack.signingSecret, validateSubmission: validateSubmission(deps.core.t) }));
  } else app.post('/slack/events', (c) => c.notFound());
  if (deps.linkSecret) app.route('/', staffFileRoutes({ ...deps, linkSecret: deps.linkSecret }, agencyId));
  app.route('/', portalRoutes({ ...deps, agencyId }));
  return app;
};

export type App = ReturnType<typeof createApp>;
