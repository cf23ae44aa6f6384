import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../test/support/core.ts';
import { channelRow, clientRow, documentRequestRow, insert, world, type World } from '../../../../test/support/fixtures.ts';
import { floorMinute } from '../../../domain/quiet-hours.ts';
import { parseAgencySettings } from '../../../domain/settings.ts';
import { DAY, HOUR } from '../../../domain/time.ts';
import type { Client, DocumentRequest } from '../../../domain/types.ts';
import { currentDocumentMoment, runDocumentReminders } from './document-reminders.ts';

let core: TestCore;
let w: World;

// Monday 2 March 2026; a pay stub due Tuesday 10 March, 17:00 in New York (after the change to EDT).
const DUE = Date.parse('2026-03-10T21:00:00Z');
const at = (iso: string) => Date.parse(iso);

beforeEach(async () => {
  core = await makeCore('2026-03-02T15:00:00Z');
  w = await world(core);
});

const addRequest = async (over: Partial<DocumentRequest> = {}, client: Client = w.alice) => {
  const r = documentRequestRow(core, client, { dueAt: DUE, ...over });
  await insert(core, core.store.documents.insertRequest(r));
  return r;
};
const tick = (iso: string) => {
  core.clock.set(iso);
  return runDocumentReminders(core, { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: floorMinute(core.clock.now()) });
};
const outbox = () => core.store.outbox.list(w.scope);

describe('the moments of a document request', () => {
  const rules = { documentReminderDaysBefore: 3, documentOverdueEveryDays: 7 };
  const moment = (now: string) => currentDocumentMoment(DUE, 'America/New_York', rules, at(now));

  it('09:00 on the client’s clock: 3 days before, on the day, then weekly while overdue', () => {
    expect(moment('2026-03-02T15:00:00Z')).toMatchObject({ offsetKey: `due-3d@${DUE}`, stage: 'before', nominal: at('2026-03-07T14:00:00Z') });
    expect(moment('2026-03-10T12:59:00Z')).toMatchObject({ offsetKey: `due-3d@${DUE}` });
    expect(moment('2026-03-10T13:00:00Z')).toMatchObject({ offsetKey: `due@${DUE}`, stage: 'due', eventAt: at('2026-03-11T04:00:00Z') });
    expect(moment('2026-03-17T12:59:00Z')).toMatchObject({ offsetKey: `due@${DUE}` });
    expect(moment('2026-03-17T13:00:00Z')).toMatchObject({ offsetKey: `overdue-1@${DUE}`, stage: 'overdue' });
    expect(moment('2026-03-30T13:00:00Z')).toMatchObject({ offsetKey: `overdue-2@${DUE}`, nominal: at('2026-03-24T13:00:00Z') });
  });
});

describe('document reminders', () => {
  it('queues each moment once, with the words for its stage', async () => {
    const r = await addRequest();
    expect(await tick('2026-03-07T13:59:00Z')).toBe(0);
    expect(await tick('2026-03-07T14:00:00Z')).toBe(1);
    expect(await tick('2026-03-07T14:01:00Z')).toBe(0);
    // Once a moment is recorded the request is not even read until the next one can come.
    core.clock.set('2026-03-08T14:00:00Z');
    const scan = { dueBefore: core.clock.now() + 4 * DAY, beforeSince: core.clock.now() - (3 * DAY - 2 * HOUR), laterSince: 0 };
    expect(await core.store.reminderScan.documentRequests(w.scope, scan)).toEqual([]);
    expect(await tick('2026-03-10T12:59:00Z')).toBe(0);
    expect(await tick('2026-03-10T13:00:00Z')).toBe(1);
    expect(await tick('2026-03-16T13:00:00Z')).toBe(0);
    expect(await tick('2026-03-17T13:00:00Z')).toBe(1);
    expect(await tick('2026-03-24T13:00:00Z')).toBe(1);
    const rows = (await outbox()).reverse(); // oldest first
    expect(rows.map((o) => [o.idempotencyKey, o.template])).toEqual([
      [`rem:document:${r.id}:due-3d@${DUE}:sms`, 'reminder.document.before.sms'],
      [`rem:document:${r.id}:due@${DUE}:sms`, 'reminder.document.due.sms'],
      [`rem:document:${r.id}:overdue-1@${DUE}:sms`, 'reminder.document.overdue.sms'],
      [`rem:document:${r.id}:overdue-2@${DUE}:sms`, 'reminder.document.overdue.sms'],
    ]);
    expect(rows[0]!.text).toBe('Reminder: please send Pay stub by Tue, Mar 10. Send a photo of it in reply to this text.');
    expect(JSON.parse(rows[0]!.payload).actions).toEqual([{ kind: 'send_document', requestId: r.id, label: 'Send a file for this' }]);
  });

  it('stops once the file is sent, goes on for a rejected one, and ignores requests without a due date', async () => {
    const sent = await addRequest();
    const rejected = await addRequest({ status: 'rejected', rejectionReason: 'Blurry' });
    await addRequest({ dueAt: null });
    await insert(core, core.store.documents.updateRequest(w.scope, sent.id, 1, { status: 'uploaded' }, core.clock.now()));
    expect(await tick('2026-03-07T14:00:00Z')).toBe(1);
    expect((await outbox()).map((o) => o.idempotencyKey)).toEqual([`rem:document:${rejected.id}:due-3d@${DUE}:sms`]);
  });

  it('after downtime, records a missed moment as skipped (late) and sends the next one', async () => {
    const r = await addRequest();
    expect(await tick('2026-03-07T15:00:00Z')).toBe(1);
    expect(await core.store.reminders.listForClient(w.scope, w.alice.id)).toMatchObject([
      { subjectId: r.id, offsetKey: `due-3d@${DUE}`, status: 'skipped', reason: 'late' },
    ]);
    expect(await tick('2026-03-10T13:00:00Z')).toBe(1);
    expect((await outbox()).map((o) => o.template)).toEqual(['reminder.document.due.sms']);
  });

  it('is neutral for a client who asked, and offers the button in Telegram', async () => {
    const c = clientRow(core, w.agency.id, { neutralWording: true, preferredChannel: 'telegram' });
    await insert(core, core.store.clients.insert(c), core.store.channels.insert(channelRow(core, c, { kind: 'telegram', address: '777' })));
    const r = await addRequest({ kind: 'Probation officer letter' }, c);
    await tick('2026-03-07T14:00:00Z');
    const [row] = await outbox();
    expect(row).toMatchObject({ channel: 'telegram', toAddress: '777', template: 'reminder.document.before.telegram_neutral' });
    expect(row!.text).toBe('Reminder: a file is needed by Tue, Mar 10.');
    expect(JSON.parse(row!.payload).actions).toEqual([{ kind: 'send_document', requestId: r.id, label: 'Send a file for this' }]);
  });

  it('queues one reminder when two runs go at once', async () => {
    await addRequest();
    core.clock.set('2026-03-07T14:00:00Z');
    const ctx = { agency: w.agency, settings: parseAgencySettings(w.agency.settings), now: core.clock.now() };
    await Promise.all([runDocumentReminders(core, ctx), runDocumentReminders(core, ctx)]);
    expect(await outbox()).toHaveLength(1);
    expect(await tick('2026-03-07T14:00:00Z')).toBe(0);
  });
});
