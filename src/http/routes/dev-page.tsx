import { raw } from 'hono/html';
import type { FC, PropsWithChildren } from 'hono/jsx';

const RTL = new Set(['ar']);

/** The bare page shell of the demo's developer pages. */
export const DevPage: FC<PropsWithChildren<{ lng: string; title: string }>> = ({ lng, title, children }) => (
  <>
  {raw('<!doctype html>')}
  <html lang={lng} dir={RTL.has(lng) ? 'rtl' : 'ltr'}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{title}</title>
    </head>
    <body>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
    </body>
  </html>
  </>
);
