import { writeFile } from 'node:fs/promises';
import { exportClient } from '../../usecases/admin/export-client.ts';
import { EXIT, type CommandContext } from '../command.ts';

/** Times are UTC milliseconds inside; a records request reads them as ISO 8601. */
const isoTimes = (key: string, value: unknown): unknown =>
  typeof value === 'number' && (key === 'at' || /[a-z]At$/.test(key)) ? new Date(value).toISOString() : value;

/** `export-client ID [--out FILE]`: the client's full record as JSON. */
export const exportClientCommand = async (ctx: CommandContext, clientId: string, out: string | undefined): Promise<number> => {
  const r = await exportClient(ctx.deps, ctx.actor, { clientId });
  if (!r.ok) {
    ctx.io.err(ctx.say(r.code === 'not_found' ? 'cli.client_not_found' : 'errors.forbidden', { id: clientId }));
    return EXIT.failed;
  }
  const json = `${JSON.stringify(r.value, isoTimes, 2)}\n`;
  if (out === undefined) {
    ctx.io.out(json);
    return EXIT.ok;
  }
  try {
    // the record is sensitive: readable by its owner only
    await writeFile(out, json, { mode: 0o600 });
  } catch (e) {
    ctx.io.err(e instanceof Error ? e.message : String(e));
    return EXIT.failed;
  }
  return EXIT.ok;
};
