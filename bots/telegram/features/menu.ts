// `/menu`: the main menu as buttons. Only features that exist are offered.
import { Composer, InlineKeyboard } from 'grammy';
import { localeOf, say, type BotContext, type BotEnv, ackPress } from '../context.ts';
import { languageKeyboard } from './language.ts';

const menuKeyboard = (env: BotEnv, ctx: BotContext) => {
  const t = (key: string) => env.core.t(localeOf(ctx), `telegram.menu.${key}`);
  return new InlineKeyboard()
    .text(t('appointments'), 'appt:list')
    .row()
    .text(t('documents'), 'doc:list')
    .row()
    .text(t('classes'), 'cls:list')
    .row()
    .text(t('message'), 'menu:msg')
    .row()
    .text(t('language'), 'menu:lang')
    .text(t('help'), 'menu:help');
};

export const menuFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.command('menu', (ctx) => ctx.reply(env.core.t(localeOf(ctx), 'telegram.menu.title'), { reply_markup: menuKeyboard(env, ctx) }));
  feature.callbackQuery('menu:msg', async (ctx) => {
    await ackPress(ctx);
    return say(env, ctx, 'menu.message_hint');
  });
  feature.callbackQuery('menu:lang', async (ctx) => {
    await ackPress(ctx);
    return ctx.reply(env.core.t(localeOf(ctx), 'telegram.language_choose'), { reply_markup: languageKeyboard(env) });
  });
  feature.callbackQuery('menu:help', async (ctx) => {
    await ackPress(ctx);
    return say(env, ctx, 'help');
  });
  return feature;
};
