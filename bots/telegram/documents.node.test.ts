// Documents in Telegram, through the real HTTP app and a fake Bot API on 127.0.0.1: the open
// requests, choosing one and sending a PDF, a photo for the only open request, and refusals
// (wrong type, too big, another client's request) that store nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../test/support/core.ts';
import { documentRequestRow, insert, world, type World } from '../../test/support/fixtures.ts';
import { buttonsOf, startTelegram, type TelegramHarness } from '../../test/support/telegram.ts';
import type { Client, DocumentRequest } from '../../src/domain/types.ts';

const CHAT = 5150;
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const JPEG = (n: number) => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(n).fill(7)]);
const HTML = new TextEncoder().encode('<!doctype html><html><body>hi</body></html>');
let core: TestCore;
let w: World;
let tg: TelegramHarness;
let api: TelegramHarness['api'];

beforeEach(async () => {
  core = await makeCore('2026-02-25T15:00:00Z');
  w = await world(core);
  tg = await startTelegram(core, w);
  api = tg.api;
});
afterEach(() => api.close());

const message = (body: Record<string, unknown>) => tg.send(tg.messageUpdate(CHAT, body));
const text = (body: string) => tg.text(body, CHAT);
const press = (data: string) => tg.press(data, CHAT);
const lastText = () => tg.lastTo(CHAT);
const link = (client: Client = w.bob) => tg.link(client.id, CHAT);
/** The client sends a file as a document; the fake serves `bytes` unless `size` says otherwise. */
const sendDocument = (fileId: string, bytes: Uint8Array | null, size?: number, name = 'file.pdf') => {
  if (bytes) api.addFile(fileId, bytes);
  return message({ document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: name, file_size: size ?? bytes?.length } });
};
const t = (key: string, vars?: Record<string, string | number>) => core.t(w.bob.language, key, vars);
const ask = async (client: Client, over: Partial<DocumentRequest> = {}) => {
  const r = documentRequestRow(core, client, over);
  await insert(core, core.store.documents.insertRequest(r));
  return r;
};
const actor = (c: Client) => ({ type: 'client' as const, agencyId: c.agencyId, clientId: c.id, door: 'telegram' as const });
const filesOf = (c: Client) => core.store.documents.listForClient(actor(c), c.id);
const statusOf = async (c: Client, r: DocumentRequest) =>
  (await core.store.documents.listRequestsForClient(actor(c), c.id)).find((x) => x.id === r.id)?.status;

describe('documents in Telegram', () => {
  it('offers Documents in the menu and lists the open requests, each with its button', async () => {
    const stub = await ask(w.bob);
    const id = await ask(w.bob, { kind: 'ID card', status: 'rejected', rejectionReason: 'Too blurry' });
    await ask(w.bob, { kind: 'Lease', status: 'accepted' });
    await link();
    await text('/menu');
    expect(buttonsOf(api.sent.at(-1)).map((b) => b.callback_data)).toContain('doc:list');
    await press('doc:list');
    const shown = api.sent.slice(-2);
    expect(shown.map((m) => buttonsOf(m).map((b) => b.callback_data))).toEqual([[`doc:p:${id.id}`], [`doc:p:${stub.id}`]]);
    expect(shown[0]!.text).toContain('ID card');
    expect(shown[0]!.text).toContain('Too blurry');
    expect(shown[1]!.text).toContain('Pay stub');
    expect(api.sent.some((m) => m.text.includes('Lease'))).toBe(false);
  });

  it('stores a PDF sent after choosing its request, and the request is uploaded', async () => {
    await ask(w.bob, { kind: 'ID card' });
    const stub = await ask(w.bob);
    await link();
    await press(`doc:p:${stub.id}`);
    expect(lastText()).toBe(t('telegram.documents.send_now'));
    await sendDocument('pdf1', PDF);
    expect(lastText()).toBe(t('telegram.documents.received', { kind: t('portal.documents.type.pdf') }));
    const files = await filesOf(w.bob);
    expect(files.map((f) => [f.requestId, f.detectedType, f.channel, f.size])).toEqual([[stub.id, 'application/pdf', 'telegram', PDF.length]]);
    expect(await statusOf(w.bob, stub)).toBe('uploaded');
  });

  it('stores the largest size of a photo for the only open request', async () => {
    const stub = await ask(w.bob);
    await link();
    api.addFile('small', JPEG(10));
    api.addFile('large', JPEG(500));
    await message({ photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90, file_size: 14 }, { file_id: 'large', file_unique_id: 'l', width: 1280, height: 1280, file_size: 504 }] });
    expect(lastText()).toBe(t('telegram.documents.received', { kind: t('portal.documents.type.jpg') }));
    expect(api.calls.filter((c) => c.method === 'getFile').map((c) => c.params.file_id)).toEqual(['large']);
    expect((await filesOf(w.bob)).map((f) => [f.requestId, f.size])).toEqual([[stub.id, 504]]);
    expect(await statusOf(w.bob, stub)).toBe('uploaded');
  });

  it('asks which request a file is for when several are open', async () => {
    const a = await ask(w.bob);
    const b = await ask(w.bob, { kind: 'ID card' });
    await link();
    await sendDocument('pdf1', PDF);
    expect(lastText()).toBe(t('telegram.documents.pick'));
    expect(buttonsOf(api.sent.at(-1)).map((x) => x.callback_data).sort()).toEqual([`doc:p:${a.id}`, `doc:p:${b.id}`].sort());
    expect(api.downloads).toEqual([]);
    expect(await filesOf(w.bob)).toEqual([]);
  });

  it('refuses an HTML file: nothing is stored', async () => {
    const stub = await ask(w.bob);
    await link();
    await sendDocument('html', HTML, undefined, 'stub.pdf');
    expect(lastText()).toBe(t('errors.unsupported_type'));
    expect(await filesOf(w.bob)).toEqual([]);
    expect(await statusOf(w.bob, stub)).toBe('requested');
  });

  it('refuses a file over 20 MB before downloading it', async () => {
    const stub = await ask(w.bob);
    await link();
    api.addFile('huge', PDF);
    await sendDocument('huge', null, 21 * 1024 * 1024);
    expect(lastText()).toBe(t('telegram.documents.too_big'));
    expect(api.calls.some((c) => c.method === 'getFile')).toBe(false);
    expect(api.downloads).toEqual([]);
    expect(await filesOf(w.bob)).toEqual([]);
    expect(await statusOf(w.bob, stub)).toBe('requested');
  });

  it('treats another client’s request id as not found, and stores nothing for it', async () => {
    const alices = await ask(w.alice);
    await link();
    await press(`doc:p:${alices.id}`);
    expect(lastText()).toBe(t('telegram.documents.not_found'));
    await sendDocument('pdf1', PDF);
    expect(lastText()).toBe(t('telegram.documents.nothing_open'));
    expect(await filesOf(w.bob)).toEqual([]);
    expect(await filesOf(w.alice)).toEqual([]);
    expect(await statusOf(w.alice, alices)).toBe('requested');
  });
});
