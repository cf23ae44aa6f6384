import { and, asc, eq, sql } from 'drizzle-orm';
import type { AgencyRepo, ChannelRepo, ClientRepo, ProviderRepo, StaffRepo, AvailabilityRepo } from '../../ports/store.ts';
import { agencies, availability, clientChannels, clients, providers, staff } from '../schema.ts';
import { itemsOf, write, type Db } from '../types.ts';
import { conditionGuard } from '../guard.ts';

export const agencyRepo = (db: Db): AgencyRepo => ({
  async get(id) {
    return (await db.select().from(agencies).where(eq(agencies.id, id)).get()) ?? null;
  },
  async list() {
    return db.select().from(agencies).orderBy(asc(agencies.createdAt)).all();
  },
  insert: (row) => write(db.insert(agencies).values(row)),
  updateSettings: (id, settings) => write(db.update(agencies).set({ settings }).where(eq(agencies.id, id))),
});

export const staffRepo = (db: Db): StaffRepo => ({
  async get(s, id) {
    return (await db.select().from(staff).where(and(eq(staff.agencyId, s.agencyId), eq(staff.id, id))).get()) ?? null;
  },
  async list(s) {
    return db.select().from(staff).where(eq(staff.agencyId, s.agencyId)).orderBy(asc(staff.name)).all();
  },
  async findBySlackUser(s, slackUserId) {
    if (!slackUserId) return null;
    return (
      (await db
        .select()
        .from(staff)
        .where(and(eq(staff.agencyId, s.agencyId), eq(staff.slackUserId, slackUserId), eq(staff.active, true)))
        .get()) ?? null
    );
  },
  async findByEmail(s, email) {
    const wanted = email.trim().toLowerCase();
    if (!wanted) return null;
    return (
      (await db
        .select()
        .from(staff)
        .where(and(eq(staff.agencyId, s.agencyId), sql`lower(${staff.email}) = ${wanted}`))
        .orderBy(asc(staff.createdAt))
        .get()) ?? null
    );
  },
  insert: (row) => write(db.insert(staff).values(row)),
  update: (s, id, patch) => write(db.update(staff).set(patch).where(and(eq(staff.agencyId, s.agencyId), eq(staff.id, id)))),
});

export const clientRepo = (db: Db): ClientRepo => ({
  async get(s, id) {
    return (await db.select().from(clients).where(and(eq(clients.agencyId, s.agencyId), eq(clients.id, id))).get()) ?? null;
  },
  async getByExternalRef(s, ref) {
    return (
      (await db
        .select()
        .from(clients)
        .where(and(eq(clients.agencyId, s.agencyId), eq(clients.externalRef, ref)))
        .get()) ?? null
    );
  },
  async list(s) {
    return db.select().from(clients).where(eq(clients.agencyId, s.agencyId)).orderBy(asc(clients.displayName)).all();
  },
  insert: (row) => write(db.insert(clients).values(row)),
  update: (s, id, patch) =>
    write(
      db
        .update(clients)
        .set(patch)
        .where(and(eq(clients.agencyId, s.agencyId), eq(clients.id, id))),
    ),
  setPaused: (s, id, pause) => {
    // The change applies only from the opposite state: two pause words at the same instant, or a
    // resume racing a pause, make the later commit a `conflict` instead of doing it twice.
    const from = pause.pausedAt === null ? sql`paused_at IS NOT NULL` : sql`paused_at IS NULL`;
    const guard = conditionGuard(db, 'client_pause_state', sql`SELECT count(*) FROM ${clients} WHERE agency_id = ${s.agencyId} AND id = ${id} AND ${from}`);
    return write(
      ...itemsOf(guard),
      db
        .update(clients)
        .set(pause)
        .where(and(eq(clients.agencyId, s.agencyId), eq(clients.id, id))),
    );
  },
});

export const channelRepo = (db: Db): ChannelRepo => ({
  async listForClient(s, clientId) {
    return db
      .select()
      .from(clientChannels)
      .where(and(eq(clientChannels.agencyId, s.agencyId), eq(clientChannels.clientId, clientId)))
      .orderBy(asc(clientChannels.createdAt))
      .all();
  },
  async findByAddress(s, kind, address) {
    return (
      (await db
        .select()
        .from(clientChannels)
        .where(
          and(eq(clientChannels.agencyId, s.agencyId), eq(clientChannels.kind, kind), eq(clientChannels.address, address)),
        )
        .get()) ?? null
    );
  },
  insert: (row) => write(db.insert(clientChannels).values(row)),
  setConsent: (s, clientId, channelId, patch) =>
    write(
      db
        .update(clientChannels)
        .set(patch)
        .where(
          and(eq(clientChannels.agencyId, s.agencyId), eq(clientChannels.clientId, clientId), eq(clientChannels.id, channelId)),
        ),
    ),
  relink: (s, clientId, channelId, patch) =>
    write(
      db
        .update(clientChannels)
        .set(patch)
        .where(
          and(eq(clientChannels.agencyId, s.agencyId), eq(clientChannels.clientId, clientId), eq(clientChannels.id, channelId)),
        ),
    ),
});

export const providerRepo = (db: Db): ProviderRepo => ({
  async get(s, id) {
    return (
      (await db
        .select()
        .from(providers)
        .where(and(eq(providers.agencyId, s.agencyId), eq(providers.id, id)))
        .get()) ?? null
    );
  },
  async list(s) {
    return db.select().from(providers).where(eq(providers.agencyId, s.agencyId)).orderBy(asc(providers.name)).all();
  },
  insert: (row) => write(db.insert(providers).values(row)),
});

export const availabilityRepo = (db: Db): AvailabilityRepo => ({
  async listForStaff(s, staffId) {
    return db
      .select()
      .from(availability)
      .where(and(eq(availability.agencyId, s.agencyId), eq(availability.staffId, staffId)))
      .orderBy(asc(availability.weekday), asc(availability.startMinute))
      .all();
  },
  insert: (row) => write(db.insert(availability).values(row)),
});
