// Documents: the client's open requests with a "Send a file for this" button, and photos or
// files sent to the chat stored for a request. The file goes to the request the client chose
// (within 10 minutes, kept in the store as the chat's open question), else to their only open
// request, else they are asked to pick one.
// Every step runs the use cases as the chat's own client (door 'telegram').
import { recordChatText } from '../record-text.ts';
import { Composer } from 'grammy';
import { listDocumentRequests, type DocumentRequestView } from '../../../src/usecases/documents/list-document-requests.ts';
import { uploadDocument } from '../../../src/usecases/documents/upload-document.ts';
import { clientActor, localeOf, say, whereOf, type BotContext, type BotEnv, ackPress } from '../context.ts';
import { askWrite, takeQuestion } from '../../../src/usecases/shared/conversation-state.ts';
import { FILE_WAIT, fileKind, pickButtons, requestLine, sendButton } from './documents-view.ts';
import { downloadTelegramFile, type FileSource } from './download.ts';

/** At most this many requests are listed; the portal shows them all. */
const MAX_LISTED = 10;
const ID = '([A-Za-z0-9_-]{1,48})';
/** The chat's open question "which request is the next file for". */
const UPLOAD_FOR = 'upload_for';

/** Runs after the gate and before relay; it ends the chain for every photo or file it is sent. */
export const documentsFeature = (env: BotEnv, files: FileSource) => {
  const feature = new Composer<BotContext>();
  const t = (ctx: BotContext, key: string, vars?: Record<string, string | number>) => env.core.t(localeOf(ctx), key, vars);
  const reply = (ctx: BotContext, text: string) => ctx.reply(text, { link_preview_options: { is_disabled: true } });
  const actor = (ctx: BotContext) => clientActor(ctx.client!);

  /** The client's open requests; null (already answered) when they cannot be read. */
  const openRequests = async (ctx: BotContext): Promise<DocumentRequestView[] | null> => {
    const r = await listDocumentRequests(env.core, actor(ctx), { clientId: ctx.client!.id });
    if (!r.ok) {
      await say(env, ctx, 'documents.not_found');
      return null;
    }
    return r.value.filter((d) => d.open);
  };

  const list = async (ctx: BotContext) => {
    const open = await openRequests(ctx);
    if (!open) return;
    if (open.length === 0) return say(env, ctx, 'documents.none');
    const locale = localeOf(ctx);
    for (const r of open.slice(0, MAX_LISTED)) {
      const kb = sendButton(env, locale, r);
      await ctx.reply(requestLine(env, locale, ctx.client!, r), kb ? { reply_markup: kb } : {});
    }
  };

  feature.command('documents', list);
  feature.callbackQuery('doc:list', async (ctx) => {
    await ackPress(ctx);
    return list(ctx);
  });

  // Choosing a request: only one of this client's open requests can wait for a file.
  feature.callbackQuery(new RegExp(`^doc:p:${ID}$`), async (ctx) => {
    await ackPress(ctx);
    const open = await openRequests(ctx);
    if (!open) return;
    const chosen = open.find((r) => r.id === ctx.match[1]);
    if (!chosen) return say(env, ctx, 'documents.not_found');
    const ask = { kind: UPLOAD_FOR, clientId: ctx.client!.id, data: { requestId: chosen.id } };
    await env.core.store.commit([askWrite(env.core, whereOf(ctx), ask, FILE_WAIT)]);
    return say(env, ctx, 'documents.send_now');
  });

  feature.on(['message:photo', 'message:document'], async (ctx) => {
    const client = ctx.client!;
    const locale = localeOf(ctx);
    // Words sent with a file are a message for the caseworker like any other (checked for a crisis,
    // or the pause word), as by SMS; the file is then handled as usual.
    const caption = ctx.message.caption?.trim();
    if (caption) await recordChatText(env, ctx, caption, ':caption');
    const chosen = await takeQuestion<{ requestId: string }>(env.core, whereOf(ctx), client.id, [UPLOAD_FOR]);
    let requestId = chosen?.data.requestId;
    if (!requestId) {
      const open = await openRequests(ctx);
      if (!open) return;
      if (open.length === 0) return say(env, ctx, 'documents.nothing_open');
      if (open.length > 1) {
        return ctx.reply(t(ctx, 'telegram.documents.pick'), { reply_markup: pickButtons(env, locale, client, open.slice(0, MAX_LISTED)) });
      }
      requestId = open[0]!.id;
    }
    // A photo comes in several sizes, smallest first: the largest is the one to keep.
    const file = ctx.message.photo ? ctx.message.photo.at(-1)! : ctx.message.document!;
    const got = await downloadTelegramFile(ctx.api, files, file.file_id, file.file_size);
    if (!got.ok) return say(env, ctx, got.code === 'too_big' ? 'documents.too_big' : 'documents.download_failed');
    const r = await uploadDocument(env.core, actor(ctx), { clientId: client.id, requestId, bytes: got.bytes, channel: 'telegram' });
    if (!r.ok) {
      if (r.code === 'not_found') return say(env, ctx, 'documents.not_found');
      const code = r.code === 'invalid' ? 'storage_failed' : r.code;
      return reply(ctx, t(ctx, `errors.${code}`, r.detail));
    }
    return reply(ctx, t(ctx, 'telegram.documents.received', { kind: fileKind(env, locale, r.value.document.detectedType) }));
  });
  return feature;
};
