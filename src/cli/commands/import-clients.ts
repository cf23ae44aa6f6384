import { CLIENT_COLUMNS, CLIENT_REQUIRED_COLUMNS } from '../../usecases/admin/client-columns.ts';
import { importClients } from '../../usecases/admin/import-clients.ts';
import type { CommandContext } from '../command.ts';
import { importFile } from '../import-file.ts';

/** `import-clients FILE.csv` */
export const importClientsCommand = (ctx: CommandContext, file: string): Promise<number> =>
  importFile(ctx, file, {
    columns: { known: CLIENT_COLUMNS, required: CLIENT_REQUIRED_COLUMNS },
    run: importClients,
    doneKey: 'cli.imported_clients',
  });
