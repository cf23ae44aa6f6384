// A reminder by text, end to end: the scheduler queues it, the delivery worker sends it through
// the (fake) Twilio API, and the client's "1" then confirms that very appointment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { appointmentRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { startSms, type SmsHarness } from '../../test/support/sms.ts';
import { runScheduler } from '../../src/usecases/scheduler/run-scheduler.ts';

const ALICE = '+15555550101';
const TUESDAY_10 = Date.parse('2026-03-03T15:00:00Z'); // 10:00 in New York
let core: TestCore;
let w: World;
let sms: SmsHarness;

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
  sms = await startSms(core, w);
});
afterEach(() => sms.api.close());

describe('an appointment reminder by SMS', () => {
  it('arrives a day before with numbered answers, and "1" confirms that appointment', async () => {
    const a = appointmentRow(core, w.alice, { startsAt: TUESDAY_10 });
    await insert(core, core.store.appointments.insert(a));
    expect((await runScheduler(core, core.clock.now())).failed).toEqual([]);
    await sms.work();
    const [reminder] = sms.received(ALICE);
    expect(reminder).toContain('Reply 1 to confirm, 2 for a new time, 3 to cancel');
    await sms.text(ALICE, '1');
    expect((await core.store.appointments.get(w.scope, a.id))?.status).toBe('confirmed');
    // and the scheduler running again sends nothing more for that moment
    await runScheduler(core, core.clock.now() + 30_000);
    await sms.work();
    expect(sms.received(ALICE).filter((t) => t.includes('Reply 1 to confirm'))).toHaveLength(1);
  });
});
