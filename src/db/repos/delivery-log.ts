import { eq } from 'drizzle-orm';
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
});
