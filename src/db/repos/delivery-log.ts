import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DeliveryLogRepo } from '../../ports/delivery-log.ts';
import { channelDeliveries } from '../schema.ts';
import type { Db } from '../types.ts';

export const deliveryLogRepo = (db: Db): DeliveryLogRepo => ({
  async find(idempotencyKey) {
    const row = await db
      .select({ externalId: channelDeliveries.externalId })
      .from(channelDeliveries)
      .where(eq(channelDeliveries.idempotencyKey, idempotencyKey))
      .get();
    return row ?? null;
  },
  async record(row) {
    await db.insert(channelDeliveries).values(row).onConflictDoNothing().run();
  },
  async findByExternalId(channel, externalId) {
    const row = await db
      .select({ idempotencyKey: channelDeliveries.idempotencyKey, providerStatus: channelDeliveries.providerStatus })
      .from(channelDeliveries)
      .where(and(eq(channelDeliveries.channel, channel), eq(channelDeliveries.externalId, externalId)))
      .get();
    return row ?? null;
  },
  async setProviderStatus(channel, externalId, u) {
    const older = u.replaces.length > 0 ? or(isNull(channelDeliveries.providerStatus), inArray(channelDeliveries.providerStatus, [...u.replaces])) : isNull(channelDeliveries.providerStatus);
    // One conditional UPDATE: two callbacks racing cannot move the status back.
    const changed = await db
      .update(channelDeliveries)
      .set({ providerStatus: u.status, providerError: u.error, statusAt: u.at })
      .where(and(eq(channelDeliveries.channel, channel), eq(channelDeliveries.externalId, externalId), older))
      .returning({ key: channelDeliveries.idempotencyKey })
      .all();
    return changed.length > 0;
  },
});
