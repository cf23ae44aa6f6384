import type { FC } from 'hono/jsx';
import type { TelegramLinkOffer } from '../../src/usecases/telegram/create-telegram-link.ts';
import { PostForm } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

const K = 'portal.settings';

/** On the settings page, when Telegram is not connected and the agency has a bot: the way to start. */
export const TelegramConnectForm: FC<{ v: View }> = ({ v }) => (
  <>
    <p>{v.t(`${K}.telegram_connect_intro`)}</p>
    <div class="actions">
      <PostForm v={v} action="/settings/telegram/connect">
        <button type="submit">{v.t(`${K}.telegram_connect`)}</button>
      </PostForm>
    </div>
  </>
);

/** The one-time deep link into the bot, with the few steps to use it. Shown once, never in a URL of ours. */
export const TelegramLinkPage: FC<{ v: View; offer: TelegramLinkOffer }> = ({ v, offer }) => (
  <Layout v={v} title={v.t(`${K}.telegram_link_title`)}>
    <ol>
      <li>{v.t(`${K}.telegram_step_open`)}</li>
      <li>{v.t(`${K}.telegram_step_start`)}</li>
      <li>{v.t(`${K}.telegram_step_done`)}</li>
    </ol>
    <p>
      <a class="button" href={offer.url} rel="noopener noreferrer">
        {v.t(`${K}.telegram_open`)}
      </a>
    </p>
    <p class="meta">{v.t(`${K}.telegram_link_valid`, { time: v.time(offer.expiresAt) })}</p>
    <p class="meta">{v.t(`${K}.telegram_link_private`)}</p>
    <p>
      <a href="/settings">{v.t(`${K}.telegram_back`)}</a>
    </p>
  </Layout>
);
