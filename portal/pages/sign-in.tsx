import type { FC } from 'hono/jsx';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

export const SignInPage: FC<{ v: View; phone?: string; error?: string | undefined }> = ({ v, phone, error }) => {
  const hint = v.t('portal.sign_in.phone_hint');
  return (
    <Layout v={v} title={v.t('portal.sign_in.title')}>
      <p>{v.t('portal.sign_in.intro')}</p>
      <PostForm v={v} action="/sign-in">
        <Field id="phone" label={v.t('portal.sign_in.phone_label')} hint={hint} error={error}>
          <input
            id="phone"
            name="phone"
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            required
            value={phone ?? ''}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy('phone', hint, error)}
          />
        </Field>
        <button type="submit">{v.t('portal.sign_in.send_code')}</button>
      </PostForm>
    </Layout>
  );
};

export const CodePage: FC<{ v: View; phone: string; error?: string | undefined }> = ({ v, phone, error }) => {
  const hint = v.t('portal.sign_in.code_hint');
  return (
    <Layout v={v} title={v.t('portal.sign_in.code_title')}>
      {error ? null : <Notice kind="info">{v.t('portal.sign_in.code_sent')}</Notice>}
      <PostForm v={v} action="/sign-in/code">
        <input type="hidden" name="phone" value={phone} />
        <Field id="code" label={v.t('portal.sign_in.code_label')} hint={hint} error={error}>
          <input
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,8}"
            maxlength={8}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy('code', hint, error)}
          />
        </Field>
        <button type="submit">{v.t('portal.sign_in.sign_in')}</button>
      </PostForm>
      <p>
        <a href="/sign-in">{v.t('portal.sign_in.new_code')}</a>
      </p>
    </Layout>
  );
};

export const InvitePage: FC<{ v: View; token: string; valid: boolean }> = ({ v, token, valid }) => (
  <Layout v={v} title={v.t('portal.invite.title')}>
    {valid ? (
      <>
        <p>{v.t('portal.invite.intro')}</p>
        <PostForm v={v} action={`/invite/${token}`}>
          <button type="submit">{v.t('portal.invite.continue')}</button>
        </PostForm>
      </>
    ) : (
      <>
        <Notice kind="error">{v.t('errors.invitation_invalid')}</Notice>
        <p>
          <a href="/sign-in">{v.t('portal.sign_in.title')}</a>
        </p>
      </>
    )}
  </Layout>
);
