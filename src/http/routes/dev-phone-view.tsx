import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { intlLocale } from '../../domain/locale.ts';
import { DevPage } from './dev-page.tsx';

type T = (key: string, vars?: Record<string, string | number>) => string;

export const PHONE_PATH = '/dev/phone';
export const SEND_PATH = '/dev/phone/send';
export const SAMPLE_PATH = '/dev/phone/media/sample.jpg';
export const CSS_PATH = '/dev/phone/phone.css';
export const JS_PATH = '/dev/phone/phone.js';
/** Twilio's limit on one (concatenated) text. */
export const MAX_BODY = 1600;
/** Without JavaScript, the thread reloads this often (seconds); with it, phone.js updates it in place. */
const NO_SCRIPT_REFRESH_S = 10;

export interface DemoPhone {
  name: string;
  phone: string;
  language: string;
}

/** One bubble: what the person texted (`sent`) or what reached the phone (`received`). */
export interface ThreadItem {
  kind: 'sent' | 'received';
  at: number;
  text: string;
  photo: boolean;
}

export const threadHref = (phone: string) => `${PHONE_PATH}?number=${encodeURIComponent(phone)}`;

export const ChoosePage: FC<{ t: T; lng: string; phones: readonly DemoPhone[] }> = ({ t, lng, phones }) => (
  <DevPage lng={lng} title={t('dev.phone.title')}>
    <p>{t('dev.phone.intro')}</p>
    <p>{t('dev.phone.choose')}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">{t('dev.col_name')}</th>
          <th scope="col">{t('dev.col_phone')}</th>
          <th scope="col">{t('dev.col_language')}</th>
        </tr>
      </thead>
      <tbody>
        {phones.map((p) => (
          <tr>
            <td>
              <a href={threadHref(p.phone)}>{p.name}</a>
            </td>
            <td>{p.phone}</td>
            <td>{p.language}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </DevPage>
);

const Bubble: FC<{ t: T; when: Intl.DateTimeFormat; item: ThreadItem }> = ({ t, when, item }) => (
  <li class={item.kind}>
    <span class="meta">
      {t(item.kind === 'sent' ? 'dev.phone.you' : 'dev.phone.received')} ·{' '}
      <time datetime={new Date(item.at).toISOString()}>{when.format(item.at)}</time>
    </span>
    {item.photo ? <img src={SAMPLE_PATH} alt={t('dev.phone.photo_alt')} width="48" height="64" /> : null}
    {item.text ? <p class="text">{item.text}</p> : null}
  </li>
);

export const ThreadPage: FC<{ t: T; lng: string; person: DemoPhone; items: ThreadItem[] }> = ({ t, lng, person, items }) => {
  const when = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <DevPage lng={lng} title={t('dev.phone.thread_title', { name: person.name })}>
      <link rel="stylesheet" href={CSS_PATH} />
      {/* Raw: hono/jsx would hoist a <meta> out of <noscript> into <head>, reloading even with JavaScript on. */}
      {raw(`<noscript><meta http-equiv="refresh" content="${NO_SCRIPT_REFRESH_S}"></noscript>`)}
      <div class="phone">
        <p>{t('dev.phone.thread_about', { phone: person.phone, language: person.language })}</p>
        <p>
          <a href={PHONE_PATH}>{t('dev.phone.back')}</a> · <a href={threadHref(person.phone)}>{t('dev.phone.refresh')}</a>
        </p>
        <ol id="thread">
          {items.length === 0 ? <li>{t('dev.phone.empty')}</li> : items.map((item) => <Bubble t={t} when={when} item={item} />)}
        </ol>
        <form id="compose" method="post" action={SEND_PATH}>
          <input type="hidden" name="number" value={person.phone} />
          <label for="body">{t('dev.phone.message_label')}</label>
          <textarea id="body" name="body" rows={3} maxlength={MAX_BODY} autofocus></textarea>
          <button type="submit">{t('dev.phone.send')}</button>
          <button type="submit" name="photo" value="1">
            {t('dev.phone.send_photo')}
          </button>
        </form>
        <p>{t('dev.phone.photo_hint')}</p>
        <p>{t('dev.phone.try')}</p>
      </div>
      <script src={JS_PATH} defer></script>
    </DevPage>
  );
};
