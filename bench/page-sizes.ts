// How heavy each portal page is on the wire: `npx tsx bench/page-sizes.ts`. Starts the real server
// (demo data), signs in as a demo client in English and one in Arabic, fetches every page and the
// stylesheet, and writes bench/PAGES.md: raw, gzip and brotli bytes of HTML + CSS per page against
// the goal of 14 KB compressed (the first round trip of a new TCP connection).
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { clientIdOf, makeInvitation, openDb, type Db } from '../test/browser/support/db.ts';
import { DEMO_PHONES, startServer, type RunningServer } from '../test/browser/support/server.ts';

const GOAL = 14 * 1024;

interface Sized {
  raw: number;
  gzip: number;
  br: number;
}

const size = (bytes: Buffer): Sized => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** A cookie jar and the page's CSRF token: just enough browser to sign in. */
const agent = (server: RunningServer) => {
  const jar = new Map<string, string>();
  let csrf = '';
  const request = async (path: string, form?: Record<string, string>) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) Object.assign(headers, { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' });
    const res = await fetch(`${server.url}${path}`, {
      method: form ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      ...(form ? { body: new URLSearchParams({ _csrf: csrf, ...form }) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0/i.test(line) || value.join('=') === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    const body = Buffer.from(await res.arrayBuffer());
    csrf = body.toString('utf8').match(/name="_csrf" value="([^"]+)"/)?.[1] ?? csrf;
    return { status: res.status, body, encoding: res.headers.get('content-encoding') };
  };
  return { request };
};

interface Row {
  lng: string;
  page: string;
  status: number;
  html: Sized;
}

const measure = async (server: RunningServer, db: Db, lng: 'en' | 'ar'): Promise<Row[]> => {
  const [ref, phone] = lng === 'en' ? ['DEMO-0101', DEMO_PHONES.alex] : ['DEMO-0103', DEMO_PHONES.layla];
  const a = agent(server);
  const rows: Row[] = [];
  const take = (page: string, r: { status: number; body: Buffer }) => rows.push({ lng, page, status: r.status, html: size(r.body) });
  if (lng !== 'en') await a.request(`/language?lang=${lng}&next=/sign-in`);
  take('sign-in', await a.request('/sign-in'));
  take('invitation', await a.request(await makeInvitation(server, ref)));
  const since = Date.now() - 1000;
  take('code', await a.request('/sign-in', { phone }));
  const signedIn = await a.request('/sign-in/code', { phone, code: await server.signInCode(phone, since) });
  if (signedIn.status !== 303) throw new Error(`sign-in failed for ${phone}: ${signedIn.status}`);
  const clientId = await clientIdOf(db, ref);
  const apt = await db.one<{ id: string }>(
    "select id from appointments where client_id = ? and staff_id is not null and status in ('scheduled','confirmed') and starts_at > ? order by starts_at limit 1",
    [clientId, Date.now()],
  );
  const pages: [string, string][] = [
    ['home', '/'],
    ['appointments', '/appointments'],
    ['appointment', `/appointments/${apt.id}`],
    ['reschedule', `/appointments/${apt.id}/reschedule`],
    ['cancel', `/appointments/${apt.id}/cancel`],
    ['classes', '/classes'],
    ['classes-record', '/classes/record'],
    ['documents', '/documents'],
    ['messages', '/messages'],
    ['settings', '/settings'],
    ['not-found', '/appointments/apt_doesnotexist0000000'],
  ];
  for (const [name, path] of pages) take(name, await a.request(path));
  return rows;
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const report = (rows: Row[], css: Sized, js: Sized, serverEncoding: string | null): string => {
  const lines = [
    '# Portal page sizes',
    '',
    'Written by `npx tsx bench/page-sizes.ts` (do not edit by hand). Goal: each page **≤ 14 KB compressed, HTML + CSS**',
    `(${GOAL} bytes: what fits in the first round trip of a new connection). The stylesheet is counted in full on every`,
    'page, as on a first visit; after that it is cached for a year. Compressed sizes are computed here with gzip -9 and',
    `brotli q11; the server itself sends ${serverEncoding ? `\`${serverEncoding}\`` : 'no Content-Encoding (a proxy or CDN compresses in production)'}.`,
    `The verdict uses gzip, the larger of the two. The script (\`app.js\`, progressive, not needed) is ${js.raw} B raw, ${js.gzip} B gzip.`,
    '',
    `Stylesheet: ${css.raw} B raw, ${css.gzip} B gzip, ${css.br} B brotli.`,
    '',
    '| lng | page | HTTP | HTML raw | HTML gzip | HTML br | HTML+CSS raw | HTML+CSS gzip | HTML+CSS br | ≤ 14 KB |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => {
      const gz = r.html.gzip + css.gzip;
      const ok = r.status < 400 || r.page === 'not-found' ? (gz <= GOAL ? 'yes' : '**no**') : 'page missing';
      return `| ${r.lng} | ${r.page} | ${r.status} | ${r.html.raw} | ${r.html.gzip} | ${r.html.br} | ${r.html.raw + css.raw} | ${gz} (${kb(gz)}) | ${r.html.br + css.br} | ${ok} |`;
    }),
    '',
    '## Machine',
    '',
    `- ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory`,
    `- Node ${process.version}, ${process.platform} ${process.arch}`,
    `- measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC against demo data`,
    '',
  ];
  return lines.join('\n');
};

const main = async () => {
  const server = await startServer();
  const db = openDb(server);
  try {
    const sheet = await fetch(`${server.url}/sign-in`).then((r) => r.text());
    const cssPath = sheet.match(/href="(\/static\/app\.css[^"]*)"/)?.[1] ?? '/static/app.css';
    const jsPath = sheet.match(/src="(\/static\/app\.js[^"]*)"/)?.[1] ?? '/static/app.js';
    const cssRes = await fetch(`${server.url}${cssPath}`, { headers: { 'accept-encoding': 'gzip, br' } });
    const css = size(Buffer.from(await cssRes.arrayBuffer()));
    const js = size(Buffer.from(await (await fetch(`${server.url}${jsPath}`)).arrayBuffer()));
    const probe = await fetch(`${server.url}/sign-in`, { headers: { 'accept-encoding': 'gzip, br' } });
    const rows = [...(await measure(server, db, 'en')), ...(await measure(server, db, 'ar'))];
    const md = report(rows, css, js, probe.headers.get('content-encoding'));
    writeFileSync(new URL('./PAGES.md', import.meta.url), md);
    console.log(md);
  } finally {
    db.close();
    await server.stop();
  }
};

await main();
