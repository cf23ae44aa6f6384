import { raw } from 'hono/html';
import type { FC, PropsWithChildren } from 'hono/jsx';
import { LOCALES } from '../../src/domain/types.ts';
import type { View } from '../view.ts';
import { CsrfField } from './form.tsx';

import { CSS_VERSION, JS_VERSION } from '../static/index.ts';

export const CSS_PATH = `/static/app.css?v=${CSS_VERSION}`;
export const JS_PATH = `/static/app.js?v=${JS_VERSION}`;

const NAV = [
  ['/', 'portal.nav.home'],
  ['/appointments', 'portal.nav.appointments'],
  ['/classes', 'portal.nav.classes'],
  ['/documents', 'portal.nav.documents'],
  ['/messages', 'portal.nav.messages'],
  ['/settings', 'portal.nav.settings'],
] as const;

const LanguagePicker: FC<{ v: View }> = ({ v }) => (
  <form class="lang" method={v.signedIn ? 'post' : 'get'} action={v.signedIn ? '/settings/language' : '/language'}>
    {v.signedIn ? <CsrfField v={v} /> : null}
    <input type="hidden" name="next" value={v.path} />
    <label for="lang-select">{v.t('portal.layout.language')}</label>
    <select id="lang-select" name="lang">
      {LOCALES.map((l) => (
        <option value={l} selected={l === v.lng} lang={l}>
          {v.t(`portal.languages.${l}`)}
        </option>
      ))}
    </select>
    <button type="submit">{v.t('portal.layout.change_language')}</button>
  </form>
);

/** The frame of every portal page: quick exit first, then the way around, then the page. */
export const Layout: FC<PropsWithChildren<{ v: View; title: string }>> = ({ v, title, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang={v.lng} dir={v.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${v.t('portal.layout.site_name')}`}</title>
        <link rel="stylesheet" href={CSS_PATH} />
        <script src={JS_PATH} defer></script>
      </head>
      <body>
        <a class="quick-exit" id="quick-exit" href={v.quickExitUrl} rel="noreferrer">
          {v.t('portal.layout.quick_exit')}
        </a>
        <a class="skip" href="#main">
          {v.t('portal.layout.skip')}
        </a>
        <header class="top">
          <p class="brand">{v.t('portal.layout.site_name')}</p>
          {v.signedIn ? (
            <nav aria-label={v.t('portal.layout.nav_label')}>
              <ul>
                {NAV.map(([href, key]) => (
                  <li>
                    <a href={href} aria-current={v.path === href || (href !== '/' && v.path.startsWith(`${href}/`)) ? 'page' : undefined}>
                      {v.t(key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="bottom">
          <LanguagePicker v={v} />
          {v.signedIn ? (
            <form method="post" action="/sign-out">
              <CsrfField v={v} />
              <button type="submit" class="link">
                {v.t('portal.layout.sign_out')}
              </button>
            </form>
          ) : null}
        </footer>
      </body>
    </html>
  </>
);
