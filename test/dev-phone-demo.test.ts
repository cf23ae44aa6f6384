// The "done when", as a person would do it: the real Node server (`start`, as `npm start`
// runs it) with its demo data, a demo client texting on /dev/phone, the replies read back from the
// dev outbox. Every text goes through the signed Twilio webhook, the inbox and the delivery worker.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.ts';
import { openLibsql } from '../src/db/libsql.ts';
import { start } from '../src/entry/node.ts';
import { createTranslator } from '../src/i18n/translator.ts';
import { freePort } from './support/net.ts';

const t = createTranslator();
const ALEX = '+15555550101'; // English
const MARIA = '+15555550102'; // Spanish, neutral wording

/** A template as a pattern: its placeholders match anything. */
const shape = (locale: string, key: string) => {
  const file = JSON.parse(readFileSync(join(import.meta.dirname, `../locales/${locale}/translation.json`), 'utf8')) as Record<string, unknown>;
  const raw = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], file) as string;
  const escaped = raw.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`);
};

let base = '';
let running: Awaited<ReturnType<typeof start>>;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cb-phone-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  running = await start(loadConfig({ PORT: String(port), PUBLIC_URL: base, DATABASE_URL: `file:${join(dir, 'db.sqlite')}`, BLOB_DIR: join(dir, 'blobs'), DEMO: 'on', SCHEDULER: 'off' }));
}, 60_000);
afterAll(async () => {
  await running?.stop();
});

type Sent = { channel: string; to: string; text: string; createdAt: string };
const repliesTo = async (phone: string): Promise<string[]> => {
  const all = (await (await fetch(`${base}/dev/outbox.json`)).json()) as Sent[];
  return all.filter((m) => m.channel === 'sms' && m.to === phone).reverse().map((m) => m.text);
};

/** Texts as the person on /dev/phone would, and waits for the replies it causes (0 = none expected). */
const text = async (phone: string, body: string, opts: { photo?: boolean; replies?: number } = {}): Promise<string[]> => {
  const before = (await repliesTo(phone)).length;
  const form = new URLSearchParams({ number: phone, body, ...(opts.photo ? { photo: '1' } : {}) });
  const res = await fetch(`${base}/dev/phone/send`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: base } });
  expect(res.status).toBe(303);
  const want = opts.replies ?? 1;
  const deadline = Date.now() + 10_000;
  let now = await repliesTo(phone);
  while (now.length < before + want && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 50));
    now = await repliesTo(phone);
  }
  if (want === 0) await new Promise((ok) => setTimeout(ok, 500));
  return (await repliesTo(phone)).slice(before);
};

/** The code staff hand out at today's class session (the one starting within the next hours). */
const todaysCode = async (): Promise<string> => {
  const db = await openLibsql({ url: `file:${join(dir, 'db.sqlite')}`, migrationsFolder: join(import.meta.dirname, '../migrations') });
  try {
    const now = Date.now();
    const r = await db.client.execute({ sql: 'SELECT checkin_code FROM class_sessions WHERE starts_at > ? AND starts_at < ? ORDER BY starts_at LIMIT 1', args: [now, now + 3 * 3600_000] });
    return String(r.rows[0]!.checkin_code);
  } finally {
    db.close();
  }
};

describe('a demo client on /dev/phone', () => {
  it('in English: menu, change an appointment’s time, RSVP, check in, send a photo, message, stop and start again', async () => {
    expect(await text(ALEX, 'MENU')).toEqual([t('en', 'sms.menu')]);
    expect((await text(ALEX, '1'))[0]).toMatch(shape('en', 'sms.appointments.next'));
    expect((await text(ALEX, '2'))[0]).toMatch(shape('en', 'sms.appointments.choose_slot'));
    expect((await text(ALEX, '1'))[0]).toMatch(shape('en', 'sms.appointments.slot_chosen'));

    await text(ALEX, 'MENU');
    expect((await text(ALEX, '2'))[0]).toMatch(shape('en', 'sms.classes.next'));
    expect(await text(ALEX, 'YES')).toEqual([t('en', 'sms.classes.going')]);
    expect(await text(ALEX, (await todaysCode()).toLowerCase())).toEqual([t('en', 'sms.classes.checked_in')]);

    expect((await text(ALEX, '', { photo: true }))[0]).toMatch(shape('en', 'sms.documents.pick'));
    expect(await text(ALEX, '1')).toEqual([t('en', 'sms.documents.received')]);

    expect(await text(ALEX, 'Can I bring my son on Thursday?')).toEqual([t('en', 'sms.sent')]);

    expect(await text(ALEX, 'STOP')).toEqual([t('en', 'sms.stopped')]);
    expect(await text(ALEX, 'MENU', { replies: 0 })).toEqual([]);
    expect(await text(ALEX, 'START')).toEqual([t('en', 'sms.started')]);
    expect(await text(ALEX, 'MENU')).toEqual([t('en', 'sms.menu')]);
  }, 60_000);

  it('in Spanish, worded neutrally as María asked: confirm an appointment, ALTO and START', async () => {
    expect(await text(MARIA, 'MENÚ')).toEqual([t('es', 'sms.menu_neutral')]);
    expect((await text(MARIA, '1'))[0]).toMatch(shape('es', 'sms.appointments.next_neutral'));
    expect(await text(MARIA, 'SÍ')).toEqual([t('es', 'sms.appointments.confirmed_neutral')]);
    expect(await text(MARIA, '¿Puedo llegar 10 minutos tarde?')).toEqual([t('es', 'sms.sent_neutral')]);
    expect(await text(MARIA, 'ALTO')).toEqual([t('es', 'sms.stopped')]);
    expect(await text(MARIA, 'START')).toEqual([t('es', 'sms.started')]);
  }, 60_000);
});
