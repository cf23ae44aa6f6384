// The Worker's Cron Trigger, inside workerd against D1: the `scheduled` handler runs the same
// scheduler use case as the Node server, at the event's own time.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker, { type Env } from '../../src/entry/worker.ts';
import { makeCore } from '../support/core.ts';
import { appointmentRow, insert, world } from '../support/fixtures.ts';

describe('the Worker’s scheduled handler', () => {
  it('queues the reminders that a minute brings, once, however often the cron fires', async () => {
    const core = await makeCore('2026-03-02T15:00:00Z');
    const w = await world(core);
    const startsAt = Date.parse('2026-03-03T15:00:00Z'); // 10:00 tomorrow in New York
    await insert(core, core.store.appointments.insert(appointmentRow(core, w.alice, { startsAt })));
    const bindings = { ...(env as unknown as Env), DB: (env as unknown as Env).DB } as Env;
    const fire = async () => {
      const pending: Promise<unknown>[] = [];
      const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException: () => {}, props: {} };
      const controller = { scheduledTime: Date.parse('2026-03-02T15:00:20Z'), cron: '* * * * *', noRetry: () => {} };
      await worker.scheduled(controller as never, bindings, ctx as never);
      await Promise.all(pending);
    };
    await fire();
    await fire();
    const reminders = (await core.store.outbox.list(w.scope)).filter((o) => o.template.startsWith('reminder.appointment'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ channel: 'sms', toAddress: '+15555550101', clientId: w.alice.id });
  });
});
