import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { formatClockTime, parseClockTime } from '../../src/usecases/clients/contact-window.ts';
import { getSettings } from '../../src/usecases/clients/get-settings.ts';
import { setChannelConsent } from '../../src/usecases/clients/set-channel-consent.ts';
import type { ClientSettings } from '../../src/usecases/clients/settings-view.ts';
import { updateSettings } from '../../src/usecases/clients/update-settings.ts';
import { pauseMessages } from '../../src/usecases/safety/pause-messages.ts';
import { resumeMessages } from '../../src/usecases/safety/resume-messages.ts';
import { createTelegramLink } from '../../src/usecases/telegram/create-telegram-link.ts';
import { clientOf, refusalText, safeNext } from '../actor.ts';
import { LANG_COOKIE, type PortalDeps, type PortalEnv } from '../deps.ts';
import { requireClient } from '../middleware/require-client.ts';
import { cookieSecure } from '../middleware/session/index.ts';
import { notFound } from '../pages/not-found.tsx';
import { SettingsPage, type FieldErrors, type PreferencesForm } from '../pages/settings.tsx';
import { TelegramLinkPage } from '../pages/settings-telegram.tsx';
import { viewOf } from '../view.ts';

const DONE = new Set(['settings_saved', 'channel_off', 'channel_on', 'paused', 'resumed']);

/** The use case's field names, as the form calls them. */
const FORM_FIELD: Record<string, string> = {
  language: 'lang',
  preferredChannel: 'preferred_channel',
  contactWindowStart: 'contact_start',
  contactWindowEnd: 'contact_end',
  neutralWording: 'neutral',
  pauseWord: 'pause_word',
};

const field = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

const formOf = (s: ClientSettings): PreferencesForm => ({
  preferredChannel: s.preferredChannel ?? '',
  contactStart: s.contactWindowStart === null ? '' : formatClockTime(s.contactWindowStart),
  contactEnd: s.contactWindowEnd === null ? '' : formatClockTime(s.contactWindowEnd),
  neutral: s.neutralWording,
  pauseWord: s.pauseWord ?? '',
});

/** A time as typed: minutes, null when empty, NaN when it is not a time (the use case names the field). */
const minutesOf = (raw: string): number | null => {
  const m = parseClockTime(raw);
  return m === 'bad' ? Number.NaN : m;
};

/** Settings: language, preferences (channel, contact window, neutral wording, pause word), channels on or off. */
export const settingsRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.use('/settings', requireClient());
  app.use('/settings/*', requireClient());

  const page = async (
    c: Context<PortalEnv>,
    extra: { done?: string | undefined; error?: string; errors?: FieldErrors; form?: PreferencesForm },
    status: 200 | 400 = 200,
  ) => {
    const { client, actor } = clientOf(c);
    const r = await getSettings(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    const { form, ...rest } = extra;
    // A form posted elsewhere comes back to this page: the language picker returns here too.
    const v = { ...viewOf(c, deps), path: '/settings' };
    const telegramConnect = Boolean(deps.telegramBotUsername) && !r.value.channels.some((ch) => ch.kind === 'telegram' && ch.consent);
    return c.html(
      <SettingsPage v={v} settings={r.value} form={form ?? formOf(r.value)} now={deps.core.clock.now()} telegramConnect={telegramConnect} pausedAt={client.pausedAt} {...rest} />,
      status,
    );
  };

  /** Field errors of a refused update, in the page's language. */
  const fieldErrors = (c: Context<PortalEnv>, detail: Record<string, string | number> | undefined): FieldErrors => {
    const t = viewOf(c, deps).t;
    const out: FieldErrors = {};
    for (const [name, code] of Object.entries(detail ?? {})) out[FORM_FIELD[name] ?? name] = t(`portal.settings.errors.${code}`);
    return out;
  };

  app.get('/settings', (c) => {
    const done = c.req.query('done');
    return page(c, { done: done && DONE.has(done) ? done : undefined });
  });

  app.post('/settings/language', async (c) => {
    const { client, actor } = clientOf(c);
    const body = await c.req.parseBody();
    const lang = field(body, 'lang');
    const r = await updateSettings(deps.core, actor, { clientId: client.id, language: lang as ClientSettings['language'] });
    if (!r.ok) return r.code === 'invalid' ? page(c, { errors: fieldErrors(c, r.detail ?? { language: 'invalid' }) }, 400) : notFound(c, deps);
    // Signed-out pages on this phone keep the language too.
    setCookie(c, LANG_COOKIE, r.value.language, { sameSite: 'Lax', secure: cookieSecure(deps), path: '/', maxAge: 365 * 86400 });
    return c.redirect(safeNext(field(body, 'next')), 303);
  });

  app.post('/settings/preferences', async (c) => {
    const { client, actor } = clientOf(c);
    const body = await c.req.parseBody();
    const form: PreferencesForm = {
      preferredChannel: field(body, 'preferred_channel'),
      contactStart: field(body, 'contact_start'),
      contactEnd: field(body, 'contact_end'),
      neutral: field(body, 'neutral') === 'on',
      pauseWord: field(body, 'pause_word'),
    };
    const r = await updateSettings(deps.core, actor, {
      clientId: client.id,
      preferredChannel: (form.preferredChannel || null) as ClientSettings['preferredChannel'],
      contactWindowStart: minutesOf(form.contactStart),
      contactWindowEnd: minutesOf(form.contactEnd),
      neutralWording: form.neutral,
      pauseWord: form.pauseWord.trim() || null,
    });
    if (r.ok) return c.redirect('/settings?done=settings_saved', 303);
    if (r.code !== 'invalid') return r.code === 'not_found' ? notFound(c, deps) : page(c, { form, error: refusalText(viewOf(c, deps).t, r) }, 400);
    return page(c, { form, errors: fieldErrors(c, r.detail) }, 400);
  });

  for (const [path, consent] of [
    ['opt-out', 'out'],
    ['opt-in', 'in'],
  ] as const) {
    app.post(`/settings/channels/:channelId/${path}`, async (c) => {
      const { client, actor } = clientOf(c);
      const r = await setChannelConsent(deps.core, actor, { clientId: client.id, channelId: c.req.param('channelId'), consent });
      if (r.ok) return c.redirect(`/settings?done=${consent === 'out' ? 'channel_off' : 'channel_on'}`, 303);
      // An id that is not one of the client's channels (or is not an id at all): nothing to say about it.
      if (r.code === 'not_found' || r.code === 'invalid') return notFound(c, deps);
      return page(c, { error: refusalText(viewOf(c, deps).t, r) }, 400);
    });
  }

  // Pause or resume every message at once: a plain form each, done again harmlessly (pausing a
  // paused client, or resuming one who is not, changes nothing and still ends on the settings).
  for (const [path, run] of [
    ['pause', pauseMessages],
    ['resume', resumeMessages],
  ] as const) {
    app.post(`/settings/${path}`, async (c) => {
      const { client, actor } = clientOf(c);
      const r = await run(deps.core, actor, { clientId: client.id });
      if (r.ok) return c.redirect(`/settings?done=${path === 'pause' ? 'paused' : 'resumed'}`, 303);
      if (r.code === 'not_found') return notFound(c, deps);
      return page(c, { error: refusalText(viewOf(c, deps).t, r) }, 400);
    });
  }

  // A one-time deep link into the bot: shown in the answer to the POST, never put in a URL of ours.
  app.post('/settings/telegram/connect', async (c) => {
    const botUsername = deps.telegramBotUsername;
    if (!botUsername) return notFound(c, deps);
    const { client, actor } = clientOf(c);
    const r = await createTelegramLink(deps.core, actor, { clientId: client.id, botUsername });
    if (!r.ok) return notFound(c, deps);
    return c.html(<TelegramLinkPage v={{ ...viewOf(c, deps), path: '/settings' }} offer={r.value} />);
  });

  return app;
};
