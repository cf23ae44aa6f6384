// The admin CLI: parse the command line, open the database, pick the agency, run the command.
import { userInfo } from 'node:os';
import { ConfigError } from '../config/load.ts';
import { createTranslator } from '../i18n/translator.ts';
import { chooseAgency } from './agency.ts';
import { parseCli } from './args.ts';
import { EXIT, type CommandContext } from './command.ts';
import { exportClientCommand } from './commands/export-client.ts';
import { importAppointmentsCommand } from './commands/import-appointments.ts';
import { importClientsCommand } from './commands/import-clients.ts';
import { importStaffCommand } from './commands/import-staff.ts';
import { inviteCommand } from './commands/invite.ts';
import { tickCommand } from './commands/tick.ts';
import { settingsCommand } from './commands/settings.ts';
import { openCliDeps } from './context.ts';
import { sayer, type Io } from './io.ts';

/** Who ran the command, for the audit log: the operating-system user, when there is one. */
const osUser = (): string | undefined => {
  try {
    return `os:${userInfo().username}`;
  } catch {
    return undefined;
  }
};

export const runCli = async (argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> => {
  const say = sayer(createTranslator());
  const args = parseCli(argv);
  if (args.kind === 'help') {
    io.out(say('cli.usage'));
    return EXIT.ok;
  }
  if (args.kind === 'usage_error') {
    if (args.key !== 'cli.usage') io.err(say(args.key, args.vars));
    io.err(say('cli.usage'));
    return EXIT.usage;
  }
  let opened: Awaited<ReturnType<typeof openCliDeps>>;
  try {
    opened = await openCliDeps(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.failed;
    }
    throw e;
  }
  try {
    const { command } = args;
    const adminId = osUser();
    if (command.name === 'tick') {
      // The scheduler runs for every agency, as the server's does.
      const ctx = { deps: opened.deps, io, say, publicUrl: opened.publicUrl, actor: { type: 'admin' as const, agencyId: '', door: 'cli' as const } };
      return await tickCommand(ctx, { at: command.at, ahead: command.ahead, deliverToDevOutbox: opened.devOnly, maxAttempts: opened.maxAttempts });
    }
    const choice = await chooseAgency(opened.deps.store, command.agency);
    if (!choice.ok) {
      io.err(say(choice.key, choice.vars));
      return EXIT.failed;
    }
    const ctx: CommandContext = {
      deps: opened.deps,
      actor: { type: 'admin', agencyId: choice.agency.id, door: 'cli', ...(adminId ? { adminId } : {}) },
      io,
      say,
      publicUrl: opened.publicUrl,
    };
    switch (command.name) {
      case 'import-clients':
        return await importClientsCommand(ctx, command.file);
      case 'import-appointments':
        return await importAppointmentsCommand(ctx, command.file);
      case 'import-staff':
        return await importStaffCommand(ctx, command.file);
      case 'export-client':
        return await exportClientCommand(ctx, command.clientId, command.out);
      case 'invite':
        return await inviteCommand(ctx, command.clientId);
      case 'settings':
        return await settingsCommand(ctx, command.file);
    }
  } finally {
    opened.close();
  }
};
