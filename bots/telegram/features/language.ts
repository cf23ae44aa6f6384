// `/language`: one button per portal language; pressing one changes the client's language.
import { Composer, InlineKeyboard } from 'grammy';
import { isLocale } from '../../../src/domain/locale.ts';
import { LOCALES } from '../../../src/domain/types.ts';
import { updateSettings } from '../../../src/usecases/clients/update-settings.ts';
import { clientActor, localeOf, say, type BotContext, type BotEnv, ackPress } from '../context.ts';

/** Each button names its language in that language, as the portal does. */
export const languageKeyboard = (env: BotEnv) => {
  const kb = new InlineKeyboard();
  LOCALES.forEach((code, i) => {
    kb.text(env.core.t(code, `portal.languages.${code}`), `lang:${code}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
};

export const languageFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.command('language', (ctx) =>
    ctx.reply(env.core.t(localeOf(ctx), 'telegram.language_choose'), { reply_markup: languageKeyboard(env) }),
  );
  // The button says only which language: the client is always this chat's own.
  feature.callbackQuery(/^lang:(.{1,16})$/, async (ctx) => {
    const code = ctx.match[1]!;
    const client = ctx.client!;
    if (!isLocale(code)) {
      return ackPress(ctx, { text: env.core.t(localeOf(ctx), 'telegram.language_unknown') });
    }
    const r = await updateSettings(env.core, clientActor(client), { clientId: client.id, language: code });
    if (!r.ok) return ackPress(ctx, { text: env.core.t(localeOf(ctx), 'telegram.not_sent') });
    ctx.client = { ...client, language: code };
    await ackPress(ctx);
    return say(env, ctx, 'language_changed');
  });
  // Any other button (from an old message, or made up): nothing to do, but stop the spinner.
  feature.on('callback_query:data', (ctx) => ackPress(ctx));
  return feature;
};
