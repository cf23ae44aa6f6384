// The shared shape of the import commands: read the file, run the use case, report every bad row.
import type { Actor } from '../domain/actor.ts';
import type { ImportResult, InputRow } from '../usecases/admin/rows.ts';
import type { CoreDeps } from '../usecases/shared/deps.ts';
import { EXIT, type CommandContext } from './command.ts';
import { readCsv, type CsvColumns } from './csv.ts';

export interface ImportSpec {
  columns: CsvColumns;
  run: (deps: CoreDeps, actor: Actor, input: { rows: InputRow[] }) => Promise<ImportResult>;
  /** the summary printed on success, with {{created}} and {{updated}} */
  doneKey: string;
}

const REFUSAL_KEYS: Record<string, string> = {
  no_agency: 'cli.no_agency',
  forbidden: 'errors.forbidden',
  // someone changed the same records meanwhile: nothing was written, the import can be run again
  conflict: 'errors.conflict',
  duplicate: 'errors.conflict',
};

export const importFile = async (ctx: CommandContext, file: string, spec: ImportSpec): Promise<number> => {
  const { io, say } = ctx;
  const read = await readCsv(file, spec.columns);
  if (!read.ok) {
    io.err(say(read.key, read.vars));
    if (read.detail) io.err(read.detail);
    return EXIT.failed;
  }
  const r = await spec.run(ctx.deps, ctx.actor, { rows: read.rows });
  if (r.ok) {
    io.out(say(spec.doneKey, { created: r.value.created, updated: r.value.updated }));
    return EXIT.ok;
  }
  if (r.code === 'rows_invalid') {
    for (const e of r.errors) io.err(say('cli.row_error', { row: e.row, reason: say(e.reason.key, e.reason.vars) }));
    io.err(say('cli.nothing_imported', { count: r.detail?.count ?? new Set(r.errors.map((e) => e.row)).size }));
    return EXIT.failed;
  }
  io.err(say(REFUSAL_KEYS[r.code] ?? 'errors.conflict'));
  return EXIT.failed;
};
