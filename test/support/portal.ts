// Drives the real HTTP app like a browser would: cookies, the Origin header and the CSRF field.
import { createApp } from '../../src/http/app.ts';
import { newSession } from '../../src/usecases/auth/session-token.ts';
import type { TestCore } from './core.ts';

export const ORIGIN = 'http://localhost:8787';

export const portalApp = (core: TestCore, opts: { demo?: boolean; publicUrl?: string } = {}) =>
  createApp({ core, demo: opts.demo ?? false, publicUrl: opts.publicUrl ?? ORIGIN, logError: () => {} });

export type App = ReturnType<typeof portalApp>;

/** A browser with a cookie jar and the page's CSRF token. */
export interface Browser {
  cookies: Map<string, string>;
  csrf: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a form as the portal's own pages do (Origin, CSRF, urlencoded). */
  post(path: string, fields?: Record<string, string>, init?: { origin?: string | null; csrf?: string }): Promise<Response>;
  /** Posts multipart form data (uploads). */
  upload(path: string, form: FormData): Promise<Response>;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

const keepCookies = (jar: Map<string, string>, res: Response) => {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (!value || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
};

export const browser = (app: App): Browser => {
  const b: Browser = {
    cookies: new Map(),
    csrf: '',
    async get(path, init = {}) {
      const res = await app.request(path, { ...init, headers: { cookie: cookieHeader(b.cookies), ...(init.headers ?? {}) } });
      keepCookies(b.cookies, res);
      const html = await res.clone().text();
      const m = html.match(/name="_csrf" value="([^"]+)"/);
      if (m) b.csrf = m[1]!;
      return res;
    },
    async post(path, fields = {}, init = {}) {
      const headers: Record<string, string> = {
        cookie: cookieHeader(b.cookies),
        'content-type': 'application/x-www-form-urlencoded',
      };
      if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
      const body = new URLSearchParams({ _csrf: init.csrf ?? b.csrf, ...fields });
      const res = await app.request(path, { method: 'POST', headers, body });
      keepCookies(b.cookies, res);
      return res;
    },
    async upload(path, form) {
      if (!form.has('_csrf')) form.set('_csrf', b.csrf);
      const res = await app.request(path, { method: 'POST', headers: { cookie: cookieHeader(b.cookies), origin: ORIGIN }, body: form });
      keepCookies(b.cookies, res);
      return res;
    },
  };
  return b;
};

/** A browser already signed in as the client (a session made directly, as a sign-in would). */
export const signedIn = async (app: App, core: TestCore, client: { agencyId: string; id: string }): Promise<Browser> => {
  const { token, session } = await newSession(client, 'code', core.clock.now());
  const outcome = await core.store.commit([core.store.sessions.insert(session)]);
  if (outcome !== 'ok') throw new Error('could not create the session');
  const b = browser(app);
  b.cookies.set('cb_session', token);
  b.csrf = session.csrfToken;
  return b;
};
