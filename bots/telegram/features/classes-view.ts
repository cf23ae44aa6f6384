// How a class session reads in the chat: a few short lines, and the RSVP buttons.
// Callback data names the session, but the bot never trusts it: every press goes through the use
// case with the chat's own client, so another client's session is simply not found.
import { InlineKeyboard } from 'grammy';
import type { Client, Locale } from '../../../src/domain/types.ts';
import type { ClassSessionView } from '../../../src/usecases/classes/view.ts';
import { formatWhen } from '../../../src/usecases/shared/format.ts';
import type { BotEnv } from '../context.ts';
import { MAX_CALLBACK_BYTES } from './appointments-view.ts';
import { mustBeNeutral } from '../../../src/domain/wording.ts';

const fits = (data: string) => new TextEncoder().encode(data).length <= MAX_CALLBACK_BYTES;

export const rsvpData = (sessionId: string, answer: 'yes' | 'no') => `cls:${answer === 'yes' ? 'y' : 'n'}:${sessionId}`;

/** A lock screen may show the line: neutral wording hides what and where, as notices do. */
const neutral = (client: Client, s: ClassSessionView) => mustBeNeutral(client, s.sensitive);

export const sessionLine = (env: BotEnv, locale: Locale, client: Client, s: ClassSessionView): string => {
  const t = (key: string, vars?: Record<string, string | number>) => env.core.t(locale, key, vars);
  const hide = neutral(client, s);
  const what = hide ? t('telegram.classes.neutral_kind') : s.title;
  const lines = [t('telegram.classes.line', { what, when: formatWhen(s.startsAt, locale, client.timeZone) })];
  if (s.location && !hide) lines.push(t('telegram.classes.where', { where: s.location }));
  if (s.checkedInAt != null) {
    lines.push(t('portal.classes.checked_in_at', { time: formatWhen(s.checkedInAt, locale, client.timeZone) }));
  } else {
    lines.push(t(s.rsvp === 'yes' ? 'portal.classes.answer_yes' : s.rsvp === 'no' ? 'portal.classes.answer_no' : 'portal.classes.answer_none'));
    if (s.checkinOpen) lines.push(t('portal.classes.checkin_open'));
  }
  return lines.join('\n');
};

/** "I'll be there" / "I can't come", leaving out the answer already given; none once checked in. */
export const sessionButtons = (env: BotEnv, locale: Locale, s: ClassSessionView): InlineKeyboard | null => {
  if (s.checkedInAt != null) return null;
  const kb = new InlineKeyboard();
  let any = false;
  for (const answer of ['yes', 'no'] as const) {
    const data = rsvpData(s.sessionId, answer);
    if (s.rsvp === answer || !fits(data)) continue;
    kb.text(env.core.t(locale, `portal.classes.${answer}`), data);
    any = true;
  }
  return any ? kb : null;
};
