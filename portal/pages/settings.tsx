import type { FC } from 'hono/jsx';
import { LOCALES, type ClientChannelKind } from '../../src/domain/types.ts';
import type { ClientSettings } from '../../src/usecases/clients/settings-view.ts';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';
import { zoneName } from './appointments-parts.tsx';
import { ChannelsSection, kindName } from './settings-channels.tsx';

const K = 'portal.settings';

/** The preferences form as typed: what the page shows back when something needs fixing. */
export interface PreferencesForm {
  preferredChannel: string;
  contactStart: string;
  contactEnd: string;
  neutral: boolean;
  pauseWord: string;
}

/** An error text per form field: lang, preferred_channel, contact_start, contact_end, neutral, pause_word. */
export type FieldErrors = Partial<Record<string, string>>;

export interface SettingsPageProps {
  v: View;
  settings: ClientSettings;
  form: PreferencesForm;
  now: number;
  done?: string | undefined;
  /** a refusal not tied to a field (a channel that cannot be switched) */
  error?: string | undefined;
  errors?: FieldErrors;
  /** offer "Connect Telegram": the agency has a bot and the client's Telegram is not connected */
  telegramConnect?: boolean;
  /** since when the client's messages are paused; null (or absent) when they are not */
  pausedAt?: number | null;
}

/** Done notices of this page's own forms (the others are under portal.done). */
const OWN_DONE: Record<string, string> = { paused: `${K}.paused_done`, resumed: `${K}.resumed_done` };

/** At the top while paused: since when, and the way to turn messages back on. */
const PausedBanner: FC<{ v: View; pausedAt: number }> = ({ v, pausedAt }) => (
  <div class="notice info" role="status" id="paused-banner">
    <p>
      <strong>{v.t(`${K}.paused_banner`, { when: v.when(pausedAt) })}</strong>
    </p>
    <PostForm v={v} action="/settings/resume">
      <button type="submit">{v.t(`${K}.resume_button`)}</button>
    </PostForm>
  </div>
);

/** Beside the pause word: pause everything now, without texting the word. */
const PauseNow: FC<{ v: View }> = ({ v }) => (
  <section aria-labelledby="pause-heading">
    <h2 id="pause-heading">{v.t(`${K}.pause_heading`)}</h2>
    <p class="hint" id="pause-now-hint">
      {v.t(`${K}.pause_now_hint`)}
    </p>
    <PostForm v={v} action="/settings/pause">
      <button type="submit" class="secondary" aria-describedby="pause-now-hint">
        {v.t(`${K}.pause_button`)}
      </button>
    </PostForm>
  </section>
);

const LanguageForm: FC<{ v: View; current: string; error?: string | undefined }> = ({ v, current, error }) => (
  <section aria-labelledby="language-heading">
    <h2 id="language-heading">{v.t(`${K}.language_heading`)}</h2>
    <PostForm v={v} action="/settings/language">
      <input type="hidden" name="next" value="/settings" />
      <fieldset aria-describedby={error ? 'lang-error' : undefined}>
        <legend>{v.t(`${K}.language_legend`)}</legend>
        {error ? (
          <p class="error" id="lang-error">
            {error}
          </p>
        ) : null}
        {LOCALES.map((l) => (
          <div class="choice">
            <input type="radio" id={`lang-${l}`} name="lang" value={l} checked={l === current} />
            <label for={`lang-${l}`} lang={l}>
              {v.t(`portal.languages.${l}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit">{v.t(`${K}.language_save`)}</button>
    </PostForm>
  </section>
);

const PreferencesSection: FC<{ v: View; s: ClientSettings; form: PreferencesForm; now: number; errors: FieldErrors }> = ({
  v,
  s,
  form,
  now,
  errors,
}) => {
  const options: string[] = [...s.preferredOptions, ''];
  const windowHint = v.t(`${K}.window_hint`, { zone: zoneName(v, now) });
  const neutralHint = v.t(`${K}.neutral_hint`);
  const pauseHint = v.t(`${K}.pause_hint`);
  const e = errors;
  return (
    <section aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">{v.t(`${K}.prefs_heading`)}</h2>
      <PostForm v={v} action="/settings/preferences">
        <fieldset aria-describedby={e.preferred_channel ? 'preferred_channel-error' : undefined}>
          <legend>{v.t(`${K}.preferred_legend`)}</legend>
          {e.preferred_channel ? (
            <p class="error" id="preferred_channel-error">
              {e.preferred_channel}
            </p>
          ) : null}
          {options.map((o) => (
            <div class="choice">
              <input
                type="radio"
                id={`preferred-${o || 'none'}`}
                name="preferred_channel"
                value={o}
                checked={form.preferredChannel === o}
              />
              <label for={`preferred-${o || 'none'}`}>{o ? kindName(v, o as ClientChannelKind) : v.t(`${K}.preferred_none`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset aria-describedby="window-hint">
          <legend>{v.t(`${K}.window_legend`)}</legend>
          <p class="hint" id="window-hint">
            {windowHint}
          </p>
          {(['contact_start', 'contact_end'] as const).map((id) => (
            <Field id={id} label={v.t(id === 'contact_start' ? `${K}.window_start` : `${K}.window_end`)} error={e[id]}>
              <input
                id={id}
                name={id}
                type="time"
                value={id === 'contact_start' ? form.contactStart : form.contactEnd}
                aria-invalid={e[id] ? 'true' : undefined}
                aria-describedby={describedBy(id, undefined, e[id])}
              />
            </Field>
          ))}
        </fieldset>
        <div class={e.neutral ? 'field invalid' : 'field'}>
          <div class="choice">
            <input
              type="checkbox"
              id="neutral"
              name="neutral"
              value="on"
              checked={form.neutral}
              aria-invalid={e.neutral ? 'true' : undefined}
              aria-describedby={describedBy('neutral', neutralHint, e.neutral)}
            />
            <label for="neutral">{v.t(`${K}.neutral_label`)}</label>
          </div>
          <p class="hint" id="neutral-hint">
            {neutralHint}
          </p>
          {e.neutral ? (
            <p class="error" id="neutral-error">
              {e.neutral}
            </p>
          ) : null}
        </div>
        <Field id="pause_word" label={v.t(`${K}.pause_label`)} hint={pauseHint} error={e.pause_word}>
          <input
            id="pause_word"
            name="pause_word"
            type="text"
            autocomplete="off"
            spellcheck={false}
            maxlength={40}
            value={form.pauseWord}
            aria-invalid={e.pause_word ? 'true' : undefined}
            aria-describedby={describedBy('pause_word', pauseHint, e.pause_word)}
          />
        </Field>
        <button type="submit">{v.t(`${K}.save`)}</button>
      </PostForm>
    </section>
  );
};

/** Language, how and when to be reached, neutral wording, the pause word, and each channel on or off. */
export const SettingsPage: FC<SettingsPageProps> = ({ v, settings, form, now, done, error, errors = {}, telegramConnect, pausedAt }) => (
  <Layout v={v} title={v.t(`${K}.title`)}>
    {done ? <Notice kind="ok">{v.t(OWN_DONE[done] ?? `portal.done.${done}`)}</Notice> : null}
    {pausedAt != null ? <PausedBanner v={v} pausedAt={pausedAt} /> : null}
    {error ? <Notice kind="error">{error}</Notice> : null}
    {Object.keys(errors).length > 0 ? <Notice kind="error">{v.t(`${K}.fix_below`)}</Notice> : null}
    <LanguageForm v={v} current={settings.language} error={errors.lang} />
    <PreferencesSection v={v} s={settings} form={form} now={now} errors={errors} />
    {pausedAt != null ? null : <PauseNow v={v} />}
    <ChannelsSection v={v} s={settings} telegramConnect={telegramConnect ?? false} />
  </Layout>
);
