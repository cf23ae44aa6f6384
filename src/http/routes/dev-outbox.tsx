import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { intlLocale } from '../../domain/locale.ts';
import type { DevMessage } from '../../ports/store.ts';
import type { AppEnv, HttpDeps } from '../deps.ts';
import { DevPage } from './dev-page.tsx';

const toJson = (m: DevMessage) => ({
  id: m.id,
  channel: m.channel,
  to: m.to,
  clientId: m.clientId,
  text: m.text,
  status: m.status,
  createdAt: new Date(m.createdAt).toISOString(),
});

const Table: FC<{ t: (k: string) => string; lng: string; rows: DevMessage[] }> = ({ t, lng, rows }) =>
  rows.length === 0 ? (
    <p>{t('dev.outbox_empty')}</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('dev.col_time')}</th>
          <th scope="col">{t('dev.col_channel')}</th>
          <th scope="col">{t('dev.col_to')}</th>
          <th scope="col">{t('dev.col_text')}</th>
          <th scope="col">{t('dev.col_status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr>
            <td>
              <time datetime={new Date(m.createdAt).toISOString()}>
                {new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'short', timeStyle: 'medium' }).format(m.createdAt)}
              </time>
            </td>
            <td>{m.channel}</td>
            <td>{m.to}</td>
            <td>{m.text}</td>
            <td>{m.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/**
 * The demo's view of everything that would have left the system. Mounted only in demo mode, so
 * with DEMO=off both paths are plain 404s.
 */
export const devOutboxRoutes = (deps: HttpDeps) =>
  new Hono<AppEnv>()
    .get('/dev/outbox.json', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json((await deps.core.store.devOutbox.list()).map(toJson));
    })
    .get('/dev/outbox', async (c) => {
      const lng = c.get('locale');
      const t = (k: string) => deps.core.t(lng, k);
      const rows = await deps.core.store.devOutbox.list();
      c.header('Cache-Control', 'no-store');
      return c.html(
        <DevPage lng={lng} title={t('dev.outbox_title')}>
          <p>{t('dev.outbox_intro')}</p>
          <Table t={t} lng={lng} rows={rows} />
        </DevPage>,
      );
    });
