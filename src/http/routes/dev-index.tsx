import { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../deps.ts';
import { DevPage } from './dev-page.tsx';

/** In demo mode, `/dev` says what this is, lists the demo clients and links to the dev outbox. */
export const devIndexRoutes = (deps: HttpDeps, demoAgencyId: () => Promise<string | null>) =>
  new Hono<AppEnv>().get('/dev', async (c) => {
    const lng = c.get('locale');
    const t = (k: string) => deps.core.t(lng, k);
    const agencyId = await demoAgencyId();
    const clients = agencyId ? await deps.core.store.clients.list({ agencyId }) : [];
    const phones = await Promise.all(
      clients.map(async (cl) => {
        const chs = await deps.core.store.channels.listForClient({ agencyId: cl.agencyId }, cl.id);
        return chs.find((ch) => ch.kind === 'sms')?.address ?? '';
      }),
    );
    return c.html(
      <DevPage lng={lng} title={t('dev.index_title')}>
        <p>{t('dev.index_intro')}</p>
        <h2>{t('dev.index_links')}</h2>
        <ul>
          <li>
            <a href="/dev/outbox">{t('dev.link_outbox')}</a>
          </li>
          {deps.sms?.simulated ? (
            <li>
              <a href="/dev/phone">{t('dev.phone.link')}</a>
            </li>
          ) : null}
          <li>
            <a href="/dev/outbox.json">{t('dev.link_outbox_json')}</a>
          </li>
          <li>
            <a href="/healthz">{t('dev.link_health')}</a>
          </li>
        </ul>
        <h2>{t('dev.index_clients')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dev.col_name')}</th>
              <th scope="col">{t('dev.col_phone')}</th>
              <th scope="col">{t('dev.col_language')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((cl, i) => (
              <tr>
                <td>{cl.displayName}</td>
                <td>{phones[i]}</td>
                <td>{cl.language}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DevPage>,
    );
  });
