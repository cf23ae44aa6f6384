import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../test/support/core.ts';
import { world, type World } from '../../../test/support/fixtures.ts';
import type { Actor } from '../../domain/actor.ts';
import { getAgencySettings, setAgencySettings } from './agency-settings.ts';

let core: TestCore;
let w: World;
let admin: Actor;

beforeEach(async () => {
  core = await makeCore();
  w = await world(core);
  admin = { type: 'admin', agencyId: w.agency.id, adminId: 'os:ops', door: 'cli' };
});

describe('agency settings', () => {
  it('reads the rules in force, defaults filled in', async () => {
    const r = await getAgencySettings(core, admin);
    expect(r.ok && r.value).toMatchObject({ reminderOffsetsMinutes: [1440, 120], quietHoursStart: 1260, crisisEscalationMinutes: 10 });
  });

  it('changes the fields given, keeps the others', async () => {
    const r = await setAgencySettings(core, admin, { reminderOffsetsMinutes: [2880, 60], crisisEscalationMinutes: 5 });
    expect(r.ok && r.value).toMatchObject({ reminderOffsetsMinutes: [2880, 60], crisisEscalationMinutes: 5, quietHoursEnd: 480 });
    const again = await getAgencySettings(core, admin);
    expect(again.ok && again.value.reminderOffsetsMinutes).toEqual([2880, 60]);
  });

  it('names every wrong or unknown field and changes nothing', async () => {
    const r = await setAgencySettings(core, admin, { quietHoursStart: 5000, crisisResources: [], remindMe: true });
    expect(r).toMatchObject({ ok: false, code: 'invalid_settings' });
    const fields = !r.ok ? String(r.detail?.fields) : '';
    for (const f of ['quietHoursStart', 'crisisResources', 'remindMe']) expect(fields).toContain(f);
    const now = await getAgencySettings(core, admin);
    expect(now.ok && now.value.quietHoursStart).toBe(1260);
    expect(await setAgencySettings(core, admin, [1, 2])).toMatchObject({ ok: false, code: 'invalid_settings' });
  });

  it('is for admins only', async () => {
    expect(await setAgencySettings(core, w.asStaff, { dailyDigest: false })).toEqual({ ok: false, code: 'forbidden' });
    expect(await getAgencySettings(core, w.asAlice)).toEqual({ ok: false, code: 'forbidden' });
  });
});
