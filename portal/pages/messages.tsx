import type { FC } from 'hono/jsx';
import type { Millis } from '../../src/domain/types.ts';
import type { MessageView } from '../../src/usecases/messaging/list-conversation.ts';
import { isUnreadByClient } from '../../src/usecases/messaging/mark-conversation-read.ts';
import type { ResourceLine } from '../../src/usecases/crisis/resources.ts';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

const K = 'portal.messages';

export interface MessagesPageProps {
  v: View;
  /** oldest first, newest last */
  messages: MessageView[];
  /** when the client had last read the conversation, before this visit: later answers are new */
  previousReadAt: Millis | null;
  /** a fresh idempotency key for the form: a second press of Send stores nothing more */
  nonce: string;
  done?: string | undefined;
  body?: string;
  error?: string | undefined;
  /** crisis help, shown first, after a message that read like a crisis */
  help?: ResourceLine[] | undefined;
}

const Message: FC<{ v: View; m: MessageView; fresh: boolean }> = ({ v, m, fresh }) => (
  <li class={`msg ${m.direction}`}>
    <span class="meta">
      <strong>{v.t(m.direction === 'in' ? `${K}.you` : `${K}.caseworker`)}</strong>
      {' · '}
      <time datetime={new Date(m.createdAt).toISOString()}>{v.when(m.createdAt)}</time>
      {fresh ? (
        <>
          {' '}
          <span class="badge">{v.t(`${K}.new`)}</span>
        </>
      ) : null}
    </span>
    {/* written in whatever language its writer uses: let the browser find its direction */}
    <span dir="auto">{m.body}</span>
    <span class="meta">{v.t(`${K}.state.${m.delivery}`)}</span>
  </li>
);

/** The agency's crisis resources, each a link to call or text it: plain links, no script needed. */
const CrisisHelp: FC<{ v: View; lines: ResourceLine[] }> = ({ v, lines }) => (
  <section class="notice error" role="alert" aria-labelledby="help-heading">
    <h2 id="help-heading">{v.t('crisis.portal.heading')}</h2>
    <p>{v.t('crisis.portal.intro')}</p>
    <ul class="cards">
      {lines.map((l) => (
        <li>
          <strong>{l.name}</strong>
          <div class="actions">
            {l.how !== 'text' ? (
              <a class="button" href={`tel:${l.dial}`}>
                {v.t('crisis.portal.call', { number: l.number })}
              </a>
            ) : null}
            {l.how !== 'call' ? (
              <a class="button secondary" href={`sms:${l.dial}`}>
                {v.t('crisis.portal.text', { number: l.number })}
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  </section>
);

/** The conversation with the caseworker, newest last, and the form to write to them. */
export const MessagesPage: FC<MessagesPageProps> = ({ v, messages, previousReadAt, nonce, done, body, error, help }) => {
  const hint = v.t(`${K}.body_hint`);
  return (
    <Layout v={v} title={v.t(`${K}.title`)}>
      {help && help.length > 0 ? <CrisisHelp v={v} lines={help} /> : null}
      {done ? <Notice kind="ok">{v.t(`portal.done.${done}`)}</Notice> : null}
      <p>{v.t(`${K}.intro`)}</p>
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{v.t(`${K}.thread_heading`)}</h2>
        {messages.length === 0 ? (
          <p>{v.t(`${K}.empty`)}</p>
        ) : (
          <>
            <p>
              <a href="#write">{v.t(`${K}.jump_to_form`)}</a>
            </p>
            <ol class="thread">
              {messages.map((m) => (
                <Message v={v} m={m} fresh={isUnreadByClient(m, previousReadAt)} />
              ))}
            </ol>
          </>
        )}
      </section>
      <section aria-labelledby="write">
        <h2 id="write" tabindex={-1}>
          {v.t(`${K}.form_heading`)}
        </h2>
        <PostForm v={v} action="/messages">
          <input type="hidden" name="nonce" value={nonce} />
          <Field id="body" label={v.t(`${K}.body_label`)} hint={hint} error={error}>
            <textarea
              id="body"
              name="body"
              rows={5}
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy('body', hint, error)}
            >
              {body ?? ''}
            </textarea>
          </Field>
          <button type="submit">{v.t(`${K}.send`)}</button>
        </PostForm>
      </section>
    </Layout>
  );
};
