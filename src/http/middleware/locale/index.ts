import type { MiddlewareHandler } from 'hono';
import { resolveLocale } from '../../../domain/locale.ts';
import type { AppEnv } from '../../deps.ts';

/** The best supported language from Accept-Language (q-values honoured), else English. */
export const pickLocale = (header: string | undefined): string => {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const l = resolveLocale(tag);
    if (l !== 'en' || tag.toLowerCase().startsWith('en')) return l;
  }
  return 'en';
};

export const locale = (): MiddlewareHandler<AppEnv> =>
  async function locale(c, next) {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    await next();
  };
