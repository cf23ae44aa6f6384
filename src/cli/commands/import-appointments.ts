import { APPOINTMENT_COLUMNS, APPOINTMENT_REQUIRED_COLUMNS } from '../../usecases/admin/appointment-columns.ts';
import { importAppointments } from '../../usecases/admin/import-appointments.ts';
import type { CommandContext } from '../command.ts';
import { importFile } from '../import-file.ts';

/** `import-appointments FILE.csv` */
export const importAppointmentsCommand = (ctx: CommandContext, file: string): Promise<number> =>
  importFile(ctx, file, {
    columns: { known: APPOINTMENT_COLUMNS, required: APPOINTMENT_REQUIRED_COLUMNS },
    run: importAppointments,
    doneKey: 'cli.imported_appointments',
  });
