import { Hono } from 'hono';
import { APP_CSS } from './app.css.ts';
import { APP_JS } from './app.js.ts';

/** A small, stable fingerprint of a text, so a changed file gets a new URL. */
const fingerprint = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
};

export const CSS_VERSION = fingerprint(APP_CSS);
export const JS_VERSION = fingerprint(APP_JS);

/** The portal's stylesheet and script, cached for a year (their URLs change with their content). */
export const staticRoutes = () =>
  new Hono()
    .get('/static/app.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(APP_CSS);
    })
    .get('/static/app.js', (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(APP_JS);
    });
