import { Hono, type Context } from 'hono';
import { getDocumentFile } from '../../src/usecases/documents/get-document-file.ts';
import { listDocumentRequests } from '../../src/usecases/documents/list-document-requests.ts';
import { limitInMb, uploadDocument } from '../../src/usecases/documents/upload-document.ts';
import { loadSettings } from '../../src/usecases/shared/settings.ts';
import { clientOf, refusalText } from '../actor.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PortalDeps, PortalEnv } from '../deps.ts';
import { UPLOAD_MAX_BYTES } from '../middleware/body-size/index.ts';
import { requireClient } from '../middleware/require-client.ts';
import { DocumentsPage, type UploadError } from '../pages/documents.tsx';
import { notFound } from '../pages/not-found.tsx';
import { viewOf } from '../view.ts';

const DONE = new Set(['uploaded']);
/** The file part of an upload may use what the body limit leaves after the multipart envelope. */
const PORTAL_FILE_MAX = UPLOAD_MAX_BYTES - 64 * 1024;

/** The first non-empty file among the form's file fields ("file", then the camera's "photo"). */
const pickFile = (body: Record<string, unknown>): File | null => {
  for (const name of ['file', 'photo']) {
    const value = body[name];
    if (value instanceof File && value.size > 0) return value;
  }
  return null;
};

/** A download name that says nothing about the client or the request: `document-2026-03-02.pdf`. */
const neutralName = (uploadedAt: number, timeZone: string, fileName: string): string => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(uploadedAt),
  );
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).replace(/[^a-z0-9]/g, '');
  return `document-${day}.${ext}`;
};

/** Documents: what the caseworker asked for, uploads from files or the camera, downloads of one's own files. */
export const documentsRoutes = (deps: PortalDeps) => {
  const app = new Hono<PortalEnv>();
  app.use('/documents', requireClient());
  app.use('/documents/*', requireClient());

  const page = async (
    c: Context<PortalEnv>,
    extra: { done?: string | undefined; uploadError?: UploadError },
    status: 200 | 400 | 413 = 200,
  ) => {
    const { client, actor } = clientOf(c);
    const r = await listDocumentRequests(deps.core, actor, { clientId: client.id });
    if (!r.ok) return notFound(c, deps);
    const settings = await loadSettings(deps.core, actor.agencyId);
    const maxMb = limitInMb(Math.min(settings.uploadMaxBytes, PORTAL_FILE_MAX));
    return c.html(<DocumentsPage v={viewOf(c, deps)} requests={r.value} maxMb={maxMb} {...extra} />, status);
  };

  app.get('/documents', (c) => {
    const done = c.req.query('done');
    return page(c, { done: done && DONE.has(done) ? done : undefined });
  });

  app.post('/documents/:requestId/upload', async (c) => {
    const { client, actor } = clientOf(c);
    const requestId = c.req.param('requestId');
    const file = pickFile(await c.req.parseBody());
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    const r = await uploadDocument(deps.core, actor, { clientId: client.id, requestId, bytes, channel: 'portal' });
    if (r.ok) return c.redirect('/documents?done=uploaded', 303);
    if (r.code === 'not_found') return notFound(c, deps);
    const message = refusalText(viewOf(c, deps).t, r);
    return page(c, { uploadError: { requestId, message } }, r.code === 'too_large' ? 413 : 400);
  });

  app.get('/documents/files/:documentId', async (c) => {
    const { client, actor } = clientOf(c);
    const r = await getDocumentFile(deps.core, actor, { clientId: client.id, documentId: c.req.param('documentId') });
    if (!r.ok && r.code === 'not_found') return notFound(c, deps);
    if (!r.ok) {
      const v = viewOf(c, deps);
      return c.html(
        <Layout v={v} title={v.t('portal.documents.title')}>
          <Notice kind="error">{v.t('portal.documents.download_failed')}</Notice>
          <p>
            <a href="/documents">{v.t('portal.documents.title')}</a>
          </p>
        </Layout>,
        503,
      );
    }
    const f = r.value;
    return c.body(new Uint8Array(f.bytes), 200, {
      'content-type': f.type,
      'content-length': String(f.size),
      'content-disposition': `attachment; filename="${neutralName(f.uploadedAt, client.timeZone, f.fileName)}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  return app;
};
