import type { FC, PropsWithChildren } from 'hono/jsx';
import type { View } from '../view.ts';

export const CsrfField: FC<{ v: View }> = ({ v }) => <input type="hidden" name="_csrf" value={v.csrf} />;

/** A form that changes something: POST, with the CSRF token. */
export const PostForm: FC<PropsWithChildren<{ v: View; action: string; class?: string; multipart?: boolean }>> = ({
  v,
  action,
  children,
  multipart,
  ...rest
}) => (
  <form method="post" action={action} class={rest.class} enctype={multipart ? 'multipart/form-data' : undefined}>
    <CsrfField v={v} />
    {children}
  </form>
);

/** A labelled field whose error, if any, is tied to it for screen readers. */
export const Field: FC<
  PropsWithChildren<{ id: string; label: string; hint?: string | undefined; error?: string | undefined }>
> = ({ id, label, hint, error, children }) => (
  <div class={error ? 'field invalid' : 'field'}>
    <label for={id}>{label}</label>
    {hint ? (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="error" id={`${id}-error`}>
        {error}
      </p>
    ) : null}
    {children}
  </div>
);

/** `aria-describedby` for a field's input, pointing at its hint and error. */
export const describedBy = (id: string, hint?: string, error?: string): string | undefined =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A message at the top of a page: a status (polite) or an alert (assertive). */
export const Notice: FC<PropsWithChildren<{ kind: 'ok' | 'error' | 'info' }>> = ({ kind, children }) => (
  <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
    {children}
  </div>
);
