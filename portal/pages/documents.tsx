import type { FC } from 'hono/jsx';
import type { DocumentRequestView } from '../../src/usecases/documents/list-document-requests.ts';
import { Field, Notice, PostForm, describedBy } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { View } from '../view.ts';

const K = 'portal.documents';

/** A refusal of an upload, shown on that request's file field. */
export interface UploadError {
  requestId: string;
  message: string;
}

export interface DocumentsPageProps {
  v: View;
  requests: DocumentRequestView[];
  /** the largest file the agency takes, in MB as the client reads it */
  maxMb: number;
  done?: string | undefined;
  uploadError?: UploadError | undefined;
}

const TYPE_KEYS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/webp': 'webp',
};

const STATUS_BADGE: Record<DocumentRequestView['status'], string> = {
  requested: 'badge',
  uploaded: 'badge',
  accepted: 'badge ok',
  rejected: 'badge warn',
};

const UploadForm: FC<{ v: View; r: DocumentRequestView; n: number; maxMb: number; error?: string | undefined }> = ({
  v,
  r,
  n,
  maxMb,
  error,
}) => {
  const replace = r.status !== 'requested';
  const hint = v.t(`${K}.file_hint`, { maxMb });
  const fileId = `file-${n}`;
  const photoId = `photo-${n}`;
  return (
    <PostForm v={v} action={`/documents/${r.id}/upload`} multipart>
      <fieldset>
        <legend>{v.t(replace ? `${K}.resend_legend` : `${K}.send_legend`)}</legend>
        <Field id={fileId} label={v.t(`${K}.file_label`)} hint={hint} error={error}>
          <input
            id={fileId}
            name="file"
            type="file"
            accept="image/*,application/pdf"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(fileId, hint, error)}
          />
        </Field>
        <Field id={photoId} label={v.t(`${K}.photo_label`)}>
          <input
            id={photoId}
            name="photo"
            type="file"
            accept="image/*"
            capture="environment"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${fileId}-error` : undefined}
          />
        </Field>
        <button type="submit">{v.t(replace ? `${K}.send_new` : `${K}.send`)}</button>
      </fieldset>
    </PostForm>
  );
};

const RequestCard: FC<{ v: View; r: DocumentRequestView; n: number; maxMb: number; error?: string | undefined }> = ({
  v,
  r,
  n,
  maxMb,
  error,
}) => (
  <li class="card">
    <h3>{r.kind}</h3>
    <p>
      <span class={STATUS_BADGE[r.status]}>{v.t(`${K}.status.${r.status}`)}</span>{' '}
      {r.overdue ? <span class="badge warn">{v.t(`${K}.overdue`)}</span> : null}
    </p>
    {r.note ? <p>{r.note}</p> : null}
    <p class="meta">{r.dueAt != null ? v.t(`${K}.due`, { date: v.date(r.dueAt) }) : v.t(`${K}.no_due`)}</p>
    {r.rejectionReason ? (
      <div class="notice error">
        <p>
          <strong>{v.t(`${K}.rejection_reason`)}</strong> {r.rejectionReason}
        </p>
      </div>
    ) : null}
    {r.latestFile ? (
      <p>
        {v.t(`${K}.latest_file`, {
          type: v.t(`${K}.type.${TYPE_KEYS[r.latestFile.type] ?? 'other'}`),
          size: v.size(r.latestFile.size),
          date: v.date(r.latestFile.uploadedAt),
        })}{' '}
        <a href={`/documents/files/${r.latestFile.documentId}`}>{v.t(`${K}.download`)}</a>
      </p>
    ) : null}
    {r.open ? <UploadForm v={v} r={r} n={n} maxMb={maxMb} error={error} /> : null}
  </li>
);

/** What the caseworker asked for, with a way to send each file; accepted ones after. */
export const DocumentsPage: FC<DocumentsPageProps> = ({ v, requests, maxMb, done, uploadError }) => {
  const open = requests.filter((r) => r.open);
  const accepted = requests.filter((r) => !r.open);
  // A refusal for a request with no form any more (accepted meanwhile) is shown at the top.
  const onForm = uploadError && open.some((r) => r.id === uploadError.requestId);
  const card = (r: DocumentRequestView, i: number) => (
    <RequestCard v={v} r={r} n={i + 1} maxMb={maxMb} error={onForm && uploadError?.requestId === r.id ? uploadError.message : undefined} />
  );
  return (
    <Layout v={v} title={v.t(`${K}.title`)}>
      {done ? <Notice kind="ok">{v.t(`portal.done.${done}`)}</Notice> : null}
      {uploadError && !onForm ? <Notice kind="error">{uploadError.message}</Notice> : null}
      <h2>{v.t(`${K}.open_heading`)}</h2>
      {open.length === 0 ? <p>{v.t(`${K}.none_open`)}</p> : <ul class="cards">{open.map(card)}</ul>}
      {accepted.length > 0 ? (
        <>
          <h2>{v.t(`${K}.accepted_heading`)}</h2>
          <ul class="cards">{accepted.map((r, i) => card(r, open.length + i))}</ul>
        </>
      ) : null}
    </Layout>
  );
};
