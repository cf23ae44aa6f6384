import type { Context } from 'hono';

/**
 * The client's IP address, for throttling only: Cloudflare's CF-Connecting-IP on Workers, the
 * socket's address on Node (@hono/node-server puts the request in c.env.incoming). Null when
 * unknown. X-Forwarded-For is not trusted: anyone can send it.
 */
export const getConnInfoSafe = (c: Context): string | null => {
  const cf = c.req.header('cf-connecting-ip');
  if (cf) return cf.slice(0, 64);
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress?.slice(0, 64) ?? null;
};
