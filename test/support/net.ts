import { createServer } from 'node:net';

/** A port nothing listens on right now, on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((ok, ko) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.once('error', ko);
  });
