import { readFile } from 'node:fs/promises';
import { getAgencySettings, setAgencySettings } from '../../usecases/admin/agency-settings.ts';
import { EXIT, type CommandContext } from '../command.ts';

/**
 * `settings`: prints the agency's rules in force as JSON. `settings --file FILE`: sets the fields
 * the JSON file gives (the others keep their values); a wrong or unknown field is named and
 * nothing is changed.
 */
export const settingsCommand = async (ctx: CommandContext, file: string | undefined): Promise<number> => {
  if (file === undefined) {
    const r = await getAgencySettings(ctx.deps, ctx.actor);
    if (!r.ok) return ctx.io.err(ctx.say(`errors.${r.code}`)), EXIT.failed;
    ctx.io.out(`${JSON.stringify(r.value, null, 2)}\n`);
    return EXIT.ok;
  }
  let changes: unknown;
  try {
    changes = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    ctx.io.err(ctx.say('cli.settings_unreadable', { file }));
    return EXIT.failed;
  }
  const r = await setAgencySettings(ctx.deps, ctx.actor, changes);
  if (!r.ok) {
    ctx.io.err(r.code === 'invalid_settings' ? ctx.say('cli.settings_invalid', { fields: String(r.detail?.fields ?? '') }) : ctx.say(`errors.${r.code}`));
    return EXIT.failed;
  }
  ctx.io.out(ctx.say('cli.settings_saved'));
  ctx.io.out(`${JSON.stringify(r.value, null, 2)}\n`);
  return EXIT.ok;
};
