// GET /staff/files?…: the file behind a Slack card's "View file" link (staff-file-link.ts).
import { Hono } from 'hono';
import { readStaffFileLink, STAFF_FILE_PATH } from '../../usecases/documents/staff-file-link.ts';
import { getDocumentFile } from '../../usecases/documents/get-document-file.ts';
import type { AppEnv, HttpDeps } from '../deps.ts';

export const staffFileRoutes = (deps: HttpDeps & { linkSecret: string }, agencyId: () => Promise<string | null>) => {
  const app = new Hono<AppEnv>();
  app.get(STAFF_FILE_PATH, async (c) => {
    const t = (key: string) => deps.core.t(c.get('locale') ?? 'en', key);
    const ref = await readStaffFileLink(deps.linkSecret, new URL(c.req.url).searchParams, deps.core.clock.now());
    // Expired, changed or made up: the same answer, and nothing read.
    if (!ref) return c.text(t('http.link_expired'), 403);
    const agency = await agencyId();
    const staff = agency ? await deps.core.store.staff.get({ agencyId: agency }, ref.staffId) : null;
    if (!agency || !staff?.active) return c.text(t('http.link_expired'), 403);
    const file = await getDocumentFile(deps.core, { type: 'staff', agencyId: agency, staffId: staff.id, door: 'slack' }, ref);
    if (!file.ok) return c.text(t('http.not_found'), 404);
    return c.body(file.value.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.value.type,
      'content-disposition': `inline; filename="${file.value.fileName}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
  });
  return app;
};
