// Entry point of the admin CLI: `npm run cli -- <command>` (see `cli.usage` in locales/en).
import { processIo } from './io.ts';
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), process.env, processIo());
