import type { FC } from 'hono/jsx';
import type { ClientChannelKind } from '../../src/domain/types.ts';
import type { ChannelSetting, ClientSettings } from '../../src/usecases/clients/settings-view.ts';
import { PostForm } from '../components/form.tsx';
import type { View } from '../view.ts';
import { TelegramConnectForm } from './settings-telegram.tsx';

const K = 'portal.settings';

export const kindName = (v: View, kind: ClientChannelKind) => v.t(`${K}.kind.${kind}`);

const Switch: FC<{ v: View; ch: ChannelSetting; off: string; on: string }> = ({ v, ch, off, on }) =>
  ch.switchable ? (
    <div class="actions">
      <PostForm v={v} action={`/settings/channels/${encodeURIComponent(ch.id)}/${ch.consent ? 'opt-out' : 'opt-in'}`}>
        <button type="submit" class="secondary">
          {ch.consent ? off : on}
        </button>
      </PostForm>
    </div>
  ) : null;

const State: FC<{ v: View; ch: ChannelSetting }> = ({ v, ch }) =>
  !ch.verified ? (
    <p class="meta">{v.t(`${K}.unverified`)}</p>
  ) : (
    <p>{v.t(ch.consent ? `${K}.on` : `${K}.off`)}</p>
  );

/**
 * Each channel on or off; Telegram connected or not (and, when not and the agency has a bot, the
 * way to connect it); the portal, always on.
 */
export const ChannelsSection: FC<{ v: View; s: ClientSettings; telegramConnect?: boolean }> = ({ v, s, telegramConnect }) => {
  const sms = s.channels.filter((c) => c.kind === 'sms');
  const telegram = s.channels.filter((c) => c.kind === 'telegram' && c.verified);
  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading">{v.t(`${K}.channels_heading`)}</h2>
      <p>{v.t(`${K}.channels_intro`)}</p>
      <ul class="cards">
        {sms.map((ch) => (
          <li class="card">
            <h3>{kindName(v, 'sms')}</h3>
            {ch.ending ? <p class="meta">{v.t(`${K}.number_ending`, { digits: ch.ending })}</p> : null}
            <State v={v} ch={ch} />
            <Switch v={v} ch={ch} off={v.t(`${K}.sms_turn_off`)} on={v.t(`${K}.sms_turn_on`)} />
          </li>
        ))}
        <li class="card">
          <h3>{kindName(v, 'telegram')}</h3>
          {telegram.length === 0 ? <p>{v.t(`${K}.telegram_not_connected`)}</p> : null}
          {telegram.map((ch) => (
            <>
              <p>{v.t(ch.consent ? `${K}.telegram_connected` : `${K}.telegram_disconnected`)}</p>
              <Switch v={v} ch={ch} off={v.t(`${K}.telegram_disconnect`)} on={v.t(`${K}.telegram_reconnect`)} />
            </>
          ))}
          {telegramConnect ? <TelegramConnectForm v={v} /> : null}
        </li>
        <li class="card">
          <h3>{kindName(v, 'portal')}</h3>
          <p>{v.t(`${K}.portal_note`)}</p>
        </li>
      </ul>
    </section>
  );
};
