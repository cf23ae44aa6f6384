import { STAFF_COLUMNS, STAFF_REQUIRED_COLUMNS } from '../../usecases/admin/staff-columns.ts';
import { importStaff } from '../../usecases/admin/import-staff.ts';
import type { CommandContext } from '../command.ts';
import { importFile } from '../import-file.ts';

/** `import-staff FILE.csv` */
export const importStaffCommand = (ctx: CommandContext, file: string): Promise<number> =>
  importFile(ctx, file, {
    columns: { known: STAFF_COLUMNS, required: STAFF_REQUIRED_COLUMNS },
    run: importStaff,
    doneKey: 'cli.imported_staff',
  });
