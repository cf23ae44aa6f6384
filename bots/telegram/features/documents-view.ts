// How a document request reads in the chat.
// Callback data names the request, but the bot never trusts it: every press and every file goes
// through the use cases as the chat's own client, so another client's id is simply not found.
import { InlineKeyboard } from 'grammy';
import { extensionFor, type AcceptedType } from '../../../src/domain/file-type.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import type { Client, Locale } from '../../../src/domain/types.ts';
import type { DocumentRequestView } from '../../../src/usecases/documents/list-document-requests.ts';
import type { BotEnv } from '../context.ts';
import { MAX_CALLBACK_BYTES } from './appointments-view.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';

export const pickData = (requestId: string) => `doc:p:${requestId}`;
const fits = (data: string) => new TextEncoder().encode(data).length <= MAX_CALLBACK_BYTES;

/** A lock screen may show the line: neutral wording hides what is asked, as notices do. */
const whatOf = (env: BotEnv, locale: Locale, client: Client, r: DocumentRequestView) =>
  mustBeNeutral(client) ? env.core.t(locale, 'telegram.documents.neutral_kind') : r.kind;

export const requestLine = (env: BotEnv, locale: Locale, client: Client, r: DocumentRequestView): string => {
  const t = (key: string, vars?: Record<string, string | number>) => env.core.t(locale, key, vars);
  const lines = [t('telegram.documents.line', { what: whatOf(env, locale, client, r) })];
  if (r.dueAt !== null) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: client.timeZone }).format(r.dueAt);
    lines.push(t('telegram.documents.due', { date }));
  }
  lines.push(t('telegram.documents.status', { status: t(`portal.documents.status.${r.status}`) }));
  if (r.rejectionReason && !mustBeNeutral(client)) {
    lines.push(t('telegram.documents.rejection_reason', { reason: r.rejectionReason }));
  }
  return lines.join('\n');
};

export const sendButton = (env: BotEnv, locale: Locale, r: DocumentRequestView): InlineKeyboard | null => {
  const data = pickData(r.id);
  return fits(data) ? new InlineKeyboard().text(env.core.t(locale, 'telegram.documents.send_for'), data) : null;
};

/** One button per open request, one per row, for a file that could be for any of them. */
export const pickButtons = (env: BotEnv, locale: Locale, client: Client, open: DocumentRequestView[]): InlineKeyboard => {
  const kb = new InlineKeyboard();
  for (const r of open) if (fits(pickData(r.id))) kb.text(whatOf(env, locale, client, r).slice(0, 60), pickData(r.id)).row();
  return kb;
};

/** "PDF", "JPEG photo"…: what was received, in the client's language. */
export const fileKind = (env: BotEnv, locale: Locale, type: string): string =>
  env.core.t(locale, `portal.documents.type.${extensionFor(type as AcceptedType) ?? 'other'}`);

/** How long a chosen request waits for its file. */
export const FILE_WAIT = 10 * MINUTE;
