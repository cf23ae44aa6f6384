import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DocumentRepo } from '../../ports/store.ts';
import { versionGuard } from '../guard.ts';
import { documentRequests, documents } from '../schema.ts';
import { write, type Db } from '../types.ts';

export const documentRepo = (db: Db): DocumentRepo => ({
  async getRequestForClient(s, clientId, id) {
    return (
      (await db
        .select()
        .from(documentRequests)
        .where(
          and(eq(documentRequests.agencyId, s.agencyId), eq(documentRequests.clientId, clientId), eq(documentRequests.id, id)),
        )
        .get()) ?? null
    );
  },
  async getRequest(s, id) {
    return (
      (await db
        .select()
        .from(documentRequests)
        .where(and(eq(documentRequests.agencyId, s.agencyId), eq(documentRequests.id, id)))
        .get()) ?? null
    );
  },
  async listRequestsForClient(s, clientId) {
    return db
      .select()
      .from(documentRequests)
      .where(and(eq(documentRequests.agencyId, s.agencyId), eq(documentRequests.clientId, clientId)))
      .orderBy(asc(documentRequests.dueAt), asc(documentRequests.createdAt))
      .all();
  },
  async latestForRequest(s, requestId) {
    return (
      (await db
        .select()
        .from(documents)
        .where(and(eq(documents.agencyId, s.agencyId), eq(documents.requestId, requestId)))
        .orderBy(desc(documents.createdAt), desc(sql`rowid`))
        .limit(1)
        .get()) ?? null
    );
  },
  async listForClient(s, clientId) {
    return db
      .select()
      .from(documents)
      .where(and(eq(documents.agencyId, s.agencyId), eq(documents.clientId, clientId)))
      .orderBy(asc(documents.createdAt), asc(sql`rowid`))
      .all();
  },
  async getDocumentForClient(s, clientId, id) {
    return (
      (await db
        .select()
        .from(documents)
        .where(and(eq(documents.agencyId, s.agencyId), eq(documents.clientId, clientId), eq(documents.id, id)))
        .get()) ?? null
    );
  },
  insertRequest: (row) => write(db.insert(documentRequests).values(row)),
  updateRequest: (s, id, expectVersion, patch, now) =>
    write(
      versionGuard(db, documentRequests, id, expectVersion),
      db
        .update(documentRequests)
        .set({ ...patch, version: expectVersion + 1, updatedAt: now })
        .where(
          and(eq(documentRequests.agencyId, s.agencyId), eq(documentRequests.id, id), eq(documentRequests.version, expectVersion)),
        ),
    ),
  insertDocument: (row) => write(db.insert(documents).values(row)),
});
