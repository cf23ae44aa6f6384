// `/help`: what the bot can do now, how to stop, and where emergencies go.
import { Composer } from 'grammy';
import { say, type BotContext, type BotEnv } from '../context.ts';

export const helpFeature = (env: BotEnv) => {
  const feature = new Composer<BotContext>();
  feature.command('help', async (ctx) => {
    await say(env, ctx, 'help');
    if (!ctx.client) await say(env, ctx, 'not_connected');
  });
  return feature;
};
