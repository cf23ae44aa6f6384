import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { classRow, enrollmentRow, insert, sessionRow, world, type World } from '../../../test/support/fixtures.ts';
import { HOUR, MINUTE } from '../../domain/time.ts';
import { checkInByText } from './check-in-by-text.ts';

let core: TestCore;
let w: World;
const now = Date.parse('2026-03-02T15:00:00Z');

beforeEach(async () => {
  core = await makeCore(now);
  w = await world(core);
  const parenting = classRow(core, w.agency.id);
  const open = sessionRow(core, parenting, { startsAt: now + 10 * MINUTE, endsAt: now + 2 * HOUR, checkinCode: 'K7P2Q' });
  await insert(core, core.store.classes.insertSeries(parenting), core.store.classes.insertSession(open), core.store.classes.insertEnrollment(enrollmentRow(core, parenting, w.alice)));
});

const text = (body: string) => checkInByText(core, w.asAlice, { clientId: w.alice.id, text: body });

describe('a texted check-in code', () => {
  it('checks in while a session of the client’s is open', async () => {
    expect(await text(' k7p2q ')).toMatchObject({ already: false });
  });

  it('is a message otherwise: not code-like, not theirs, or no session open', async () => {
    expect(await text('see you at the class')).toBeNull();
    expect(await text('ZZZZZ')).toBeNull();
    core.clock.advance(3 * HOUR);
    expect(await text('K7P2Q')).toBeNull();
  });
});
